/** A page whose MDX cannot be read at all: the build would fail, so say where and why. */
import type { PageSource } from "./page-source.ts";
import type { Problem } from "./problem.ts";

export function checkReadable(page: PageSource): Problem[] {
  if (!page.readError) return [];
  const { line, column, reason } = page.readError;
  const inSettings = page.tree.children.some((node) => node.type === "yaml");
  return [
    {
      file: page.file,
      line,
      column,
      severity: "error",
      rule: "unreadable",
      message: inSettings
        ? `The settings at the top could not be read: ${reason}`
        : `This line could not be read: ${reason}`,
      fix: inSettings
        ? 'Each setting is one line, "name: value". Put text that holds a colon in double quotes.'
        : "In ordinary text, write < as \\< and { as \\{. Check that every building block you open, such as <Details>, is closed again, such as </Details>.",
    },
  ];
}
