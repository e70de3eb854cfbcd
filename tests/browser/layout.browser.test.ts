/**
 * Every built page in a real Chromium: keyboard use from start to end, no sideways scrolling
 * at 320 px (what a 1280 px window shows at 400% zoom), focus never hidden under the sticky
 * quick exit, forced colours, reduced motion, print, and no cookies, storage or requests
 * to any other origin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../tools/browsers/chromium.ts";
import { builtPagePaths } from "../../tools/project/site-pages.ts";
import { languageOfPath } from "../../src/i18n/languages.ts";
import { uiFor } from "../../src/i18n/ui.ts";

const SITE = inject("previewUrl");
const paths = builtPagePaths();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, viewport = { width: 320, height: 640 }) {
  const context = await browser.newContext({ viewport });
  const otherOrigins: string[] = [];
  await context.route("**/*", (route, request) => {
    if (request.url().startsWith(SITE)) return route.continue();
    otherOrigins.push(request.url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(new URL(path, SITE).href);
  return { context, page, otherOrigins };
}

/** What the keyboard reaches, and whether each stop is visible, uncovered and clearly focused. */
async function tabStop(page: Page) {
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    // A link that wraps has a box per line: test a point on its first line, not the gap between.
    // Near its top too: browsers scroll a tall box, such as a text area, only partly into view.
    const line = element.getClientRects()[0] ?? box;
    const [x, y] = [line.left + Math.min(line.width / 2, 8), line.top + Math.min(line.height / 2, 12)];
    const onTop = document.elementFromPoint(x, y);
    const style = getComputedStyle(element);
    return {
      name: `${element.tagName.toLowerCase()} ${element.getAttribute("href") ?? ""} "${element.textContent?.trim().slice(0, 30)}"`,
      inView: box.bottom > 0 && box.top < innerHeight && box.width > 0 && box.height > 0,
      uncovered: onTop !== null && (element === onTop || element.contains(onTop)),
      focusShown: style.outlineStyle !== "none" || style.boxShadow !== "none",
    };
  });
}

describe.each(paths)("%s", (path) => {
  // One visit for both: every page in every language is opened here.
  it("fits 320 px without sideways scrolling, and works by keyboard alone there, with focus always in view and visible", async () => {
    const { context, page } = await open(path);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.view);
    const stops = [];
    for (let stop = await tabStop(page); stop && stops.length < 60; stop = await tabStop(page)) stops.push(stop);
    await context.close();
    expect(stops.length).toBeGreaterThan(5);
    const ui = uiFor(languageOfPath(path));
    expect(stops[0]?.name).toMatch(
      new RegExp(`^a https://www\\.bbc\\.co\\.uk/weather "${ui.quickExit.link.slice(0, 10)}`),
    );
    expect(stops[1]?.name).toBe(`a #main-content "${ui.skipLink.slice(0, 30)}"`);
    for (const stop of stops)
      expect(stop, stop.name).toMatchObject({ inView: true, uncovered: true, focusShown: true });
  });

  it("sets no cookie, stores nothing and asks nothing of any other site", async () => {
    const { context, page, otherOrigins } = await open(path, { width: 1280, height: 800 });
    await page.waitForLoadState("networkidle");
    const storage = await page.evaluate(() => sessionStorage.length + localStorage.length);
    const cookies = await context.cookies();
    await context.close();
    expect(otherOrigins).toEqual([]);
    expect(cookies).toEqual([]);
    expect(storage).toBe(0);
  });
});

describe("the quick exit", () => {
  it("stays stuck to the top of the screen to the very end of a long page", async () => {
    const { context, page } = await open("/the-restorative-process/");
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const top = await page.evaluate(() => ({
      scrolled: scrollY > 0,
      bar: document.querySelector(".quick-exit")?.getBoundingClientRect().top,
      onTop: document.elementFromPoint(20, 20)?.closest(".quick-exit") !== null,
    }));
    await context.close();
    expect(top).toEqual({ scrolled: true, bar: 0, onTop: true });
  });
});

describe("the skip link", () => {
  it("appears when focused and moves focus to the main content", async () => {
    const { context, page } = await open("/what-is-restorative-justice/");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const box = await page.locator(".skip-link").boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    expect(box?.x).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    await context.close();
  });
});

describe("display settings", () => {
  it("keeps the quick exit outlined in forced colours mode", async () => {
    const { context, page } = await open("/");
    await page.emulateMedia({ forcedColors: "active" });
    const border = await page
      .locator("[data-quick-exit-link]")
      .evaluate((link) => getComputedStyle(link).borderTopStyle + " " + getComputedStyle(link).borderTopWidth);
    await context.close();
    expect(border).toBe("solid 2px");
  });

  it("runs no animation or transition when reduced motion is asked for", async () => {
    const { context, page } = await open("/");
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.locator("[data-quick-exit-link]").hover();
    const animations = await page.evaluate(() => document.getAnimations().length);
    await context.close();
    expect(animations).toBe(0);
  });

  it("prints the content without the quick exit or the menus", async () => {
    const { context, page } = await open("/the-restorative-process/");
    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() =>
      [".quick-exit", ".site-nav", ".site-footer nav", "main"].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).display !== "none",
      ),
    );
    await context.close();
    expect(shown).toEqual([false, false, false, true]);
  });
});
