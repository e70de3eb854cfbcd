/**
 * Firefox as a screen engine (screen-engines.ts): Debian's firefox-esr drawing headed on the
 * virtual screen (firefox.ts), driven by puppeteer over WebDriver BiDi.
 */
import { TimeoutError, type Page } from "puppeteer-core";
import { launchFirefox } from "./firefox.ts";
import type { EngineOptions, ScreenEngine, Tab } from "./screen-engines.ts";
import type { StandIn } from "./stand-in.ts";
import type { VirtualScreen } from "./xvfb.ts";

/**
 * Going back waits until the navigation is over: one that a page restored from the cache never
 * reports, or, on a page that leaves again at once, the destination, which a test may hold back.
 */
const BACK_TIMEOUT_MS = 5_000;

export async function startFirefoxEngine(
  screen: VirtualScreen,
  standIn: StandIn,
  { javaScript, backForwardCache }: Required<EngineOptions>,
): Promise<ScreenEngine> {
  const browser = await launchFirefox({
    display: screen.display,
    proxy: standIn.proxy,
    javaScript,
    width: screen.width,
    height: screen.height,
    prefs: backForwardCache ? {} : { "browser.sessionhistory.max_total_viewers": 0 },
  });
  return {
    name: `Firefox ${(await browser.version()).replace(/^firefox\//i, "")}`,
    // Firefox's own calls home are off (firefox.ts), so whatever the stand-in refused was the pages'.
    strayRequests: standIn.strayRequests,
    async newTab() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.bringToFront();
      return firefoxTab(page);
    },
    close: () => browser.close(),
  };
}

/** Waits for a Back or Forward for as long as it is worth waiting. */
async function boundedHistoryStep(step: Promise<unknown>) {
  try {
    await step;
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
  }
}

function firefoxTab(page: Page): Tab {
  return {
    async goto(url) {
      await page.goto(url);
    },
    // From inside the document: puppeteer's own record can lag behind a navigation.
    url: () => page.evaluate(() => location.href),
    title: () => page.evaluate(() => document.title),
    evaluate: <T, A>(script: (arg: A) => T, arg?: A) => page.evaluate(script as (arg: unknown) => T, arg),
    async pointAt(selector) {
      const element = await page.$(selector);
      await element?.scrollIntoView();
      const box = await element?.boundingBox();
      if (!box) throw new Error(`${selector} is not on the page.`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    },
    async click() {
      await page.mouse.down();
      await page.mouse.up();
    },
    press: (key) => page.keyboard.press(key),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    type: (text) => page.keyboard.type(text),
    goBack: () => boundedHistoryStep(page.goBack({ timeout: BACK_TIMEOUT_MS })),
    goForward: () => boundedHistoryStep(page.goForward({ timeout: BACK_TIMEOUT_MS })),
    close: () => page.browserContext().close(),
    async setViewport(size) {
      await page.setViewport(size);
    },
    async watchEveryPage<T>(watcher: (report: (value: T) => void) => void) {
      const collected: T[] = [];
      // The console, not an exposed function: Firefox's channel for those is gone after a restore.
      const prefix = `screen-engine-report-${Math.random().toString(36).slice(2)}:`;
      page.on("console", (message) => {
        const text = message.text();
        if (text.startsWith(prefix)) collected.push(JSON.parse(text.slice(prefix.length)) as T);
      });
      await page.evaluateOnNewDocument(
        `(${watcher.toString()})((value) => console.debug(${JSON.stringify(prefix)} + JSON.stringify(value)));`,
      );
      return collected;
    },
  };
}
