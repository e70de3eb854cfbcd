/**
 * The quick exit in a real Chromium, against the built site served as Netlify would.
 * The safe destination is answered locally by the browser's request routing: nothing leaves
 * this machine, and every request the destination receives is checked for a referrer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page, Request } from "playwright-core";
import { launchChromium } from "../../../tools/browsers/chromium.ts";

const SITE = inject("previewUrl");
const DESTINATION = "https://www.bbc.co.uk/weather";
const LEFT_FLAG = "quick-exit-left";

interface Visit {
  context: BrowserContext;
  page: Page;
  /** Requests that reached the safe destination, to check what they carried. */
  destinationRequests: Request[];
  /** Requests to any origin other than the site and the destination: there must be none. */
  strayRequests: string[];
}

interface VisitOptions {
  javaScript?: boolean;
  /** Which browser: the one with the back/forward cache, or the default one. */
  from?: Browser;
  /** Never answer the destination, so the site's page stays in place to be looked at. */
  holdDestination?: boolean;
  /** Set up the context before its first page opens. */
  prepare?: (context: BrowserContext) => Promise<void>;
}

let browser: Browser;
let browserWithBackForwardCache: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // Playwright turns the back/forward cache off by default; a real visitor's browser has it on.
  browserWithBackForwardCache = await launchChromium({ ignoreDefaultArgs: ["--disable-back-forward-cache"] });
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await browserWithBackForwardCache?.close();
});

async function visit(path: string, options: VisitOptions = {}): Promise<Visit> {
  const context = await (options.from ?? browser).newContext({ javaScriptEnabled: options.javaScript ?? true });
  contexts.push(context);
  const destinationRequests: Request[] = [];
  const strayRequests: string[] = [];
  await context.route("**/*", async (route, request) => {
    const url = request.url();
    if (url.startsWith(SITE)) return route.continue();
    if (url.startsWith(DESTINATION)) {
      destinationRequests.push(request);
      // Holding the answer keeps the site's page in place, to look at the moment of leaving.
      if (options.holdDestination) return;
      return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Weather</title><h1>Weather</h1>" });
    }
    strayRequests.push(url);
    return route.abort();
  });
  await options.prepare?.(context);
  const page = await context.newPage();
  await page.goto(new URL(path, SITE).href);
  return { context, page, destinationRequests, strayRequests };
}

async function waitForDestination(page: Page) {
  await page.waitForURL(DESTINATION, { timeout: 10_000 });
  await expect.poll(() => page.locator("h1").textContent()).toBe("Weather");
}

/** The name a screen reader announces, read from Chromium's accessibility tree. */
const accessibleName = async (locator: Locator) => /^- \w+ "([^"]*)"/.exec(await locator.ariaSnapshot())?.[1];

const expectNoReferrer = (requests: Request[]) => {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) expect(request.headers()["referer"]).toBeUndefined();
};

