/**
 * The pages the growth benchmark (npm run bench:content) builds: they must be pages an editor
 * could have written, passing the same content checks as the real ones, or the benchmark would
 * measure a site that could never go live. And the same count must give the same pages.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-checks/check-content.ts";
import { generatePages } from "../../tools/project/generate-pages.ts";
import { contentFixture, ROOT } from "../support/content-fixture.ts";

const fixture = contentFixture();
afterAll(() => fixture.remove());

describe("the growth benchmark's generated pages", () => {
  it("are the same pages for the same count, each at its own address", () => {
    const pages = generatePages(300);
    expect(generatePages(300)).toEqual(pages);
    expect(new Set(pages.map((page) => page.href)).size).toBe(300);
    expect(pages.every((page) => page.href === `/${page.file.replace(/\.mdx$/, "")}/`)).toBe(true);
  });

  it("pass every content check the real pages pass, links between them included", () => {
    const pages = generatePages(150);
    for (const page of pages) {
      const file = join(fixture.dir, page.file);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page.text);
    }
    const report = checkContent({ root: ROOT, contentDir: fixture.dir, today: "2026-11-25" });
    const errors = report.files.flatMap((file) => file.messages.filter((message) => message.fatal === true));
    expect(errors.map((message) => `${message.file}:${message.line}: ${message.reason}`)).toEqual([]);
    expect(report.pageCount).toBeGreaterThan(150);
    // 160 pages through every rule, the prose ones included, take a few seconds on 2 cores.
  }, 30_000);
});
