/**
 * Opening and saving every page in the editor, unchanged, changes nothing the site shows. The
 * round trip runs in Node through Keystatic's own field functions (the MDX field's ProseMirror
 * parse and serialize among them), which are what the admin calls when it opens and saves an
 * entry; Chromium would add only the clicks (tests/browser/keystatic-editor.browser.test.ts does those).
 * Each saved file must have the same settings, and the whole site built from the saved files
 * must be byte-identical, page by page, to the site built from the originals.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { builtPagePaths, builtFile } from "../../tools/project/site-pages.ts";
import { openEntry, saveEntry, readSettings } from "../support/keystatic-entries.ts";
import { projectCopy, ROOT, type ProjectCopy } from "../../tools/project/copy.ts";
import { pageFingerprint } from "../../src/i18n/fingerprint.ts";

// Keystatic's Node build leaves the editor out (it is for reading content on a server), so the
// test loads the build the admin runs in the browser, the same code that parses and saves.
vi.mock("@keystatic/core", () => import("../../node_modules/@keystatic/core/dist/keystatic-core.js"));

const pages = readdirSync(join(ROOT, "content"))
  .filter((file) => file.endsWith(".mdx"))
  .map((file) => file.slice(0, -".mdx".length));

const saved = new Map(
  pages.map((slug) => {
    const source = readFileSync(join(ROOT, "content", `${slug}.mdx`), "utf8");
    return [slug, { source, after: saveEntry(slug, openEntry(slug, source)) }];
  }),
);

describe.each(pages)("content/%s.mdx", (slug) => {
  const { source, after } = saved.get(slug)!;

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
    expect(saveEntry(slug, openEntry(slug, after.source)).source).toBe(after.source);
  });
});

describe("the site built from the saved pages", () => {
  let original: ProjectCopy;
  let roundTripped: ProjectCopy;
  beforeAll(async () => {
    original = projectCopy();
    roundTripped = projectCopy();
    for (const [slug, { after }] of saved)
      writeFileSync(join(roundTripped.dir, "content", `${slug}.mdx`), after.source);
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
