/**
 * The quick exit in a real Firefox (Debian's firefox-esr), drawing headed to a virtual screen,
 * against the built site served as Netlify would. It is judged by what the screen shows, not
 * only by the DOM. Every request goes through a loopback stand-in that answers the safe
 * destination itself, as late as a test asks, and refuses anything else: nothing leaves this
 * machine, and every request the destination receives is checked for a referrer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, type TestContext } from "vitest";
import type { Browser, BrowserContext, Page } from "puppeteer-core";
import { launchFirefox } from "../../../tools/browsers/firefox.ts";
import { captureScreen, countSitePixels } from "../../../tools/browsers/screen-capture.ts";
import { startStandIn, type StandIn } from "../../../tools/browsers/stand-in.ts";
import { startVirtualScreen, type VirtualScreen } from "../../../tools/browsers/xvfb.ts";
import { SITE_NAME } from "../../site.ts";

const SITE = inject("previewUrl");
const DESTINATION = "https://www.bbc.co.uk/weather";
const LINK = "[data-quick-exit-link]";
const SCREEN = { width: 1024, height: 768 };
/** The site's header and quick exit fill far more of the screen than this when shown. */
const SHOWN = 10_000;
/** By this long after the key or click is sent, the screen must show nothing of the site. */
const HIDDEN_WITHIN_MS = 300;

let screen: VirtualScreen;
let standIn: StandIn;
let firefox: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  screen = await startVirtualScreen(SCREEN);
  standIn = await startStandIn({ site: SITE, destination: DESTINATION });
  firefox = await launchFirefox({ display: screen.display, proxy: standIn.proxy, ...SCREEN });
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  standIn.setDelay(0);
  // Checked after every test, so a stray request is pinned to the test that made it.
  expect(standIn.strayRequests.splice(0)).toEqual([]);
  standIn.destinationRequests.length = 0;
});

afterAll(async () => {
  await firefox?.close();
  await standIn?.close();
  await screen?.close();
});

/** A new tab in a context of its own (its own storage and cache), in front, on `path`. */
async function visit(path: string, from: Browser = firefox): Promise<Page> {
  const context = await from.createBrowserContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.bringToFront();
  await page.goto(new URL(path, SITE).href);
  return page;
}

async function waitForDestination(page: Page) {
  await expect
    .poll(() => page.evaluate(() => `${location.href} ${document.title}`), { timeout: 10_000, interval: 50 })
    .toBe(`${DESTINATION} Weather`);
}

/** The site's own pixels on screen at this moment: 0 when nothing of it shows. */
const sitePixels = async () => countSitePixels(await captureScreen(screen.display));

/** Waits until the page is on screen, so "hidden" afterwards means it went away. */
async function expectShown() {
  await expect.poll(sitePixels, { timeout: 5_000, interval: 50 }).toBeGreaterThan(SHOWN);
}

interface Capture {
  /** Milliseconds from `since` to when this capture began and ended (the screen is read between). */
  from: number;
  to: number;
  pixels: number;
}

/**
 * Reads the screen over and over from now until `atLeast` captures have begun `afterMs` or more
 * after `since`. A capture can take most of a second on a busy machine, so it counts by when
 * each began, not by how many fit in a time.
 */
async function watchScreen(since: number, afterMs: number, atLeast = 1): Promise<Capture[]> {
  const captures: Capture[] = [];
  while (captures.filter((capture) => capture.from >= afterMs).length < atLeast) {
    const from = performance.now() - since;
    const pixels = await sitePixels();
    captures.push({ from, to: performance.now() - since, pixels });
  }
  return captures;
}

/** Captures that showed the site, said briefly: "120 ms: 133690 pixels". */
const showingTheSite = (captures: Capture[]) =>
  captures.filter(({ pixels }) => pixels > 0).map(({ from, pixels }) => `${from.toFixed(0)} ms: ${pixels} pixels`);

/**
 * For the report: how soon the screen was clear, what one capture costs, and when the page
 * hid itself (its "quick-exit:hidden" mark, on the same wall clock as this process).
 */
