/**
 * Hiding a page with `draft: true`: the live build leaves it out, menus included, while a
 * Netlify deploy preview shows it with a notice, so editors can see their work first.
 * Builds a copy of the site with one draft page added.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnvironment, COPY_CONFIG, projectCopy } from "../../tools/project/copy.ts";
import { settings } from "../support/content-fixture.ts";

let site: string;

function build(context: string | undefined, outDir: string): string {
  const env = buildEnvironment({ CONTEXT: context ?? "" });
  const astro = join(site, "node_modules", "astro", "bin", "astro.mjs");
  const args = [astro, "build", "--config", COPY_CONFIG, "--outDir", outDir];
  const run = spawnSync(process.execPath, args, { cwd: site, env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`The build failed:\n${run.stdout}\n${run.stderr}`);
  return outDir;
}

beforeAll(() => {
  site = projectCopy("drafts-").dir;
  const draft = settings({ title: "Coming soon", navigation: "\n  menu: main\n  order: 9", draft: "true" });
  writeFileSync(join(site, "content", "coming-soon.mdx"), `${draft}\nThis page is still being written.\n`);
}, 60_000);

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe("a draft page", () => {
  it("is left out of the live site and its menus", () => {
    const dist = build("production", join(site, "dist-live"));
    expect(existsSync(join(dist, "coming-soon", "index.html"))).toBe(false);
    expect(existsSync(join(dist, "what-is-restorative-justice", "index.html"))).toBe(true);
    expect(readFileSync(join(dist, "index.html"), "utf8")).not.toContain("/coming-soon/");
  }, 60_000);

  it("shows in a deploy preview, marked as a draft and kept out of search engines", () => {
    const dist = build("deploy-preview", join(site, "dist-preview"));
    const html = readFileSync(join(dist, "coming-soon", "index.html"), "utf8");
    expect(html).toContain("Draft: this page is not on the live site.");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(readFileSync(join(dist, "index.html"), "utf8")).toContain('href="/coming-soon/"');
  }, 60_000);
});
