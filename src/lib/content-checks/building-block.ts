/**
 * building-block (error): a misspelt name, such as <Warnnig>, would stop the page building
 * with a message only a developer could read; say which blocks exist instead, and what a
 * block cannot do without.
 */
import type { Nodes, Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { visit } from "unist-util-visit";
import { attributeOf, isJsxElement } from "./mdx-nodes.ts";
import { report, ruleMeta } from "./rule.ts";

export interface BuildingBlockOptions {
  /** The blocks' names (the .astro files in src/components/content/); unknown names pass without it. */
  blocks?: readonly string[] | undefined;
}

/** What each block cannot do without, and an example of it. */
const REQUIRED: Record<string, { attribute: string; example: string }> = {
  Details: { attribute: "summary", example: '<Details summary="More about letters">' },
  Step: { attribute: "title", example: '<Step title="A practitioner meets you">' },
};

const buildingBlock = lintRule<Root, BuildingBlockOptions>(ruleMeta("building-block"), (tree, file, options) => {
  const blocks = options?.blocks;
  visit(tree as Nodes, (node) => {
    if (!isJsxElement(node) || !node.name || !/^[A-Z]/.test(node.name)) return;
    if (blocks && !blocks.includes(node.name)) {
      report(
        file,
        `<${node.name}> is not one of our building blocks.`,
        node.position,
        `Check the spelling and capital letters. The building blocks are: ${blocks.map((b) => `<${b}>`).join(", ")}.`,
      );
      return;
    }
    const required = REQUIRED[node.name];
    if (required && !attributeOf(node, required.attribute).text?.trim()) {
      report(
        file,
        `<${node.name}> needs a ${required.attribute}.`,
        node.position,
        `Write it like this: ${required.example}`,
      );
    }
  });
});

export default buildingBlock;
