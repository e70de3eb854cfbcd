/**
 * The editor at /keystatic in Chromium, as an editor uses it: writing a new page with building
 * blocks while the checks panel under the text reports what the build would refuse, fixing
 * those problems, saving, and editing an existing page without harming its building blocks.
 * One `astro dev` (local storage) on a throwaway copy of the project serves every test, so the
 * saves land in the copy's content/ and never in the real one. The checks are told what day it
 * is (CONTENT_CHECKS_TODAY), so nothing here depends on the real clock.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/content-checks/check-content.ts";
import { checkPageSync, errorsIn } from "../../src/lib/content-checks/index.ts";
import { buildingBlocksIn, siteMapFromFiles } from "../../src/lib/content-checks/site-files.ts";
import { axeViolationsIn, formatViolation } from "../support/axe.ts";
import { useDevServer } from "../support/use-dev-server.ts";
import { newestReviewDate } from "../support/newest-review.ts";
import { useChromium } from "../support/shared-browser.ts";

/** The newest review date among the real pages: a fixed day, after every page was last reviewed. */
const TODAY = newestReviewDate();
const browser = useChromium();
const server = useDevServer({ CONTENT_CHECKS_TODAY: TODAY });

/** The building blocks' tags in a page, in order, as the round-trip test compares them. */
const blocksIn = (text: string) =>
  (text.match(/<\/?[A-Z][A-Za-z]*[^>]*>/g) ?? []).map((tag) => tag.replace(/\s+/g, " "));

const pageErrors: string[] = [];
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

interface OpenEditor {
  page: Page;
  checks: Locator;
  editor: Locator;
  /** How many times the page has loaded, and how many reloads the dev server sent it. */
  reloads: () => { loads: number; sent: number };
}

async function openEditor(path: string): Promise<OpenEditor> {
  const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
  // A script error in the admin (such as a Node-only module reached from the checks) fails the test.
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  let loads = 0;
  let sent = 0;
  page.on("load", () => loads++);
  page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) => String(payload).includes('"full-reload"') && sent++),
  );
  await page.goto(`${server().url}/keystatic/collection/pages/${path}`);
  const checks = page.getByRole("region", { name: "Checks" });
  // The panel says "checking" until the first run after the page and its settings are open.
  await checks.and(page.locator('[data-page-checks="problems"], [data-page-checks="clear"]')).waitFor({
    // The first visit may wait while Vite prepares the admin's packages.
    timeout: 45_000,
  });
  return { page, checks, editor: page.getByRole("textbox", { name: "Page" }), reloads: () => ({ loads, sent }) };
}

/**
 * Waits for the caret to be back in the page text after a menu or dialog, as an editor waits to
 * see it before typing on: on a busy machine Keystatic gives focus back a moment later, and keys
 * pressed before then go nowhere.
 */
async function caretInText(page: Page) {
  await page.waitForFunction(() => document.activeElement?.closest(".ProseMirror") != null);
}

/** Keystatic's insert menu: "/" in the text, then the block's name. */
async function insertBlock(page: Page, name: string) {
  await page.keyboard.type("/");
  await page.getByRole("listbox", { name: "Insert menu" }).waitFor();
  await page.keyboard.type(name);
  await page.getByRole("option", { name, exact: true }).click();
  await caretInText(page);
}

/** Types words and makes them a link, as an editor does: select them, ⌘K, the address, Save. */
async function typeLink(page: Page, words: string, href: string) {
  await page.keyboard.type(words);
  for (let i = 0; i < words.length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Meta+k");
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Link" }).fill(href);
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "detached" });
  await caretInText(page);
  await page.keyboard.press("End");
}

/** Selects the whole paragraph holding `words`, so that what is typed next replaces it. */
async function selectParagraph(editor: Locator, words: string) {
  await editor.getByText(words).click({ clickCount: 3 });
}

const HARD =
  "Restorative justice practitioners facilitate communication between individuals affected by criminal behaviour, considering psychological vulnerabilities, safeguarding responsibilities, organisational procedures and comprehensive documentation requirements throughout every stage.";

