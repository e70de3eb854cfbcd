/** The images on a page, written in Markdown (![alt](src)) or as HTML (<img src alt>). */
import type { Nodes, Root } from "mdast";
import type { Position } from "unist";
import { visit } from "unist-util-visit";
import { attributeOf, isJsxElement } from "./mdx-nodes.ts";

export interface PageImage {
  src: string;
  alt: string | undefined;
  position: Position | undefined;
}

export function imagesOf(tree: Root): PageImage[] {
  const images: PageImage[] = [];
  visit(tree as Nodes, (node) => {
    if (node.type === "image") {
      images.push({ src: node.url, alt: node.alt ?? undefined, position: node.position });
    } else if (isJsxElement(node) && node.name === "img") {
      images.push({
        src: attributeOf(node, "src").text ?? "",
        alt: attributeOf(node, "alt").text,
        position: node.position,
      });
    }
  });
  return images;
}
