/**
 * A page opened and saved as the editor does it, in Node: Keystatic's own field functions (each
 * field's parse, validate and serialize, the MDX field's included) with the few lines of glue
 * from Keystatic's app around them (app/required-files.ts splits the settings from the text,
 * app/updating.tsx joins them again with js-yaml's dump), so a test can round-trip every page.
 */
import { createRequire } from "node:module";
import type { ComponentSchema } from "@keystatic/core";
import keystaticConfig from "../../keystatic.config.ts";

const require = createRequire(createRequire(import.meta.url).resolve("@keystatic/core"));
const yaml = require("js-yaml") as { load(text: string): unknown; dump(value: unknown): string };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The editor's collections: "pages" (English), "pages-pl", "pages-ur", … (keystatic.config.ts). */
export type CollectionName = keyof typeof keystaticConfig.collections;

function collectionOf(name: CollectionName) {
  const collection = keystaticConfig.collections[name];
  return { schema: collection.schema as Record<string, ComponentSchema>, slugField: collection.slugField as string };
}

type Entry = Record<string, unknown>;

/** A page's settings as a YAML reader sees them (the values, not how they are written). */
export function readSettings(source: string): unknown {
  const match = /^---(?:\r?\n([^]*?))?\r?\n---\r?\n?/.exec(source);
  return match ? yaml.load(match[1] ?? "") : undefined;
}

/** What the editor holds after opening content/<slug>.mdx: each field's parsed, validated value. */
export function openEntry(slug: string, source: string, collection: CollectionName = "pages"): Entry {
  const { schema, slugField } = collectionOf(collection);
  const match = /^---(?:\r?\n([^]*?))?\r?\n---\r?\n?/.exec(source);
  if (!match) throw new Error(`${slug}: no settings block`);
  const settings = (yaml.load(match[1] ?? "") ?? {}) as Record<string, never>;
  const content = encoder.encode(source).slice(encoder.encode(match[0]).byteLength);
  const known = new Set(Object.keys(schema));
  const unknown = Object.keys(settings).filter((key) => !known.has(key));
  if (unknown.length) throw new Error(`${slug}: settings the editor does not know: ${unknown.join(", ")}`);
  return Object.fromEntries(
    Object.entries(schema).map(([key, field]) => {
      if (field.kind !== "form") throw new Error(`${key}: the pages have only form fields`);
      if (key === slugField && field.formKind === "slug")
        return [
          key,
          field.validate(field.parse(settings[key], { slug }), { slugField: { slugs: new Set(), glob: "*" } }),
        ];
      if (field.formKind === "content") {
        return [key, field.validate(field.parse(undefined, { content, other: new Map(), external: new Map(), slug }))];
      }
      if (field.formKind === "slug") return [key, field.validate(field.parse(settings[key], undefined), undefined)];
      if (field.formKind !== undefined) throw new Error(`${key}: ${field.formKind} fields are not used`);
      return [key, field.validate(field.parse(settings[key]))];
    }),
  );
}

/** The file the editor writes for an entry: its settings through js-yaml's dump, then the MDX. */
export function saveEntry(
  slug: string,
  entry: Entry,
  collection: CollectionName = "pages",
): { slug: string; source: string } {
  const { schema, slugField } = collectionOf(collection);
  let text = "";
  let newSlug = slug;
  const settings: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    if (field.kind !== "form") continue;
    if (key === slugField && field.formKind === "slug") {
      const out = field.serializeWithSlug(entry[key]);
      newSlug = out.slug;
      if (out.value !== undefined) settings[key] = out.value;
    } else if (field.formKind === "content") {
      const out = field.serialize(entry[key], { slug });
      text = decoder.decode(out.content);
    } else if (field.formKind === undefined || field.formKind === "slug") {
      const { value } = field.serialize(entry[key]);
      if (value !== undefined) settings[key] = value;
    }
  }
  return { slug: newSlug, source: `---\n${yaml.dump(settings)}---\n${text}` };
}
