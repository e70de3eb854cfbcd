/**
 * The quick exit in a full Chromium drawing to a virtual screen, judged by the screen itself
 * as Firefox and WebKit are: the page's DOM can say "hidden" while the screen still shows it.
 * Every request goes through the loopback stand-in, which holds the destination back.
 * It needs a Chromium that draws a window: CHROME_PATH, or Debian's chromium package.
 */
import { existsSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../../tools/browsers/chromium.ts";
import { captureScreen, countSitePixels } from "../../../tools/browsers/screen-capture.ts";
import { startStandIn, type StandIn } from "../../../tools/browsers/stand-in.ts";
import { startVirtualScreen, type VirtualScreen } from "../../../tools/browsers/xvfb.ts";

const SITE = inject("previewUrl");
const DESTINATION = "https://www.bbc.co.uk/weather";
const SCREEN = { width: 1024, height: 768 };
/** The site's header and quick exit fill far more of the screen than this when shown. */
const SHOWN = 10_000;
/** From this long after the input is sent, the screen must show nothing of the site. */
const HIDDEN_WITHIN_MS = 300;
/** How long to keep reading the screen: the page must not come back. */
const WATCH_MS = 1000;
/** Debian's full Chromium, where CHROME_PATH is not set; the headless shell draws no window. */
const DEBIAN_CHROMIUM = "/usr/lib/chromium/chromium";

let screen: VirtualScreen;
let standIn: StandIn;
let chromium: Browser;
let context: BrowserContext | undefined;
/** Requests the pages made to anywhere but the site and the destination: there must be none. */
const strayPageRequests: string[] = [];

beforeAll(async () => {
  const executablePath = process.env["CHROME_PATH"] || DEBIAN_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium that draws a window: install Debian's chromium package or set CHROME_PATH.`);
  }
  screen = await startVirtualScreen(SCREEN);
  standIn = await startStandIn({ site: SITE, destination: DESTINATION });
  chromium = await launchChromium({
    executablePath,
    headless: false,
    env: { ...process.env, DISPLAY: screen.display },
    // The back/forward cache on, as in a visitor's browser; every request to the stand-in.
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
    args: [
      `--proxy-server=http://${standIn.proxy}`,
      "--proxy-bypass-list=<-loopback>",
      "--ignore-certificate-errors",
      "--window-position=0,0",
      `--window-size=${SCREEN.width},${SCREEN.height}`,
    ],
  });
});

afterEach(async () => {
  standIn.setDelay(0);
  await context?.close();
  context = undefined;
  // Pages only: a headed Chromium's own calls home (updates, sign-in) reach the stand-in too,
  // which refuses them, so they never leave the machine either.
  expect(strayPageRequests.splice(0)).toEqual([]);
  standIn.strayRequests.length = 0;
  standIn.destinationRequests.length = 0;
});

afterAll(async () => {
  await chromium?.close();
  await standIn?.close();
  await screen?.close();
});

async function open(path: string): Promise<Page> {
  context = await chromium.newContext({ viewport: null });
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(SITE) && new URL(url).origin !== new URL(DESTINATION).origin) strayPageRequests.push(url);
  });
  const page = await context.newPage();
  await page.goto(new URL(path, SITE).href);
  await expect.poll(sitePixels, { timeout: 5_000, interval: 50 }).toBeGreaterThan(SHOWN);
  return page;
}

const sitePixels = async () => countSitePixels(await captureScreen(screen.display));

/** Reads of the screen that showed the site, from `from` ms after `since` for WATCH_MS. */
async function showingTheSite(since: number, from = 0): Promise<string[]> {
  const seen: string[] = [];
  while (performance.now() - since < from + WATCH_MS) {
    const at = performance.now() - since;
    const pixels = await sitePixels();
    if (at >= from && pixels > 0) seen.push(`${at.toFixed(0)} ms: ${pixels} pixels`);
  }
  return seen;
}

async function waitForDestination(page: Page) {
  await page.waitForURL(DESTINATION, { timeout: 10_000 });
  await expect.poll(() => page.title()).toBe("Weather");
}

describe.each([
  { name: "a click", activate: (page: Page) => page.mouse.down().then(() => page.mouse.up()) },
  { name: "Escape", activate: (page: Page) => page.keyboard.press("Escape") },
  { name: "Shift pressed a third time", activate: (page: Page) => page.keyboard.press("Shift") },
])("leaving by $name", ({ name, activate }) => {
  it("leaves nothing of the site on screen while the destination is slow to answer", async () => {
    const page = await open("/contact-us/");
    if (name === "a click") {
      const box = await page.locator("[data-quick-exit-link]").boundingBox();
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    }
    if (name.startsWith("Shift")) for (let press = 0; press < 2; press += 1) await page.keyboard.press("Shift");
    standIn.setDelay(Infinity);
    const sent = performance.now();
    await activate(page);
    expect(await showingTheSite(sent, HIDDEN_WITHIN_MS)).toEqual([]);
    standIn.setDelay(0);
    await waitForDestination(page);
    // The page itself: the destination's own icon request names the destination, not us.
    const arrivals = standIn.destinationRequests.filter((request) => request.url === DESTINATION);
    expect(arrivals.length).toBeGreaterThan(0);
    for (const request of arrivals) expect(request.headers["referer"]).toBeUndefined();
  });
});

describe("Back after leaving", () => {
  it("never shows the site again, Back once or twice, while the destination is slow", async () => {
    const page = await open("/");
    for (const path of ["/contact-us/", "/privacy/"]) await page.goto(new URL(path, SITE).href);
    await page.keyboard.press("Escape");
    await waitForDestination(page);

    for (const time of ["once", "twice"]) {
      standIn.setDelay(Infinity);
      const asked = standIn.destinationRequests.length;
      const sent = performance.now();
      // Commit only: the guard leaves again at once, for the held destination.
      await page.goBack({ waitUntil: "commit" });
      expect(await showingTheSite(sent), `Back ${time}`).toEqual([]);
      expect(standIn.destinationRequests.length, `Back ${time} left again`).toBeGreaterThan(asked);
      standIn.setDelay(0);
      await waitForDestination(page);
    }
  });
});
