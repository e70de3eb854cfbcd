/**
 * The quick exit in WebKit, the engine of Safari on iPhones: WebKitGTK's MiniBrowser on a
 * virtual screen, against the built site served as Netlify would. It is judged by what that
 * screen shows, since WebKit puts no new frame of a page on screen once a cross-site
 * navigation has started: the DOM can say "hidden" while the page is still in view.
 * Every request goes through a loopback stand-in that answers the destination itself.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { By, Key, type WebDriver } from "selenium-webdriver";
import { captureScreen, captureXwd, countSitePixels, readXwd } from "../../../tools/browsers/screen-capture.ts";
import { startStandIn, type StandIn } from "../../../tools/browsers/stand-in.ts";
import { launchWebKit, type WebKit } from "../../../tools/browsers/webkit.ts";
import { startVirtualScreen, type VirtualScreen } from "../../../tools/browsers/xvfb.ts";

const SITE = inject("previewUrl");
const DESTINATION = "https://www.bbc.co.uk/weather";

/**
 * From this long after the browser has taken the click or key, the screen must show none of the
 * site: a frame or two. Counted from when the driver says the input was handled, not from when
 * it was sent, so a busy machine's slow commands do not count against the page. Leaving the
 * navigation to the 250 ms fallback would keep the site on screen longer than this.
 */
const GONE_WITHIN_MS = 100;
/** How long to keep reading the screen after each exit or Back: the page must not come back. */
const WATCH_MS = 1000;
/** Reads after GONE_WITHIN_MS at the least, however slow a busy machine makes each one. */
const LATE_READS = 3;
/** Reads are kept undecoded (3 MB each) until the watch ends, so it ends by this at the latest. */
const MAX_WATCH_MS = 3 * WATCH_MS;
/** A page on screen shows far more of the site's colours than this (its header alone, ~100,000). */
const PAINTED_SITE_PIXELS = 10_000;

let screen: VirtualScreen;
let standIn: StandIn;
/** The session of the describe block that is running: one browser on the screen at a time. */
let driver: WebDriver;

beforeAll(async () => {
  // The size of MiniBrowser's window, so the whole screen is the browser.
  screen = await startVirtualScreen({ width: 1024, height: 768 });
  standIn = await startStandIn({ site: SITE, destination: DESTINATION });
});

afterEach(() => {
  standIn.setDelay(0);
  standIn.destinationRequests.length = 0;
  standIn.strayRequests.length = 0;
});

afterAll(async () => {
  await standIn?.close();
  await screen?.close();
});

/** Runs a describe block's tests in one WebKit session of their own. */
function useWebKit(options: { javaScript: boolean }) {
  let webkit: WebKit | undefined;
  beforeAll(async () => {
    webkit = await launchWebKit({ display: screen.display, proxy: standIn.proxy, ...options });
    driver = webkit.driver;
  });
  afterAll(async () => {
    await webkit?.close();
  });
}

const sitePixelsOnScreen = async () => countSitePixels(await captureScreen(screen.display));

/** Opens a page and waits until the screen shows it: WebKit paints a moment after the load. */
async function visit(path: string) {
  await driver.get(new URL(path, SITE).href);
  await driver.wait(async () => (await sitePixelsOnScreen()) > PAINTED_SITE_PIXELS, 10_000, `${path} never painted`);
}

async function waitForDestination() {
  await driver.wait(
    async () => (await driver.getCurrentUrl()) === DESTINATION && (await driver.getTitle()) === "Weather",
    10_000,
    "the tab never reached the destination",
  );
}

const historyLength = () => driver.executeScript<number>("return history.length");

/** Only the destination's own page: its favicon request names the destination as its referrer. */
function expectNoReferrerAndNothingElse() {
  const pageRequests = standIn.destinationRequests.filter((request) => request.url === DESTINATION);
  expect(pageRequests.length).toBeGreaterThan(0);
  for (const request of pageRequests) expect(request.headers.referer).toBeUndefined();
  expect(standIn.strayRequests).toEqual([]);
}

interface Look {
  /** When the screen was read, in ms from the start of the action. */
  at: number;
  /** How long reading it took. */
  took: number;
  sitePixels: number;
}

interface ScreenWatch {
  /** Site pixels on screen just before the action. */
  before: number;
  /** When the driver said the action was done, in ms from its start. */
  doneAt: number;
  looks: Look[];
}

/**
 * Does `action` with the destination held back, reading the screen from the moment it starts
 * until WATCH_MS have passed and LATE_READS reads came after GONE_WITHIN_MS past the action's
 * end, then lets the destination answer. The action is not awaited first: WebKitWebDriver may
 * answer only once the navigation it started is done. The reads are decoded afterwards, so
 * that they follow each other closely.
 */
