/**
 * building-block: a misspelt name, such as <Warnnig>, would stop the page building
 * with a message only a developer could read; say which blocks exist instead, and what a
 * block cannot do without (declared in src/components/content/required-attributes.ts).
 */
import type { Nodes, Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { visit } from "unist-util-visit";
import { requiredAttributesOf, type AttributeKind } from "../../components/content/required-attributes.ts";
import { attributeOf, isJsxElement, type JsxElement } from "./mdx-nodes.ts";
import { report, ruleMeta } from "./rule.ts";

export interface BuildingBlockOptions {
  /** The blocks' names (the .astro files in src/components/content/); unknown names pass without it. */
  blocks?: readonly string[] | undefined;
}

/** Whether a block gives an attribute a value of its kind. */
const GIVEN: Record<AttributeKind, (block: JsxElement, attribute: string) => boolean> = {
  text: (block, attribute) => Boolean(attributeOf(block, attribute).text?.trim()),
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
    for (const [attribute, { kind, example }] of requiredAttributesOf(node.name)) {
      if (GIVEN[kind](node, attribute)) continue;
      report(
        file,
        `<${node.name}> needs a ${attribute}.`,
        node.position,
        `Write it like this: <${node.name} ${attribute}="${example}">`,
      );
    }
  });
});

export default buildingBlock;
