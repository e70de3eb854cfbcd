/** The links on a page: Markdown links and definitions, <a href> written as HTML, and <InEnglish href>. */
import type { Nodes, Root } from "mdast";
import type { Position } from "unist";
import { visit } from "unist-util-visit";
import { attributeOf, isJsxElement } from "./mdx-nodes.ts";

export interface PageLink {
  href: string;
  position: Position | undefined;
}

export function linksOf(tree: Root): PageLink[] {
  const links: PageLink[] = [];
  visit(tree as Nodes, (node) => {
    let href: string | undefined;
    if (node.type === "link" || node.type === "definition") href = node.url;
    else if (isJsxElement(node) && (node.name === "a" || node.name === "InEnglish"))
      href = attributeOf(node, "href").text;
    if (href !== undefined) links.push({ href: href.trim(), position: node.position });
  });
  return links;
}