async function watchWithDestinationHeld(action: () => Promise<unknown>): Promise<ScreenWatch> {
  standIn.setDelay(Infinity);
  const before = await sitePixelsOnScreen();
  const start = performance.now();
  let doneAt: number | undefined;
  const acting = action().then(() => (doneAt = performance.now() - start));
  acting.catch(() => {}); // Awaited below; this only keeps an early failure from going unhandled.
  const reads: { at: number; took: number; xwd: Buffer }[] = [];
  const lateReads = () => reads.filter((read) => doneAt !== undefined && read.at >= doneAt + GONE_WITHIN_MS).length;
  while (performance.now() - start < WATCH_MS || lateReads() < LATE_READS) {
    if (performance.now() - start > MAX_WATCH_MS) break;
    const at = performance.now() - start;
    const xwd = await captureXwd(screen.display);
    reads.push({ at, took: performance.now() - start - at, xwd });
  }
  const endedWhileHeld = doneAt !== undefined;
  standIn.setDelay(0);
  await acting;
  expect(endedWhileHeld, "the action ended while the destination was held").toBe(true);
  const looks = reads.map(({ at, took, xwd }) => ({
    at: Math.round(at),
    took: Math.round(took),
    sitePixels: countSitePixels(readXwd(xwd)),
  }));
  return { before, doneAt: Math.round(doneAt!), looks };
}

/** The page was on screen as the action began and none of it soon after; says when it went. */
function expectGoneFromScreen({ before, doneAt, looks }: ScreenWatch): string {
  expect(before, "site pixels on screen just before").toBeGreaterThan(PAINTED_SITE_PIXELS);
  expect(
    looks.filter((look) => look.at >= doneAt + GONE_WITHIN_MS && look.sitePixels > 0),
    `reads showing the site from ${GONE_WITHIN_MS} ms after the input was taken (at ${doneAt} ms)`,
  ).toEqual([]);
  const gone = looks.findIndex((look) => look.sitePixels === 0);
  const took = looks.map((look) => look.took).sort((a, b) => a - b);
  return (
    `input taken ${doneAt} ms after it was sent; the first read with none of the site started at ` +
    `${looks[gone]?.at} ms${gone > 0 ? `, the last showing it at ${looks[gone - 1]?.at} ms` : ""}; ` +
    `a read takes ${took[0]}–${took.at(-1)} ms`
  );
}

/** Nothing of the site on screen at any moment of the watch. */
function expectNeverOnScreen({ looks }: ScreenWatch, when: string) {
  expect(
    looks.filter((look) => look.sitePixels > 0),
    `reads showing the site ${when}`,
  ).toEqual([]);
}

/** Leaves through `activate` and checks everything a quick exit must do, by the screen first. */
async function expectToLeave(activate: () => Promise<unknown>): Promise<string> {
  const lengthBefore = await historyLength();
  const gone = expectGoneFromScreen(await watchWithDestinationHeld(activate));
  await waitForDestination();
  // replace(), not a new entry: the page left is not behind Back.
  expect(await historyLength()).toBe(lengthBefore);
  expectNoReferrerAndNothingElse();
  return gone;
}

const quickExitLink = () => driver.findElement(By.css("[data-quick-exit-link]"));
const statusText = () => driver.findElement(By.css("[data-quick-exit-status]")).getProperty("textContent");

