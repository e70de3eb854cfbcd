/**
 * The content checks in the build: the remark plugin fails an MDX compile on a page with an
 * error, naming file:line:column and how to fix it, prints warnings without failing, and
 * leaves the compiled page exactly as it would be without it; and one real `astro build` of
 * a copy of the site with a broken page fails with the same message.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import type { PluggableList } from "unified";
import { VFile } from "vfile";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildEnvironment, COPY_CONFIG, projectCopy } from "../../tools/project/copy.ts";
import { remarkContentChecks } from "../../src/lib/content-checks/build.ts";
import { ROOT, settings } from "../support/content-fixture.ts";

const TODAY = "2026-11-25";
const BROKEN = `${settings()}\nSee [the form](/enquiry/).\n`;
const WARNED = `${settings()}\nWe will facilitate a meeting. See [the form](/enquire/).\n`;

const checksPlugin: PluggableList = [[remarkContentChecks, { root: ROOT, today: TODAY }]];

/** A page of content/ as the MDX compiler meets it, with or without the checks. */
function compilePage(text: string, checks: boolean) {
  const file = new VFile({ path: join(ROOT, "content", "build-test.mdx"), value: text });
  return compile(file, {
    remarkPlugins: [remarkFrontmatter, ...(checks ? checksPlugin : [])],
  });
}

describe("the remark plugin", () => {
  it("fails the compile of a page with an error, saying where and how to fix it", async () => {
    await expect(compilePage(BROKEN, true)).rejects.toThrow(
      /^The content checks found an error in content\/build-test\.mdx:7:5\. content\/README\.md explains each check\.\n[^]*7:5-7:26 +error +The link to \/enquiry\/ goes to a page that does not exist\.[^]*How to fix: Check the address\. Did you mean \/enquire\/\?/,
    );
  });

  it("prints warnings without failing, and leaves the compiled page as it was", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const checked = await compilePage(WARNED, true);
      expect(String(checked)).toBe(String(await compilePage(WARNED, false)));
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /content\/build-test\.mdx\n7:9 +warning +"facilitate" is a word GOV\.UK's style guide asks us to avoid\. +plain-words/,
      );
    } finally {
      warn.mockRestore();
    }
  });
});

describe("npm run build", () => {
  const dir = projectCopy("content-build-").dir;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fails on a page with an error, with its file:line:column and how to fix it", () => {
    mkdirSync(join(dir, "content"), { recursive: true });
    writeFileSync(join(dir, "content", "broken.mdx"), BROKEN);
    const astro = join(dir, "node_modules", "astro", "bin", "astro.mjs");
    const run = spawnSync(process.execPath, [astro, "build", "--config", COPY_CONFIG], {
      cwd: dir,
      env: buildEnvironment(),
      encoding: "utf8",
      timeout: 120_000,
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain("The content checks found an error in content/broken.mdx:7:5.");
    expect(output).toMatch(/7:5-7:26 +error +The link to \/enquiry\/ goes to a page that does not exist\./);
    expect(output).toContain("How to fix: Check the address. Did you mean /enquire/?");
  }, 120_000);
});
