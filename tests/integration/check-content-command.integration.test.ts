/**
 * `npm run check:content` as an editor (and `npm test`) runs it: a broken page makes it exit 1
 * with messages that name the file and line and say how to fix each problem.
 */
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { contentFixture, ROOT, settings, type ContentFixture } from "../support/content-fixture.ts";

let fixture: ContentFixture | undefined;
afterEach(() => fixture?.remove());

/** Runs the command on a folder of pages, on a fixed day or (by default) today. */
function runCheck(dir: string, today?: string) {
  const script = join(ROOT, "scripts", "check-content.ts");
  const args = [script, "--dir", dir, ...(today ? ["--today", today] : [])];
  const run = spawnSync(process.execPath, args, { encoding: "utf8" });
  return { code: run.status, output: run.stdout + run.stderr };
}

it("fails on a broken page, saying where and how to fix each problem", () => {
  const hardParagraph =
    "Notwithstanding the aforementioned considerations, participation in restorative interventions necessitates comprehensive consideration of organisational, procedural and psychological circumstances, particularly regarding confidentiality, accountability and subsequent communication.";
  fixture = contentFixture({
    broken: `${settings({ title: undefined })}\nSee [the form](/enquiry/).\n\n![](/robots.txt)\n\n${hardParagraph} ${hardParagraph}\n`,
  });
  const { code, output } = runCheck(fixture.dir, "2026-11-25");
  expect(code).toBe(1);
  // vfile-reporter: the file, then each problem's line:column (and where it ends), severity,
  // what is wrong, the rule and its source, then the guide's section and how to fix it.
  const report = output.slice(output.indexOf("/broken.mdx\n"));
  expect(report).toMatch(/^\/broken\.mdx\n1:1 +error +The page is too hard to read/);
  expect(report).toMatch(/\n1:1 +error +The page has no title setting\. +settings +west-mercia-rj *\n/);
  expect(report).toMatch(
    /\n {2}\[url\]:\n {4}content\/README\.md#settings\n {2}\[note\]:\n {4}How to fix: Add a line such as title:/,
  );
  expect(report).toMatch(
    /\n6:5-6:26 +error +The link to \/enquiry\/ goes to a page that does not exist\. +broken-link +west-mercia-rj *\n(?:.*\n){3} {4}How to fix: Check the address\. Did you mean \/enquire\/\?/,
  );
  expect(report).toMatch(/\n8:1-8:17 +error +The image \/robots\.txt has no alt text\. +image-alt +west-mercia-rj *\n/);
  expect(report).toMatch(/\n10:1 +error +This paragraph of 48 words is too hard to read/);
  // Every page of the copy: the English ones, their translations and the broken one.
  const pages = readdirSync(fixture.dir, { recursive: true }).filter((file) => String(file).endsWith(".mdx")).length;
  expect(output).toMatch(
    new RegExp(`5 errors and \\d+ warnings in ${pages} pages\\. Fix the errors before the change goes live`),
  );
});

it("passes the site's own pages and prints each page's reading grade", () => {
  const { code, output } = runCheck(join(ROOT, "content"));
  expect(output).toMatch(/content\/the-restorative-process\.mdx +\d\.\d +9 +\d+/);
  expect(output).toMatch(/content\/privacy\.mdx +\d\.\d +11 +\d+/);
  expect(output).toMatch(/All \d+ pages passed(, with \d+ warnings? to look at)?\./);
  expect(code).toBe(0);
});