describe("with JavaScript", () => {
  useWebKit({ javaScript: true });

  it("is the first thing Tab reaches, labelled with its shortcut", async () => {
    await visit("/");
    await driver.actions().sendKeys(Key.TAB).perform();
    const focused = await driver.switchTo().activeElement();
    expect(await focused.getAttribute("data-quick-exit-link")).toBe("");
    expect(await focused.getText()).toBe("Leave this site or press Esc");
  });

  it("leaves on click, off the screen at once, in place of the page in history", async ({ annotate }) => {
    await visit("/");
    await visit("/contact-us/");
    const link = await quickExitLink();
    await annotate(await expectToLeave(() => link.click()));
  });

  it("leaves on Escape", async ({ annotate }) => {
    await visit("/the-restorative-process/");
    await annotate(await expectToLeave(() => driver.actions().sendKeys(Key.ESCAPE).perform()));
  });

  it("leaves on Shift pressed three times, counting down", async ({ annotate }) => {
    await visit("/");
    const pressShift = () => driver.actions().keyDown(Key.SHIFT).keyUp(Key.SHIFT).perform();
    await pressShift();
    expect(await statusText()).toBe("Shift pressed. Press Shift 2 more times to leave this site.");
    await pressShift();
    expect(await statusText()).toBe("Shift pressed. Press Shift 1 more time to leave this site.");
    await annotate(await expectToLeave(pressShift));
  });

  describe("in a text field", () => {
    const typeHalfAMessage = async () => {
      await visit("/enquire/");
      const message = await driver.findElement(By.css("#message"));
      await message.sendKeys("Half a message");
      return message;
    };

    it("keeps a single Escape from throwing away what was typed", async () => {
      const message = await typeHalfAMessage();
      await message.sendKeys(Key.ESCAPE);
      expect(await statusText()).toBe("Press Esc again to leave this site.");
      // A second press after the one-second window starts again rather than leaving.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await message.sendKeys(Key.ESCAPE);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await message.getProperty("value")).toBe("Half a message");
      expect(await driver.getCurrentUrl()).toBe(new URL("/enquire/", SITE).href);
      expect(await sitePixelsOnScreen()).toBeGreaterThan(PAINTED_SITE_PIXELS);
    });

    it("leaves on two presses of Escape within a second", async ({ annotate }) => {
      await typeHalfAMessage();
      await annotate(await expectToLeave(() => driver.actions().sendKeys(Key.ESCAPE, Key.ESCAPE).perform()));
    });
  });

  describe("then Back, with the page cache on", () => {
    const RESTORED_KEY = "test-restored-pages";

    /** Notes, in the tab's sessionStorage, each time this page is shown from the page cache. */
    const noteRestores = () =>
      driver.executeScript(
        `addEventListener("pageshow", (event) => {
          if (event.persisted) sessionStorage.setItem(${JSON.stringify(RESTORED_KEY)}, (sessionStorage.getItem(${JSON.stringify(RESTORED_KEY)}) ?? "") + location.pathname + " ");
        });`,
      );
    const restoredPages = async () =>
      (await driver.executeScript<string | null>(`return sessionStorage.getItem(${JSON.stringify(RESTORED_KEY)})`))
        ?.trim()
        .split(" ") ?? [];

    it("never shows the site on Back, or on Back again, and stays on the destination", async ({ annotate }) => {
      await visit("/");
      await driver.executeScript(`sessionStorage.removeItem(${JSON.stringify(RESTORED_KEY)})`);
      await noteRestores();
      await visit("/the-restorative-process/");
      await noteRestores();
      await visit("/contact-us/");
      // A plain Back and Forward first, to show this session does restore pages from the cache.
      await driver.navigate().back();
      await driver.navigate().forward();
      expect(await restoredPages()).toEqual(["/the-restorative-process/"]);
      await (await quickExitLink()).click();
      await waitForDestination();
      const lengthAfterLeaving = await historyLength();

      // WebKitWebDriver finishes a pending navigation before it goes Back, so the second Back
      // comes once the destination has answered the first, as a second look back would.
      const watches: string[] = [];
      for (const press of [1, 2]) {
        const watch = await watchWithDestinationHeld(() => driver.navigate().back());
        expectNeverOnScreen(watch, `after Back ×${press}`);
        await waitForDestination();
        expect(await historyLength()).toBe(lengthAfterLeaving);
        watches.push(
          `Back ×${press}: ${watch.looks.length} reads in ${watch.looks.at(-1)?.at} ms, none showing the site`,
        );
      }
      expectNoReferrerAndNothingElse();

      // Coming back on purpose shows the site; it also tells how WebKit brought the pages back.
      await visit("/privacy/");
      const [, ...restoredAfterLeaving] = await restoredPages();
      await annotate(
        `${watches.join("; ")}; pages restored from the page cache after leaving: ${restoredAfterLeaving.join(", ") || "none (loaded again)"}`,
      );
    });
  });
});

describe("without JavaScript", () => {
  // Tab reaches links because launchWebKit asks WebKitGTK to let it (both sessions); Safari's
  // default does not: there it takes Option-Tab, or "Press Tab to highlight each item" on.
  useWebKit({ javaScript: false });

  it("is an ordinary link, reached by Tab, that leaves with no referrer", async () => {
    await visit("/is-it-right-for-you/");
    await driver.actions().sendKeys(Key.TAB).perform();
    const focused = await driver.switchTo().activeElement();
    expect(await focused.getAttribute("data-quick-exit-link")).toBe("");
    // The shortcut hint only shows once the script runs.
    expect(await focused.getText()).toBe("Leave this site");
    await driver.actions().sendKeys(Key.ENTER).perform();
    await waitForDestination();
    expectNoReferrerAndNothingElse();
  });
});
