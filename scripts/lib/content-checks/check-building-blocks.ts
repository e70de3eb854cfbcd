/**
 * Building blocks: a misspelt name, such as <Warnnig>, would stop the page building with a
 * message only a developer could read. Say which blocks exist instead.
 */
import { readdirSync } from "node:fs";
import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";
import { attributeOf, isJsxElement } from "./mdx-nodes.ts";
import type { PageSource } from "./page-source.ts";
import { placeOf, type Problem } from "./problem.ts";

/** What each block cannot do without, and an example of it. */
const REQUIRED: Record<string, { attribute: string; example: string }> = {
  Details: { attribute: "summary", example: '<Details summary="More about letters">' },
  Step: { attribute: "title", example: '<Step title="A practitioner meets you">' },
};

/** The blocks are the .astro files in src/components/content/, as the site itself finds them. */
export function buildingBlocks(componentsDir: string): string[] {
  return readdirSync(componentsDir)
    .filter((file) => file.endsWith(".astro"))
    .map((file) => file.slice(0, -".astro".length))
    .sort();
}

export function checkBuildingBlocks(page: PageSource, blocks: string[]): Problem[] {
  const problems: Problem[] = [];
  visit(page.tree as Nodes, (node) => {
    if (!isJsxElement(node) || !node.name || !/^[A-Z]/.test(node.name)) return;
    const at = { file: page.file, ...placeOf(node), severity: "error" as const, rule: "building-block" };
    if (!blocks.includes(node.name)) {
      problems.push({
        ...at,
        message: `<${node.name}> is not one of our building blocks.`,
        fix: `Check the spelling and capital letters. The building blocks are: ${blocks.map((b) => `<${b}>`).join(", ")}.`,
      });
      return;
    }
    const required = REQUIRED[node.name];
    if (required && !attributeOf(node, required.attribute).text?.trim()) {
      problems.push({
        ...at,
        message: `<${node.name}> needs a ${required.attribute}.`,
        fix: `Write it like this: ${required.example}`,
      });
    }
  });
  return problems;
}
