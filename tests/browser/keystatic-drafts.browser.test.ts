/**
 * The editor's Draft checkbox and the build agree: a page saved with Draft ticked is written
 * `draft: true`, which a deploy preview shows (with its notice) and the live build leaves out.
 * On astro dev in a throwaway copy, which is then built as Netlify builds each context.
 * (The accessibility statement: no page links to it, so drafting it breaks no link.)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { useDevServer } from "../support/use-dev-server.ts";
import { useChromium } from "../support/shared-browser.ts";

const PAGE = "accessibility";

const browser = useChromium();
const server = useDevServer();

test("a page saved as a draft shows in deploy previews only", async () => {
  const file = join(server().project.dir, "content", `${PAGE}.mdx`);
  expect(readFileSync(file, "utf8")).not.toMatch(/^draft:/m);

  const page = await browser().newPage();
  let loads = 0;
  page.on("load", () => loads++);
  await page.goto(`${server().url}/keystatic/collection/pages/item/${PAGE}`);
  await page.locator(".ProseMirror").waitFor();
  await page.getByRole("checkbox", { name: /^Draft/ }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect.poll(() => readFileSync(file, "utf8"), { timeout: 15_000 }).toMatch(/^draft: true$/m);
  // Nothing reloaded the editor between ticking Draft and saving (which would have lost the tick).
  expect(loads, "times the editor loaded").toBe(1);
  await page.close();

  const dist = join(server().project.dir, "dist");
  await server().project.build({ CONTEXT: "production" });
  expect(existsSync(join(dist, PAGE, "index.html"))).toBe(false);

  await server().project.build({ CONTEXT: "deploy-preview" });
  expect(readFileSync(join(dist, PAGE, "index.html"), "utf8")).toContain("Draft: this page is not on the live site.");
}, 120_000);
