/**
 * The screenshots in the editors' guide (content/README.md), taken from the real editor:
 * `astro dev` on a throwaway copy of the project (so nothing is saved into content/), opened in
 * Chromium at 1280×800 in light mode. Run it again when the editor or its fields change:
 *
 *   npm run screenshots:editor           # CHROME_PATH=… to choose the browser
 *
 * Writes docs/images/editor/*.png and prints each file's size.
 */
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { launchChromium } from "../tools/browsers/chromium.ts";
import { startDevServer } from "../tools/project/dev-server.ts";
import { ROOT } from "../tools/project/copy.ts";

const OUT = join(ROOT, "docs", "images", "editor");
/** A page every copy has, with settings, text and building blocks to show. */
const PAGE = "contact-us";

async function editorOpen(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator(".ProseMirror").waitFor();
  await page.getByRole("textbox", { name: "Title" }).waitFor();
  await page.waitForLoadState("networkidle");
}

/** The page as it is on screen, or one part of it. */
async function shoot(
  what: Page | Locator,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
) {
  const path = join(OUT, `${name}.png`);
  // No caret: a blinking one would make each run's pictures differ.
  await what.screenshot({ path, animations: "disabled", caret: "hide", ...(clip ? { clip } : {}) });
  console.log(`${path.slice(ROOT.length + 1)}  ${Math.round(statSync(path).size / 1024)} KB`);
}

const server = await startDevServer();
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: "light",
    // British English for the admin; Chromium's own date field stays month first (its only
    // language here), which the guide mentions.
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  const page = await context.newPage();

  // 1. The list of pages: where to find a page, and Add for a new one.
  await page.goto(`${server.url}/keystatic/collection/pages`);
  await page.getByRole("row", { name: /Contact us/ }).waitFor();
  await page.waitForLoadState("networkidle");
  await shoot(page, "pages-list");

  // 2. A page open: its text on the left, its settings on the right.
  await editorOpen(page, `${server.url}/keystatic/collection/pages/item/${PAGE}`);
  await shoot(page, "edit-page");

  // 3. The lower settings: last reviewed and draft.
  await page.getByRole("checkbox", { name: /draft/i }).scrollIntoViewIfNeeded();
  await shoot(page, "settings");

  // 4. Typing / on an empty line opens the list of building blocks.
  await editorOpen(page, `${server.url}/keystatic/collection/pages/item/${PAGE}`);
  await page.locator(".ProseMirror > p").first().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/");
  await page.getByRole("listbox", { name: "Insert menu" }).waitFor();
  await shoot(page, "insert-block");

  // 5. After a change: "Unsaved" beside the Save button, top right.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("A new sentence.");
  await page.getByText("Unsaved", { exact: true }).waitFor();
  await shoot(page, "save", { x: 0, y: 0, width: 1280, height: 260 });

  // 6. The checks under the page text, here with a number typed into the description.
  await editorOpen(page, `${server.url}/keystatic/collection/pages/item/${PAGE}`);
  await page.getByRole("textbox", { name: "Description" }).press("End");
  await page.keyboard.type(" Or call 0800 952 3000.");
  const checks = page.locator('[data-page-checks="problems"]');
  await checks.waitFor();
  await checks.scrollIntoViewIfNeeded();
  await shoot(checks, "checks");

  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