async function noteTimings(context: TestContext, page: Page, sent: number, captures: Capture[]) {
  const clear = captures.find((capture) => capture.pixels === 0);
  const durations = captures.map((capture) => capture.to - capture.from).sort((a, b) => a - b);
  const median = durations[Math.floor(durations.length / 2)] ?? NaN;
  const hiddenAt = await page
    .evaluate(() => performance.timeOrigin + performance.getEntriesByName("quick-exit:hidden")[0]!.startTime)
    .catch(() => NaN);
  const ms = (value: number | undefined) => (value === undefined ? "none" : value.toFixed(0));
  await context.annotate(
    `first capture with no site pixels read between ${ms(clear?.from)} and ${ms(clear?.to)} ms after sending; ` +
      `the page hid itself ${ms(hiddenAt - (performance.timeOrigin + sent))} ms after sending; ` +
      `one capture takes ${ms(median)} ms (median of ${durations.length})`,
  );
}

const expectNoReferrer = () => {
  expect(standIn.destinationRequests.length).toBeGreaterThan(0);
  for (const request of standIn.destinationRequests) expect(request.headers["referer"]).toBeUndefined();
};

describe("with JavaScript", () => {
  interface Way {
    name: string;
    /** Everything before the last step, which is the one timed. */
    prepare?: (page: Page) => Promise<void>;
    activate: (page: Page) => Promise<void>;
  }

  const ways: Way[] = [
    {
      name: "a click",
      // The pointer rests on the link first, as a hand does, so only the press itself is timed.
      prepare: async (page) => {
        const box = await (await page.$(LINK))!.boundingBox();
        await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      },
      activate: async (page) => {
        await page.mouse.down();
        await page.mouse.up();
      },
    },
    { name: "Escape", activate: (page) => page.keyboard.press("Escape") },
    {
      name: "Shift pressed three times",
      prepare: async (page) => {
        await page.keyboard.press("Shift");
        await page.keyboard.press("Shift");
      },
      activate: (page) => page.keyboard.press("Shift"),
    },
  ];

  describe.each(ways)("on $name", ({ prepare, activate }) => {
    it("clears the screen at once, then swaps the page for the destination in history", async (context) => {
      const page = await visit("/");
      await page.goto(new URL("/contact-us/", SITE).href);
      const historyLength = await page.evaluate(() => history.length);
      await expectShown();
      // The destination is held back, so only the page hiding itself can clear the screen.
      standIn.setDelay(Infinity);
      await prepare?.(page);
      const sent = performance.now();
      await activate(page);
      const captures = await watchScreen(sent, HIDDEN_WITHIN_MS, 2);
      await noteTimings(context, page, sent, captures);
      // Captures begun sooner may have read the screen before Firefox drew its next frame.
      const late = captures.filter(({ from }) => from >= HIDDEN_WITHIN_MS);
      expect(showingTheSite(late), `captures ${HIDDEN_WITHIN_MS} ms or more after sending that show the site`).toEqual(
        [],
      );

      standIn.setDelay(0);
      await waitForDestination(page);
      // replace(), not a new entry: the contact page is gone from history, not behind Back.
      expect(await page.evaluate(() => history.length)).toBe(historyLength);
      expectNoReferrer();
    });
  });

  describe("in a text field", () => {
    const withTextField = async () => {
      const page = await visit("/enquire/");
      await page.click("#message");
      await page.keyboard.type("Half a message");
      return page;
    };
    const status = (page: Page) => page.$eval("[data-quick-exit-status]", (element) => element.textContent);
    const typed = (page: Page) => page.$eval("#message", (element) => (element as HTMLTextAreaElement).value);

    it("keeps a single Escape from throwing away what was typed", async () => {
      const page = await withTextField();
      await page.keyboard.press("Escape");
      await expect.poll(() => status(page)).toBe("Press Esc again to leave this site.");
      // A second Escape more than a second later is a first one again.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await page.keyboard.press("Escape");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await typed(page)).toBe("Half a message");
      expect(page.url()).toBe(new URL("/enquire/", SITE).href);
      expect(standIn.destinationRequests).toEqual([]);
    });

    it("leaves on two presses of Escape within a second", async () => {
      const page = await withTextField();
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      await waitForDestination(page);
      expectNoReferrer();
    });
  });
});

