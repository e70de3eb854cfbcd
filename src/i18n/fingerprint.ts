/**
 * A fingerprint of an English page: what its readers get, not how the file is written. It
 * covers the page's settings that readers see (title, description, menu), not the review date
 * or draft flag, and its text as parsed: the words, the headings, the lists, the building
 * blocks and their attributes. How the file spells them out (line breaks inside a paragraph,
 * "*" or "-" for a list, the spaces the editor writes) changes nothing, so saving a page in the
 * editor leaves its translations up to date. A translation keeps the fingerprint of the English
 * it was made from; when the English page's is no longer that, the translation is out of date.
 * Git dates cannot say this: editor commits and shallow clones change them, words unchanged.
 */
// A pure-JavaScript SHA-256: the browser editor fingerprints pages too, synchronously.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Nodes } from "mdast";
import { parse } from "yaml";
import { pageParser } from "../lib/content-checks/page.ts";

/** Settings that do not change what a translation says. */
const IGNORED_SETTINGS = new Set(["lastReviewed", "draft"]);

export function pageFingerprint(source: string): string {
  const tree = pageParser.parse(source.replace(/\r\n?/g, "\n"));
  const yaml = tree.children.find((node) => node.type === "yaml");
  const settings = (yaml && (parse(yaml.value) as Record<string, unknown> | null)) || {};
  const kept = Object.fromEntries(Object.entries(settings).filter(([name]) => !IGNORED_SETTINGS.has(name)));
  const body = tree.children.filter((node) => node.type !== "yaml").map(shapeOf);
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify([sortKeys(kept), body])))).slice(0, 16);
}

/**
 * A node as a reader meets it: its kind, its words with runs of white space as one space, its
 * other properties (a heading's depth, a link's address, a block's attributes) and its
 * children; no positions. A block's only paragraph counts as the block's own text, since
 * `<Warning>Words</Warning>` and the same on three lines make the same page.
 */
function shapeOf(node: Nodes): unknown {
  // A block written on one line is read as a paragraph holding it: the same block.
  if (node.type === "paragraph" && node.children.length === 1 && node.children[0]?.type === "mdxJsxTextElement") {
    return shapeOf(node.children[0]);
  }
  const { type, ...rest } = node as Nodes & Record<string, unknown>;
  delete rest["position"];
  const shape: Record<string, unknown> = { type };
  for (const [key, value] of Object.entries(rest)) {
    if (key === "children") continue;
    shape[key] = key === "value" && typeof value === "string" ? value.replace(/\s+/g, " ").trim() : sortKeys(value);
  }
  if ("children" in node) {
    let children = node.children as Nodes[];
    const only = children.length === 1 ? children[0] : undefined;
    if ((type === "mdxJsxFlowElement" || type === "mdxJsxTextElement") && only?.type === "paragraph") {
      children = only.children;
    }
    shape["children"] = children.map(shapeOf);
    shape["type"] = type === "mdxJsxTextElement" ? "mdxJsxFlowElement" : type;
  }
  return shape;
}

/** The same settings written in another order are the same settings. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const rest = { ...(value as Record<string, unknown>) };
    delete rest["position"];
    return Object.fromEntries(
      Object.keys(rest)
        .sort()
        .map((key) => [key, sortKeys(rest[key])]),
    );
  }
  return value;
}
