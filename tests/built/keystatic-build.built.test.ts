/**
 * A build with the editor switched on leaves the public site exactly as it is: every page the
 * same bytes (so the same weight, requests and CSP) as the build without it in dist/, and only
 * the admin's own files and robots.txt's Disallow lines added. A deploy preview's build with
 * every GitHub variable set has no admin at all. Run after `npm run build`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectCopy, type ProjectCopy } from "../../tools/project/copy.ts";
import { builtFile, builtPagePaths, DIST } from "../../tools/project/site-pages.ts";
import { GITHUB_VARIABLES } from "../../src/keystatic/mode.ts";

let copy: ProjectCopy;
beforeAll(async () => {
  copy = projectCopy();
  await copy.build({ KEYSTATIC: "local" });
}, 120_000);
afterAll(() => copy?.remove());

describe("a build with the editor on", () => {
  it("writes every public page byte for byte as the build without it", () => {
    const pages = builtPagePaths();
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      expect(readFileSync(builtFile(path, join(copy.dir, "dist")), "utf8"), path).toBe(
        readFileSync(builtFile(path, DIST), "utf8"),
      );
    }
  });

  it("only adds the admin's paths to robots.txt", () => {
    const without = readFileSync(join(DIST, "robots.txt"), "utf8");
    const withEditor = readFileSync(join(copy.dir, "dist", "robots.txt"), "utf8");
    const added = withEditor.split("\n").filter((line) => !without.split("\n").includes(line));
    expect(added).toEqual(["Disallow: /keystatic", "Disallow: /api/keystatic"]);
  });
});

/** Where Netlify's adapter puts the on-demand routes: the admin is the only one. */
const onDemandRoutes = (dir: string) => join(dir, ".netlify", "v1", "functions", "ssr");

describe("a deploy preview's build, with every GitHub variable set", () => {
  let preview: ProjectCopy;
  beforeAll(async () => {
    preview = projectCopy();
    const github = Object.fromEntries(GITHUB_VARIABLES.map((name) => [name, "set-for-the-test"]));
    await preview.build({ ...github, KEYSTATIC_SECRET: "s".repeat(64), NETLIFY: "true", CONTEXT: "deploy-preview" });
  }, 120_000);
  afterAll(() => preview?.remove());

  it("has no admin route, nor any sign of one", () => {
    expect(existsSync(onDemandRoutes(copy.dir)), "the build with the editor has its route").toBe(true);
    expect(existsSync(onDemandRoutes(preview.dir))).toBe(false);
    expect(readFileSync(join(preview.dir, "dist", "robots.txt"), "utf8")).toBe(
      readFileSync(join(DIST, "robots.txt"), "utf8"),
    );
  });
});
