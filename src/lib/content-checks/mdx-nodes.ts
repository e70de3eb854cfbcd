/** Small helpers for the MDX syntax tree the rules share. */
import type { Nodes } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export function isJsxElement(node: Nodes): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

/** An attribute written as plain text, e.g. href="/privacy/"; undefined when absent. */
export function attributeOf(element: JsxElement, name: string): { present: boolean; text: string | undefined } {
  const attribute = element.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === name);
  if (!attribute) return { present: false, text: undefined };
  return { present: true, text: typeof attribute.value === "string" ? attribute.value : undefined };
}