describe("the control", () => {
  it("is the first thing in the tab order, labelled with its shortcut", async () => {
    const { page } = await visit("/");
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.getAttribute("data-quick-exit-link")).toBe("");
    expect(await accessibleName(focused)).toBe("Leave this site or press Esc");
    expect(await focused.getAttribute("href")).toBe(DESTINATION);
    expect(await focused.getAttribute("rel")).toBe("nofollow noreferrer");
  });

  it("stays in view at the top of the screen as the page scrolls", async () => {
    const { page } = await visit("/staying-safe-online/");
    await page.setViewportSize({ width: 320, height: 480 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const box = await page.locator("[data-quick-exit-link]").boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThan(100);
  });

  it("spans the screen on a small phone", async () => {
    const { page } = await visit("/");
    await page.setViewportSize({ width: 320, height: 640 });
    const box = await page.locator("[data-quick-exit-link]").boundingBox();
    expect(box!.width).toBeGreaterThan(320 * 0.85);
  });
});

describe("with JavaScript", () => {
  it("hides the page, retitles the tab and marks the tab within the click itself", async () => {
    const { page } = await visit("/contact-us/", { holdDestination: true });
    const atOnce = await page.evaluate((flag) => {
      document.querySelector<HTMLAnchorElement>("[data-quick-exit-link]")!.click();
      return {
        display: getComputedStyle(document.documentElement).display,
        title: document.title,
        flag: sessionStorage.getItem(flag),
      };
    }, LEFT_FLAG);
    expect(atOnce).toEqual({ display: "none", title: "Loading…", flag: "1" });
  });

  it("leaves on click without adding the site to the tab's history", async () => {
    const { page, destinationRequests, strayRequests } = await visit("/");
    await page.getByRole("link", { name: "Contact us" }).first().click();
    await page.waitForURL(/\/contact-us\/$/);
    const lengthBefore = await page.evaluate(() => history.length);
    await page.locator("[data-quick-exit-link]").click();
    await waitForDestination(page);
    // replace(), not a new entry: the contact page is gone from history, not behind Back.
    expect(await page.evaluate(() => history.length)).toBe(lengthBefore);
    expectNoReferrer(destinationRequests);
    expect(strayRequests).toEqual([]);
  });

  it("leaves on Escape", async () => {
    const { page, destinationRequests } = await visit("/the-restorative-process/");
    await page.keyboard.press("Escape");
    await waitForDestination(page);
    expectNoReferrer(destinationRequests);
  });

  it("leaves on Shift pressed three times, announcing the count politely", async () => {
    const { page } = await visit("/");
    const status = page.locator("[data-quick-exit-status]");
    expect(await status.getAttribute("role")).toBe("status");
    await page.keyboard.press("Shift");
    await expect.poll(() => status.textContent()).toBe("Shift pressed. Press Shift 2 more times to leave this site.");
    await page.keyboard.press("Shift");
    await expect.poll(() => status.textContent()).toBe("Shift pressed. Press Shift 1 more time to leave this site.");
    await page.keyboard.press("Shift");
    await waitForDestination(page);
  });

  it("does not leave when Shift is used to type capitals", async () => {
    const { page } = await visit("/");
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.down("Shift");
      await page.keyboard.press("KeyA");
      await page.keyboard.up("Shift");
    }
    await page.waitForTimeout(300);
    expect(page.url()).toBe(new URL("/", SITE).href);
  });

  describe("in a text field", () => {
    const withTextField = async () => {
      const visited = await visit("/enquire/");
      await visited.page.locator("#message").fill("Half a message");
      return visited;
    };

    it("keeps a single Escape from throwing away what was typed", async () => {
      const { page } = await withTextField();
      await page.locator("#message").press("Escape");
      await expect
        .poll(() => page.locator("[data-quick-exit-status]").textContent())
        .toBe("Press Esc again to leave this site.");
      await page.waitForTimeout(1200);
      await page.locator("#message").press("Escape");
      await page.waitForTimeout(300);
      expect(await page.locator("#message").inputValue()).toBe("Half a message");
      expect(page.url()).toMatch(/\/enquire\/$/);
    });

    it("leaves on two presses of Escape within a second", async () => {
      const { page } = await withTextField();
      await page.locator("#message").press("Escape");
      await page.locator("#message").press("Escape");
      await waitForDestination(page);
    });
  });

  it("leaves a tab that has left alone if the visitor comes back on purpose", async () => {
    const { page } = await visit("/");
    await page.keyboard.press("Escape");
    await waitForDestination(page);
    await page.goto(new URL("/privacy/", SITE).href);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Privacy notice");
    expect(await page.evaluate((flag) => sessionStorage.getItem(flag), LEFT_FLAG)).toBeNull();
  });
});

