/**
 * Headings in order: the title is the page's one level 1 heading, and each heading is at most
 * one level below the one before, so screen reader users can follow the page's outline.
 */
import { headingsOf } from "./page-headings.ts";
import type { PageSource } from "./page-source.ts";
import type { Problem } from "./problem.ts";

export function checkHeadings(page: PageSource): Problem[] {
  const problems: Problem[] = [];
  let previous = 1; // The title, written by the layout.
  for (const heading of headingsOf(page.tree)) {
    const at = { file: page.file, line: heading.line, column: heading.column, severity: "error" as const };
    if (heading.level === 1) {
      problems.push({
        ...at,
        rule: "heading-order",
        message: `"${heading.text}" is a second main heading. The page's title is already its main heading.`,
        fix: "Start the heading with ## instead of #.",
      });
    } else if (heading.level > previous + 1) {
      problems.push({
        ...at,
        rule: "heading-order",
        message: `"${heading.text}" is a level ${heading.level} heading straight after a level ${previous}, so it skips a level.`,
        fix: `Start it with ${"#".repeat(previous + 1)} instead${heading.level === 3 && heading.markdown === false ? ", or put a ## heading above these steps" : ""}.`,
      });
    }
    previous = heading.level;
  }
  return problems;
}
