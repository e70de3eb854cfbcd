/**
 * A build with the editor switched on leaves the public site exactly as it is: every page the
 * same bytes (so the same weight, requests and CSP) as the build without it in dist/, and only
 * the admin's own files and robots.txt's Disallow lines added. Run after `npm run build`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectCopy, type ProjectCopy } from "../scripts/lib/project-copy.ts";
import { builtFile, builtPagePaths, DIST } from "../scripts/lib/site-pages.ts";

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
