/**
 * Opening and saving every page in the editor, unchanged, changes nothing the site shows. The
 * round trip runs in Node through Keystatic's own field functions (the MDX field's ProseMirror
 * parse and serialize among them), which are what the admin calls when it opens and saves an
 * entry; Chromium would add only the clicks (tests/browser/keystatic-editor.browser.test.ts does those).
 * Each saved file must have the same settings, and the whole site built from the saved files
 * must be byte-identical, page by page, to the site built from the originals. The translations
 * go through their own collections (pages-pl, pages-ur, …) the same way.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { builtPagePaths, builtFile } from "../../tools/project/site-pages.ts";
import { openEntry, saveEntry, readSettings, type CollectionName } from "../support/keystatic-entries.ts";
import { TRANSLATIONS } from "../../src/i18n/languages.ts";
import { projectCopy, ROOT, type ProjectCopy } from "../../tools/project/copy.ts";
import { pageFingerprint } from "../../src/i18n/fingerprint.ts";

// Keystatic's Node build leaves the editor out (it is for reading content on a server), so the
// test loads the build the admin runs in the browser, the same code that parses and saves.
vi.mock("@keystatic/core", () => import("../../node_modules/@keystatic/core/dist/keystatic-core.js"));

/** Every page: "contact-us" in the pages collection, "pl/contact-us" in pages-pl, and so on. */
const mdxIn = (folder: string) =>
  readdirSync(join(ROOT, "content", folder))
    .filter((file) => file.endsWith(".mdx"))
    .map((file) => file.slice(0, -".mdx".length));
const collections: Record<string, CollectionName> = {
  "": "pages",
  ...Object.fromEntries(TRANSLATIONS.map((code) => [code, `pages-${code}` as CollectionName])),
};
const pages = Object.entries(collections).flatMap(([folder, collection]) =>
  mdxIn(folder).map((slug) => ({ file: folder ? `${folder}/${slug}` : slug, slug, collection })),
);
const files = pages.map(({ file }) => file);

const saved = new Map(
  pages.map(({ file, slug, collection }) => {
    const source = readFileSync(join(ROOT, "content", `${file}.mdx`), "utf8");
    return [
      file,
      { slug, collection, source, after: saveEntry(slug, openEntry(slug, source, collection), collection) },
    ];
  }),
);

describe.each(files)("content/%s.mdx", (file) => {
  const { slug, collection, source, after } = saved.get(file)!;

  it("keeps its address and its settings", () => {
    expect(after.slug).toBe(slug);
    expect(readSettings(after.source)).toEqual(readSettings(source));
  });

  it("keeps every building block", () => {
    const blocks = (text: string) => text.match(/<\/?[A-Z][A-Za-z]*[^>]*>/g) ?? [];
    expect(blocks(after.source).map((tag) => tag.replace(/\s+/g, " "))).toEqual(
      blocks(source).map((tag) => tag.replace(/\s+/g, " ")),
    );
  });

  it("keeps its fingerprint, so its translations stay up to date", () => {
    expect(pageFingerprint(after.source)).toBe(pageFingerprint(source));
  });

  it("is stable: saving the saved file again writes the same bytes", () => {
    expect(saveEntry(slug, openEntry(slug, after.source, collection), collection).source).toBe(after.source);
  });
});

describe("the site built from the saved pages", () => {
  let original: ProjectCopy;
  let roundTripped: ProjectCopy;
  beforeAll(async () => {
    original = projectCopy();
    roundTripped = projectCopy();
    for (const [file, { after }] of saved)
      writeFileSync(join(roundTripped.dir, "content", `${file}.mdx`), after.source);
    await original.build({ KEYSTATIC: "off" });
    await roundTripped.build({ KEYSTATIC: "off" });
  }, 180_000);
  afterAll(() => {
    original?.remove();
    roundTripped?.remove();
  });

  it("is the same, byte for byte, on every page", () => {
    const paths = builtPagePaths(join(original.dir, "dist"));
    expect(paths.length).toBeGreaterThanOrEqual(10);
    expect(builtPagePaths(join(roundTripped.dir, "dist"))).toEqual(paths);
    const differing = paths.filter(
      (path) =>
        !readFileSync(builtFile(path, join(original.dir, "dist"))).equals(
          readFileSync(builtFile(path, join(roundTripped.dir, "dist"))),
        ),
    );
    expect(differing).toEqual([]);
  });
});

describe.each(["pl", "ur"] as const)("a page translated into %s, edited in the editor", (code) => {
  it("changes only the setting changed, and saves the same bytes again", () => {
    const { slug, collection, after } = saved.get(`${code}/contact-us`)!;
    const entry = openEntry(slug, after.source, collection);
    const description = `${String(entry["description"]).slice(0, 60)} (${code})`;
    const edited = saveEntry(slug, { ...entry, description }, collection).source;
    // The settings are the same but the one changed, and the text after them is byte for byte the same.
    const body = (source: string) => source.slice(source.indexOf("\n---\n", 3));
    expect(readSettings(edited)).toEqual({ ...(readSettings(after.source) as object), description });
    expect(body(edited)).toBe(body(after.source));
    expect(saveEntry(slug, openEntry(slug, edited, collection), collection).source).toBe(edited);
  });
});
