/**
 * The headings a page will have once built, in order: Markdown headings, headings written as
 * HTML, and the level 3 heading each <Step> makes. The page's title is its only level 1.
 */
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { placeOf, type Place } from "./page.ts";

export interface PageHeading extends Place {
  level: number;
  text: string;
  /** Only Markdown headings ("## …") get an id that a link can point to. */
  markdown: boolean;
}

/** Building blocks that make a heading, and its level. */
const BLOCK_HEADINGS: Record<string, { level: number; textFrom: string }> = {
  Step: { level: 3, textFrom: "title" },
};

export function headingsOf(tree: Root): PageHeading[] {
  const headings: PageHeading[] = [];
  visit(tree as Nodes, (node) => {
    if (node.type === "heading") {
      headings.push({ level: node.depth, text: toString(node), markdown: true, ...placeOf(node) });
    } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const html = /^h([1-6])$/.exec(node.name ?? "");
      const block = BLOCK_HEADINGS[node.name ?? ""];
      if (html) {
        headings.push({ level: Number(html[1]), text: toString(node), markdown: false, ...placeOf(node) });
      } else if (block) {
        const title = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === block.textFrom);
        const text = typeof title?.value === "string" ? title.value : "";
        headings.push({ level: block.level, text, markdown: false, ...placeOf(node) });
      }
    }
  });
  return headings;
}
