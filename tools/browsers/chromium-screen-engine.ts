/**
 * Chromium as a screen engine (screen-engines.ts): a full Chromium drawing a window on the
 * virtual screen, driven by Playwright. The headless shell inside @sparticuz/chromium, the other
 * browser checks' fallback, draws no window and has no back/forward cache, so this needs
 * CHROME_PATH or Debian's chromium package.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import type { EngineOptions, ScreenEngine, Tab } from "./screen-engines.ts";
import type { StandIn } from "./stand-in.ts";
import type { VirtualScreen } from "./xvfb.ts";

/** Debian's full Chromium, where CHROME_PATH is not set. */
const DEBIAN_CHROMIUM = "/usr/lib/chromium/chromium";

export async function startChromiumEngine(
  screen: VirtualScreen,
  standIn: StandIn,
  { javaScript, backForwardCache }: Required<EngineOptions>,
): Promise<ScreenEngine> {
  const executablePath = process.env["CHROME_PATH"] || DEBIAN_CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new Error("No Chromium that draws a window: install Debian's chromium package or set CHROME_PATH.");
  }
  const browser = await launchChromium({
    executablePath,
    headless: false,
    env: { ...process.env, DISPLAY: screen.display },
    // Playwright turns the back/forward cache off unless told not to; a visitor's browser has it on.
    ignoreDefaultArgs: backForwardCache ? ["--disable-back-forward-cache"] : [],
    args: [
      // Every request to the stand-in, the site's on loopback too.
      `--proxy-server=http://${standIn.proxy}`,
      "--proxy-bypass-list=<-loopback>",
      "--ignore-certificate-errors",
      "--window-position=0,0",
      `--window-size=${screen.width},${screen.height}`,
    ],
  });
  // The pages' own, from the pages' side: a headed Chromium's calls home (updates, sign-in)
  // reach the stand-in too, which refuses them, so they never leave the machine either.
  const strayRequests: string[] = [];
  const allowed = [new URL(standIn.site).origin, new URL(standIn.destination).origin];
  // One context: a tab of its own is enough to keep history, session storage and the cache
  // apart, and opens in half the time of a context (a window) of its own.
  const context = await browser.newContext({ viewport: null, javaScriptEnabled: javaScript });
  context.on("request", (request) => {
    if (!allowed.includes(new URL(request.url()).origin)) strayRequests.push(request.url());
  });
  return {
    name: `Chromium ${browser.version()}`,
    strayRequests,
    newTab: async () => chromiumTab(await context.newPage()),
    close: () => browser.close(),
  };
}

function chromiumTab(page: Page): Tab {
  let reports = 0;
  return {
    async goto(url) {
      await page.goto(url);
    },
    url: () => Promise.resolve(page.url()),
    title: () => page.title(),
    evaluate: <T, A>(script: (arg: A) => T, arg?: A) => page.evaluate(script as (arg: unknown) => T, arg),
    async pointAt(selector) {
      const element = page.locator(selector).first();
      await element.scrollIntoViewIfNeeded();
      const box = await element.boundingBox();
      if (!box) throw new Error(`${selector} is not on the page.`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    },
    // The mouse, not locator.click(), which would wait for the navigation it starts.
    async click() {
      await page.mouse.down();
      await page.mouse.up();
    },
    press: (key) => page.keyboard.press(key),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    type: (text) => page.keyboard.type(text),
    async goBack() {
      await page.goBack({ waitUntil: "commit" });
    },
    async goForward() {
      await page.goForward({ waitUntil: "commit" });
    },
    close: () => page.close(),
    setViewport: (size) => page.setViewportSize(size),
    // The snapshot's first line is the element's role and name: `- link "Leave this site"`.
    accessibleName: async (selector) =>
      /^- \w+ "([^"]*)"/.exec(await page.locator(selector).first().ariaSnapshot())?.[1],
    async watchEveryPage<T>(watcher: (report: (value: T) => void) => void) {
      const collected: T[] = [];
      // Through a binding, which answers from a page restored from the cache too.
      const binding = `screenEngineReport${(reports += 1)}`;
      await page.exposeBinding(binding, (_source, value: T) => {
        collected.push(value);
      });
      await page.addInitScript({ content: `(${watcher.toString()})((value) => window.${binding}(value));` });
      return collected;
    },
  };
}
