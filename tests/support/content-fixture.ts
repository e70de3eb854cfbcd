/**
 * A folder of pages for the content checks to read: a copy of the real content/ plus the pages
 * a test adds or replaces, so links between the test's pages and the real ones resolve.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface ContentFixture {
  dir: string;
  remove(): void;
}

/** The review date every page in a fixture carries unless a test says otherwise. */
export const FIXTURE_REVIEW_DATE = "2026-11-20";

export function contentFixture(pages: Record<string, string> = {}): ContentFixture {
  const dir = mkdtempSync(join(tmpdir(), "content-"));
  cpSync(join(ROOT, "content"), dir, { recursive: true, filter: (source) => !source.endsWith("README.md") });
  // The copies are there for their links. Their own review dates move whenever an editor checks
  // a page, and a test's fixed "today" must not fall before one, so they get a fixed date.
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".mdx"))) {
    const path = join(dir, file);
    writeFileSync(
      path,
      readFileSync(path, "utf8")
        .replace(/^lastReviewed: .*$/m, `lastReviewed: ${FIXTURE_REVIEW_DATE}`)
        // A translation's day too (the same reason), which changes nothing its stamp covers.
        .replace(/^( +translated:) .*$/m, `$1 ${FIXTURE_REVIEW_DATE}`),
    );
  }
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, `${name}.mdx`), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A page's settings block, with any setting replaced or (as undefined) left out. */
export function settings(overrides: Record<string, string | undefined> = {}): string {
  const lines = {
    title: "A test page",
    description: "A page that exists only for the tests of the content checks, long enough to pass.",
    lastReviewed: FIXTURE_REVIEW_DATE,
    ...overrides,
  };
  const body = Object.entries(lines)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
  return `---\n${body}\n---\n`;
}