describe("Back after leaving", () => {
  interface Sighting {
    /** "restored" from the back/forward cache, "hidden" as the page hid itself, "painted" content on screen. */
    event: "restored" | "hidden" | "painted";
    path: string;
    /** Whether the whole page was hidden at that moment. */
    hidden: boolean;
  }

  /** Reports, from inside every page, when it is restored, hides itself or paints any content. */
  const watchPages = (sightings: Sighting[]) => async (context: BrowserContext) => {
    await context.exposeBinding("recordSighting", (_source, sighting: Sighting) => {
      sightings.push(sighting);
    });
    await context.addInitScript(() => {
      // The document is still empty when this runs: look up <html> only when needed.
      const isHidden = () => document.documentElement?.style.display === "none";
      const record = (event: string) =>
        (window as unknown as { recordSighting: (sighting: object) => void }).recordSighting({
          event,
          path: location.pathname,
          hidden: isHidden(),
        });
      // Added before any script of the page's own, so these see the page before it can react.
      addEventListener("pageshow", (event) => {
        if (event.persisted) record("restored");
      });
      new MutationObserver(() => {
        if (isHidden()) record("hidden");
      }).observe(document, { subtree: true, attributeFilter: ["style"] });
      new PerformanceObserver((entries) => {
        if (entries.getEntriesByName("first-contentful-paint").length > 0) record("painted");
      }).observe({ type: "paint", buffered: true });
    });
  };

  const leaveFromContactPage = async ({ page }: Visit) => {
    await page.goto(new URL("/", SITE).href);
    await page.getByRole("link", { name: "Contact us" }).first().click();
    await page.waitForURL(/\/contact-us\/$/);
    await page.locator("[data-quick-exit-link]").click();
    await waitForDestination(page);
  };

  const sitePages = (sightings: Sighting[]) => sightings.filter((sighting) => sighting.path !== "/weather");

  it("never shows a page restored from the back/forward cache", async () => {
    const sightings: Sighting[] = [];
    const visited = await visit("about:blank", { from: browserWithBackForwardCache, prepare: watchPages(sightings) });
    // Chromium says through its DevTools protocol why a page was not restored from the cache.
    const devTools = await visited.context.newCDPSession(visited.page);
    await devTools.send("Page.enable");
    const notRestoredBecause: string[] = [];
    devTools.on("Page.backForwardCacheNotUsed", ({ notRestoredExplanations }) => {
      notRestoredBecause.push(...notRestoredExplanations.map(({ reason }) => reason));
    });
    await leaveFromContactPage(visited);

    sightings.length = 0;
    await visited.page.goBack();
    await waitForDestination(visited.page);
    if (notRestoredBecause.includes("BackForwardCacheDisabledForDelegate")) {
      // The headless shell inside @sparticuz/chromium has no back/forward cache at all; CI
      // sets CHROME_PATH to a full Chromium that has one. Here Back loads the page again.
      console.warn("This Chromium has no back/forward cache: set CHROME_PATH to a full Chromium to test it.");
      expect(sitePages(sightings)).toEqual([{ event: "hidden", path: "/", hidden: true }]);
      return;
    }
    expect(notRestoredBecause).toEqual([]);
    // It hid itself on the way into the cache, so it comes back hidden, then leaves again.
    expect(sitePages(sightings)).toEqual([{ event: "restored", path: "/", hidden: true }]);
  });

  it("never shows a page loaded again by Back", async () => {
    const sightings: Sighting[] = [];
    const visited = await visit("about:blank", { prepare: watchPages(sightings) });
    await leaveFromContactPage(visited);
    expect(sitePages(sightings)).toContainEqual({ event: "painted", path: "/contact-us/", hidden: false });

    sightings.length = 0;
    const loaded: string[] = [];
    visited.page.on("request", (request) => {
      if (request.isNavigationRequest()) loaded.push(new URL(request.url()).pathname);
    });
    await visited.page.goBack();
    await waitForDestination(visited.page);
    // Back loaded the page again, and nothing of it was seen unhidden. (Its own report that it
    // hid can be lost: the page leaves at once, and the report crosses to the test afterwards.)
    expect(loaded[0]).toBe("/");
    expect(sitePages(sightings).filter((sighting) => !sighting.hidden)).toEqual([]);
  });
});

describe("without JavaScript", () => {
  it("is an ordinary link that still sends no referrer", async () => {
    const { page, destinationRequests } = await visit("/is-it-right-for-you/", { javaScript: false });
    const link = page.locator("[data-quick-exit-link]");
    expect(await accessibleName(link)).toBe("Leave this site");
    await page.keyboard.press("Tab");
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await waitForDestination(page);
    expectNoReferrer(destinationRequests);
  });
});