describe("Back after leaving", () => {
  interface Sighting {
    /** "loaded": a new document began; "titled": its title changed; "restored": from the back/forward cache. */
    event: "loaded" | "titled" | "restored";
    path: string;
    title: string;
  }
  const SIGHTING = "quick-exit-test:";

  /**
   * Reports, from inside every page before its own scripts run, each load, each new title and
   * each restore. Read from inside: puppeteer may still be reading the previous document then.
   */
  async function watchPages(page: Page): Promise<Sighting[]> {
    const sightings: Sighting[] = [];
    // The console, not an exposed function: Firefox's channel for those is gone after a restore.
    page.on("console", (message) => {
      const text = message.text();
      if (text.startsWith(SIGHTING)) sightings.push(JSON.parse(text.slice(SIGHTING.length)) as Sighting);
    });
    await page.evaluateOnNewDocument((prefix: string) => {
      let title = "";
      const record = (event: string) => {
        title = document.title;
        console.debug(prefix + JSON.stringify({ event, path: location.pathname, title }));
      };
      record("loaded");
      new MutationObserver(() => {
        if (document.title !== title) record("titled");
      }).observe(document, { subtree: true, childList: true, characterData: true });
      addEventListener("pageshow", (event) => {
        if (event.persisted) record("restored");
      });
    }, SIGHTING);
    return sightings;
  }

  it("never shows the site again, on Back or on Back once more", async () => {
    const page = await visit("about:blank");
    const sightings = await watchPages(page);
    for (const path of ["/", "/contact-us/", "/privacy/"]) await page.goto(new URL(path, SITE).href);
    await expectShown();
    await page.keyboard.press("Escape");
    await waitForDestination(page);

    for (const [back, path] of [
      ["Back", "/contact-us/"],
      ["Back once more", "/"],
    ] as const) {
      sightings.length = 0;
      const leftBefore = standIn.destinationRequests.length;
      // Held, so only the page itself can keep the screen clear while the guard leaves again.
      standIn.setDelay(Infinity);
      const pressed = performance.now();
      // As the browser's Back button does it. It waits for a navigation that a page restored
      // from the cache never reports, so it is bounded and nothing relies on it.
      const backDone = page.goBack({ timeout: 5_000 }).catch(() => null);
      const captures = await watchScreen(pressed, 1_000);
      // Soft, so a failing run says all that went wrong: screen, cache and title.
      expect.soft(showingTheSite(captures), `${back}: captures showing the site`).toEqual([]);
      await expect
        .poll(() => sightings.some((sighting) => sighting.path === path), { message: `${back}: reached ${path}` })
        .toBe(true);
      // no-store keeps the page out of the cache: it was loaded again, so the guard ran on it.
      expect
        .soft(
          sightings.filter(({ event }) => event === "restored"),
          `${back}: restored from the cache`,
        )
        .toEqual([]);
      expect
        .soft(
          sightings.filter(({ title }) => title.includes(SITE_NAME)),
          `${back}: the site's title`,
        )
        .toEqual([]);
      expect(sightings, `${back}: hidden and retitled by the guard`).toContainEqual({
        event: "titled",
        path,
        title: "Loading…",
      });

      standIn.setDelay(0);
      await backDone;
      // The tab ends on the destination, as the newest document in it says.
      await expect
        .poll(() => sightings.at(-1), { timeout: 10_000 })
        .toEqual({ event: "titled", path: "/weather", title: "Weather" });
      expect(standIn.destinationRequests.length - leftBefore, `${back}: requests for the destination`).toBe(1);
    }
    expectNoReferrer();
  });
});

describe("without JavaScript", () => {
  let noScriptScreen: VirtualScreen;
  let noScriptFirefox: Browser;

  beforeAll(async () => {
    // A screen of its own, so this window never covers the other browser's.
    noScriptScreen = await startVirtualScreen(SCREEN);
    noScriptFirefox = await launchFirefox({
      display: noScriptScreen.display,
      proxy: standIn.proxy,
      javaScript: false,
      ...SCREEN,
    });
  });

  afterAll(async () => {
    await noScriptFirefox?.close();
    await noScriptScreen?.close();
  });

  it("is an ordinary link, first in the tab order, that still sends no referrer", async () => {
    const page = await visit("/is-it-right-for-you/", noScriptFirefox);
    const link = await page.$eval(LINK, (element) => ({
      href: element.getAttribute("href"),
      rel: element.getAttribute("rel"),
      // innerText leaves out what is not displayed: the Esc hint shows only with the script.
      text: (element as HTMLElement).innerText.trim(),
    }));
    expect(link).toEqual({ href: DESTINATION, rel: "nofollow noreferrer", text: "Leave this site" });
    await page.keyboard.press("Tab");
    expect(await page.evaluate((selector) => document.activeElement === document.querySelector(selector), LINK)).toBe(
      true,
    );
    const historyLength = await page.evaluate(() => history.length);
    await page.keyboard.press("Enter");
    await waitForDestination(page);
    // An ordinary link adds the destination to history; only the script can replace the page.
    expect(await page.evaluate(() => history.length)).toBe(historyLength + 1);
    expectNoReferrer();
  });
});
