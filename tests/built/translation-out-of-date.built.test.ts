/**
 * An English page changes after it was translated: the build still passes, warns that each of
 * its translations is out of date, naming the file, and each translated page tells its readers,
 * in their language, with a link to the English page. Builds a copy of the site with one
 * English page changed.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/i18n/languages.ts";
import { uiFor } from "../../src/i18n/ui.ts";
import { TRANSLATION_HELP_ID } from "../../src/components/translation-notice.ts";
import { buildEnvironment, COPY_CONFIG, projectCopy } from "../../tools/project/copy.ts";

let site: string;
let build: { status: number | null; output: string };
const page = (path: string) => parseHTML(readFileSync(join(site, "dist", path, "index.html"), "utf8")).document;

beforeAll(() => {
  site = projectCopy("out-of-date-").dir;
  const english = join(site, "content", "contact-us.mdx");
  writeFileSync(english, readFileSync(english, "utf8").replace(/\n## /, "\nWe have changed this page.\n\n## "));
  const astro = join(site, "node_modules", "astro", "bin", "astro.mjs");
  const run = spawnSync(process.execPath, [astro, "build", "--config", COPY_CONFIG], {
    cwd: site,
    env: buildEnvironment({ CONTEXT: "production" }),
    encoding: "utf8",
  });
  build = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}, 120_000);

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe("a translation whose English page has changed", () => {
  it("does not stop the build, which warns about each translation by its file", () => {
    expect(build.status, build.output).toBe(0);
    for (const code of TRANSLATIONS) {
      expect(build.output).toContain(
        `content/${code}/contact-us.mdx is out of date: content/contact-us.mdx has changed since it was translated.`,
      );
    }
    expect(build.output).not.toMatch(/content\/\w+\/index\.mdx is out of date/);
  });

  it.each(TRANSLATIONS)("tells readers in %s that the English page has changed, with a link to it", (code) => {
    const ui = uiFor(code);
    const document = page(`${code}/contact-us`);
    // At the top, before the heading, and again in the notice at the end.
    const status = document.querySelector("main .translation-status")!;
    expect(status.textContent).toContain(ui.translation.outOfDate);
    expect(document.querySelector("main h1")?.previousElementSibling).toBe(status);
    const link = [...status.querySelectorAll("a")].find((a) => a.textContent?.trim() === ui.translation.outOfDateLink);
    expect(link?.getAttribute("href")).toBe("/contact-us/");
    expect(link?.getAttribute("hreflang")).toBe("en-GB");
    expect(document.getElementById(TRANSLATION_HELP_ID)?.textContent).toContain(ui.translation.outOfDate);
    // Its other pages are still up to date.
    expect(page(code).querySelector("main")?.textContent).not.toContain(ui.translation.outOfDate);
  });
});