describe("the checks panel and a new page", () => {
  it("reports a hard paragraph and a broken link as they are typed, clears when they are fixed, and saves a page that passes every check", async () => {
    // The first page a fresh dev server serves: a reload Astro holds from its start would land here.
    const { page, checks, editor, reloads } = await openEditor("create");
    try {
      await page.getByRole("textbox", { name: "Title" }).fill("Meeting the person who harmed you");
      // A phone number typed into the settings is reported too, though it is not in the text.
      await page
        .getByRole("textbox", { name: "Description" })
        .fill("What happens when you meet the person who harmed you. Call us on 0800 952 3000.");
      await page.getByRole("textbox", { name: "Last reviewed" }).fill("2026-11-30");

      await editor.click();
      await page.keyboard.type(HARD);
      await page.keyboard.press("Enter");
      await page.keyboard.type("Before you start, read about ");
      await typeLink(page, "our process", "/no-such-page/");
      await page.keyboard.press("Enter");
      await insertBlock(page, "Warning");
      await page.keyboard.type("You can stop at any time. Just tell us.");
      // Enter on the empty line leaves the warning.
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      // Steps' titles are level 3 headings, so they go under a level 2 one.
      await insertBlock(page, "Heading 2");
      await page.keyboard.type("What happens");
      await page.keyboard.press("Enter");
      await insertBlock(page, "Steps");
      await page.keyboard.type("We talk to you about what happened.");
      await editor.getByRole("button", { name: "Edit" }).click();
      const dialog = page.getByRole("dialog", { name: "Edit Step" });
      await dialog.getByRole("textbox", { name: "Title" }).fill("We meet you");
      await dialog.getByRole("button", { name: "Done" }).click();
      await dialog.waitFor({ state: "detached" });

      // Each problem is listed with where it is and how to fix it.
      const items = checks.getByRole("listitem");
      const reading = items.filter({ hasText: "too hard to read: reading grade" }).first();
      await reading.waitFor();
      await expect.poll(() => reading.innerText()).toContain("How to fix:");
      const link = items.filter({ hasText: "/no-such-page/", hasNotText: "too hard" });
      await link.waitFor();
      expect(await link.innerText()).toMatch(/^Must fix – Line \d+, near “Before you start.*How to fix:/s);
      const contact = items.filter({ hasText: "Settings: description" });
      await contact.waitFor();
      expect(await contact.innerText()).toContain("Must fix");
      expect(await checks.getByRole("status").innerText()).toMatch(/\d+ problems? to fix/);
      expect((await axeViolationsIn(page, "[data-page-checks]")).map(formatViolation)).toEqual([]);

      await selectParagraph(editor, HARD);
      await page.keyboard.type("We help you and the person who harmed you talk. We go at your pace.");
      await selectParagraph(editor, "Before you start");
      await page.keyboard.type("Before you start, read about ");
      await typeLink(page, "our process", "/the-restorative-process/");
      await page
        .getByRole("textbox", { name: "Description" })
        .fill("What happens when you meet the person who harmed you, and how we help you get ready.");
      // Polled on the whole panel, so a problem left over is shown in full.
      await expect.poll(() => checks.innerText(), { timeout: 15_000 }).toContain("No problems found.");
      expect(await checks.getByRole("listitem").count()).toBe(0);
      expect((await axeViolationsIn(page, "[data-page-checks]")).map(formatViolation)).toEqual([]);

      await page.getByRole("button", { name: "Create" }).click();
      const path = join(server().project.dir, "content", "meeting-the-person-who-harmed-you.mdx");
      // The file can be there before the whole of it is: wait until two reads agree.
      await expect.poll(() => settledText(path), { timeout: 15_000 }).not.toBe("");
      const saved = readFileSync(path, "utf8");
      expect(blocksIn(saved)).toEqual([
        "<Warning>",
        "</Warning>",
        "<Steps>",
        '<Step title="We meet you">',
        "</Step>",
        "</Steps>",
      ]);
      expect(saved).toContain("read about [our process](/the-restorative-process/)");

      // The saved file passes every check, run as the build and `npm run check:content` run them.
      const file = checkPageSync({
        path: "content/meeting-the-person-who-harmed-you.mdx",
        source: saved,
        siteMap: siteMapFromFiles(server().project.dir),
        blocks: buildingBlocksIn(server().project.dir),
        today: TODAY,
      });
      expect(file.messages.map(String)).toEqual([]);
      const report = checkContent({ root: server().project.dir, today: TODAY });
      expect(report.files.flatMap(errorsIn).map(String)).toEqual([]);
      expect(reloads()).toEqual({ loads: 1, sent: 0 });
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe("editing a page that has building blocks", () => {
  it("keeps every block when only the text around them changes, and stays open while the public page shows the change", async () => {
    const path = join(server().project.dir, "content", "the-restorative-process.mdx");
    const before = readFileSync(path, "utf8");
    expect(blocksIn(before).length).toBeGreaterThan(0);
    const { page, checks, editor, reloads } = await openEditor("item/the-restorative-process");
    // The page as the public see it, open in another tab while the editor saves.
    const publicPage = await browser().newPage();
    await publicPage.goto(`${server().url}/the-restorative-process/`);
    try {
      expect(await checks.innerText()).toMatch(/Reading grade [\d.]+: the most allowed for this page is 9 /);
      const first = editor.locator("p").first();
      await first.click();
      await page.keyboard.press("End");
      await page.keyboard.type(" We are here to help.");
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => readFileSync(path, "utf8"), { timeout: 15_000 }).toContain("We are here to help.");
      expect(blocksIn(readFileSync(path, "utf8"))).toEqual(blocksIn(before));
      // An editor may go on writing once it is saved: those words must not be lost to a reload.
      await first.click();
      await page.keyboard.press("End");
      await page.keyboard.type(" Tell us what you need.");
      // The public tab is reloaded to show the saved words; by then the editor would have been too.
      await expect
        .poll(() => publicPage.locator("main").innerText(), { timeout: 15_000 })
        .toContain("We are here to help.");
      expect(reloads()).toEqual({ loads: 1, sent: 0 });
      expect(await editor.innerText()).toContain("Tell us what you need.");
    } finally {
      await publicPage.close();
      await page.close();
    }
  }, 60_000);
});

/** The file's text once it has stopped changing for a moment; "" while it is missing, empty or being written. */
async function settledText(path: string): Promise<string> {
  const read = () => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return "";
    }
  };
  const first = read();
  await new Promise((resolve) => setTimeout(resolve, 250));
  return first === read() ? first : "";
}
