/**
 * The bundled enquiry function carries a template of every page it answers with, in every
 * language: 36 pages, each with the same inline <style> and <script> blocks. Those are kept
 * once each, and the whole is compressed with Brotli into one short string (bundleTemplates),
 * which the function opens on its first answer (openBundledTemplates) and then only the page
 * it needs. A long string literal costs a cold start time to scan: 800 KB of templates took
 * the function's import from 13 ms to 25 ms.
 */
import type { PageTemplate, TemplatePart } from "./page-template.ts";

/** In a packed template's parts: the shared block at that index. */
interface SharedPart {
  shared: number;
}

export interface PackedTemplates {
  /** Each page's template as JSON text, its blocks replaced by SharedParts. */
  pages: Record<string, string>;
  /** Every distinct block, once. */
  shared: string[];
}

const BLOCK = /<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g;

/** Every page's template with its style and script blocks kept once, for the bundle. */
export function packTemplates(templates: Readonly<Record<string, PageTemplate>>): PackedTemplates {
  const shared: string[] = [];
  const indexOf = new Map<string, number>();
  const share = (block: string): SharedPart => {
    let index = indexOf.get(block);
    if (index === undefined) {
      index = shared.push(block) - 1;
      indexOf.set(block, index);
    }
    return { shared: index };
  };
  const pages = Object.fromEntries(
    Object.entries(templates).map(([path, template]) => {
      const parts = template.parts.flatMap((part): (TemplatePart | SharedPart)[] => {
        if (typeof part !== "string") return [part];
        const split: (string | SharedPart)[] = [];
        let from = 0;
        for (const match of part.matchAll(BLOCK)) {
          if (match.index > from) split.push(part.slice(from, match.index));
          split.push(share(match[0]));
          from = match.index + match[0].length;
        }
        if (from < part.length) split.push(part.slice(from));
        return split;
      });
      return [path, JSON.stringify({ ...template, parts })];
    }),
  );
  return { pages, shared };
}

/** A page's template from its packed JSON text, with its shared blocks back in place. */
export function unpackTemplate(text: string, shared: readonly string[]): PageTemplate {
  const packed = JSON.parse(text) as { parts: (TemplatePart | SharedPart)[]; elements: PageTemplate["elements"] };
  const parts = packed.parts.map((part) => {
    if (typeof part === "string" || !("shared" in part)) return part;
    const block = shared[part.shared];
    if (block === undefined) throw new Error(`The bundled templates have no shared block ${part.shared}.`);
    return block;
  });
  return { parts, elements: packed.elements };
}

/** The packed templates as one Brotli-compressed base64 string, for the bundle (build only). */
export async function bundleTemplates(templates: Readonly<Record<string, PageTemplate>>): Promise<string> {
  const { brotliCompressSync, constants } = await import("node:zlib");
  const json = JSON.stringify(packTemplates(templates));
  return brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).toString("base64");
}

/** The bundle's string opened again: zlib loads only now, on the function's first answer. */
export async function openBundledTemplates(bundled: string): Promise<PackedTemplates> {
  const { brotliDecompressSync } = await import("node:zlib");
  return JSON.parse(brotliDecompressSync(Buffer.from(bundled, "base64")).toString("utf8")) as PackedTemplates;
}
