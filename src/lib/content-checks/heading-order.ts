/**
 * heading-order: the title is the page's one level 1 heading, and each heading is at
 * most one level below the one before, so screen reader users can follow the page's outline.
 * Our own rule, not remark-lint-heading-increment: that rule cannot know that the layout
 * writes the title as the h1, nor see the level 3 heading each <Step> makes.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { headingsOf } from "./headings.ts";
import { report, ruleMeta } from "./rule.ts";

const headingOrder = lintRule<Root>(ruleMeta("heading-order"), (tree, file) => {
  let previous = 1; // The title, written by the layout.
  for (const heading of headingsOf(tree)) {
    const at = { line: heading.line, column: heading.column };
    if (heading.level === 1) {
      report(
        file,
        `"${heading.text}" is a second main heading. The page's title is already its main heading.`,
        at,
        "Start the heading with ## instead of #.",
      );
    } else if (heading.level > previous + 1) {
      report(
        file,
        `"${heading.text}" is a level ${heading.level} heading straight after a level ${previous}, so it skips a level.`,
        at,
        `Start it with ${"#".repeat(previous + 1)} instead${heading.level === 3 && !heading.markdown ? ", or put a ## heading above these steps" : ""}.`,
      );
    }
    previous = heading.level;
  }
});

export default headingOrder;
