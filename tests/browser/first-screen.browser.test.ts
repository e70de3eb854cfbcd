/**
 * The first screen of every built page on the smallest phones: 320 x 568 CSS pixels (an
 * iPhone SE with Safari's bars, and close to a desktop window at 400% zoom). Someone arriving
 * distressed should see where they are, the page's heading and its first sentence, without
 * scrolling, with JavaScript on and off; the quick exit still comes first and the main menu
 * still works by keyboard alone.
 */
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { useChromium } from "../support/shared-browser.ts";
import { builtPagePaths } from "../../tools/project/site-pages.ts";

const SITE = inject("previewUrl");
const SMALL_PHONE = { width: 320, height: 568 };
const paths = builtPagePaths();

const browser = useChromium();

async function open(path: string, javaScriptEnabled: boolean) {
  const context = await browser().newContext({ viewport: SMALL_PHONE, javaScriptEnabled });
  // Nothing here needs another site; the quick exit's destination is never followed.
  await context.route("**/*", (route, request) => (request.url().startsWith(SITE) ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.goto(new URL(path, SITE).href);
  return { context, page };
}

/**
 * Where the h1 and the first sentence of the first shown paragraph after it sit, in CSS pixels
 * from the top of the screen. The sentence ends at its first ". ", "? " or "! ", or with the
 * paragraph; a Range over just that text is measured, so a long paragraph may run on below.
 * On a translated page the status line under the heading must fit too, since it comes first.
 */
function firstScreen(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    const h1 = main?.querySelector("h1");
    if (!main || !h1) return null;
    const shown = (element: Element) => element.getClientRects().length > 0;
    // The page's own words: a translation's one-line status under the heading comes before them.
    const paragraph = [...main.querySelectorAll("p:not(.translation-status)")].find(
      (p) => h1.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING && shown(p) && p.textContent?.trim(),
    );
    if (!paragraph) return null;

    const texts: Text[] = [];
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    const whole = texts.map((text) => text.data).join("");
    // Latin, Urdu (۔ ؟) and Gurmukhi (।) full stops.
    const stop = /[.?!۔؟।](?=\s)/.exec(whole);
    let remaining = stop ? stop.index + 1 : whole.length;
    const range = document.createRange();
    range.setStart(paragraph, 0);
    for (const text of texts) {
      if (remaining <= text.data.length) {
        range.setEnd(text, remaining);
        break;
      }
      remaining -= text.data.length;
    }
    const sentence = range.getBoundingClientRect();
    const heading = h1.getBoundingClientRect();
    const quickExit = document.querySelector(".quick-exit")?.getBoundingClientRect();
    return {
      viewportHeight: innerHeight,
      quickExitBottom: Math.round(quickExit?.bottom ?? 0),
      h1Top: Math.round(heading.top),
      h1Bottom: Math.round(heading.bottom),
      sentence: range.toString(),
      sentenceBottom: Math.round(sentence.bottom),
    };
  });
}

/** The element Tab moves focus to next, described, and whether it is on screen. */
async function tab(page: Page) {
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    return {
      href: element.getAttribute("href"),
      quickExit: element.matches("[data-quick-exit-link]"),
      menuToggle: element.matches("summary") && !(element.parentElement as HTMLDetailsElement | null)?.open,
      inMainNav: element.closest("nav.site-nav") !== null,
      onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight,
    };
  });
}

it("covers the form, its confirmation and the 404 page as well as the guidance", () => {
  expect(paths).toEqual(expect.arrayContaining(["/", "/enquire/", "/enquire/sent/", "/404.html"]));
});

describe.each(paths)("%s at 320 x 568", (path) => {
  describe.each([
    ["on", true],
    ["off", false],
  ])("with JavaScript %s", (_label, javaScript) => {
    // One visit for both, as each page is opened twice (JavaScript on and off) in every language.
    it("shows the h1 and the first sentence without scrolling, then the quick exit first and every main menu link by keyboard", async () => {
      const { context, page } = await open(path, javaScript);
      const screen = await firstScreen(page);
      console.log(`${path} JS ${_label}: ${JSON.stringify(screen)}`);
      const menu = await page
        .locator("nav.site-nav a")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      const stops = [];
      for (let stop = await tab(page); stop && stops.length < 30; stop = await tab(page)) {
        stops.push(stop);
        // A folded menu opens with Enter, as any disclosure does, and no script is involved.
        if (stop.menuToggle) await page.keyboard.press("Enter");
      }
      await context.close();

      expect(screen).not.toBeNull();
      expect(screen!.viewportHeight).toBe(SMALL_PHONE.height);
      expect(screen!.h1Top).toBeGreaterThanOrEqual(screen!.quickExitBottom);
      expect(screen!.h1Bottom, "the h1's bottom edge").toBeLessThanOrEqual(SMALL_PHONE.height);
      expect(screen!.sentenceBottom, `"${screen!.sentence}"`).toBeLessThanOrEqual(SMALL_PHONE.height);

      expect(menu.length).toBeGreaterThan(3);
      expect(stops[0]?.quickExit, "the first Tab stop is the quick exit").toBe(true);
      const reached = stops.filter((stop) => stop.inMainNav && stop.href !== null);
      expect(reached.map((stop) => stop.href)).toEqual(menu);
      for (const stop of reached) expect(stop, `${stop.href} when focused`).toMatchObject({ onScreen: true });
    });
  });
});
