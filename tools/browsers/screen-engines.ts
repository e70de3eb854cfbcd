/**
 * The three engines behind one interface, for the quick exit's benchmark and tests: each drawn
 * on the given virtual screen, each sending the outside world to the stand-in.
 */
import type { Page } from "playwright-core";
import type { Page as PuppeteerPage } from "puppeteer-core";
import { launchChromium } from "./chromium.ts";
import { launchFirefox } from "./firefox.ts";
import { launchWebKit } from "./webkit.ts";
import { By, Key } from "selenium-webdriver";
import type { StandIn } from "./stand-in.ts";

/** One browser, driven the same way whatever the engine. */
export interface ScreenEngine {
  name: string;
  /** Opens the page in a fresh window or tab and waits for it to load. */
  open(url: string): Promise<void>;
  /** Asks the browser to click the quick exit, as a person would with a mouse or a finger. */
  clickQuickExit(): Promise<void>;
  /** Asks the browser to press and release a key. */
  pressKey(key: "Escape" | "Shift"): Promise<void>;
  /** Closes what open() opened. */
  reset(): Promise<void>;
}

export type EngineName = "chromium" | "firefox" | "webkit";
export const ENGINES: EngineName[] = ["chromium", "firefox", "webkit"];

export interface RunningEngine extends ScreenEngine {
  close(): Promise<void>;
}

export async function startEngine(name: EngineName, display: string, standIn: StandIn): Promise<RunningEngine> {
  switch (name) {
    case "chromium":
      return startChromium(display, standIn);
    case "firefox":
      return startFirefox(display, standIn);
    case "webkit":
      return startWebKit(display, standIn);
  }
}

async function startChromium(display: string, standIn: StandIn): Promise<RunningEngine> {
  // The shell inside @sparticuz/chromium, the tests' fallback, cannot draw a window.
  if (!process.env["CHROME_PATH"]) {
    throw new Error("Set CHROME_PATH to a full Chromium (such as /usr/lib/chromium/chromium): this draws a window.");
  }
  const browser = await launchChromium({
    headless: false,
    env: { ...process.env, DISPLAY: display },
    args: [
      `--proxy-server=http://${standIn.proxy}`,
      "--ignore-certificate-errors",
      "--window-position=0,0",
      "--window-size=640,720",
    ],
  });
  let page: Page | undefined;
  return {
    name: `Chromium ${browser.version()}`,
    async open(url) {
      const context = await browser.newContext({ viewport: null });
      page = await context.newPage();
      await page.goto(url);
      // The pointer rests on the link first, so the timed click is the press and release only.
      const box = await page.locator("[data-quick-exit-link]").boundingBox();
      if (!box) throw new Error("The quick exit is not on the page.");
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    },
    async clickQuickExit() {
      if (!page) throw new Error("Open a page first.");
      // The mouse, not locator.click(), which would wait for the held navigation.
      await page.mouse.down();
      await page.mouse.up();
    },
    async pressKey(key) {
      if (!page) throw new Error("Open a page first.");
      await page.keyboard.press(key);
    },
    async reset() {
      await page?.context().close();
      page = undefined;
    },
    close: () => browser.close(),
  };
}

async function startFirefox(display: string, standIn: StandIn): Promise<RunningEngine> {
  const browser = await launchFirefox({ display, proxy: standIn.proxy, width: 640, height: 720 });
  let page: PuppeteerPage | undefined;
  return {
    name: `Firefox ${(await browser.version()).replace(/^firefox\//i, "")}`,
    async open(url) {
      page = await browser.newPage();
      await page.goto(url);
      // The pointer rests on the link first, so the timed click is the press and release only.
      const box = await (await page.$("[data-quick-exit-link]"))?.boundingBox();
      if (!box) throw new Error("The quick exit is not on the page.");
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    },
    async clickQuickExit() {
      if (!page) throw new Error("Open a page first.");
      await page.mouse.down();
      await page.mouse.up();
    },
    async pressKey(key) {
      if (!page) throw new Error("Open a page first.");
      await page.keyboard.press(key);
    },
    async reset() {
      await page?.close();
      page = undefined;
    },
    close: () => browser.close(),
  };
}

async function startWebKit(display: string, standIn: StandIn): Promise<RunningEngine> {
  const webkit = await launchWebKit({ display, proxy: standIn.proxy });
  const { driver } = webkit;
  const capabilities = await driver.getCapabilities();
  return {
    name: `WebKitGTK ${String(capabilities.get("browserVersion") ?? "")}`.trim(),
    async open(url) {
      await driver.get(url);
      // The pointer rests on the link first, so the timed click is the press and release only.
      const link = await driver.findElement(By.css("[data-quick-exit-link]"));
      await driver.actions().move({ origin: link }).perform();
    },
    async clickQuickExit() {
      await driver.actions().press().release().perform();
    },
    async pressKey(key) {
      const code = key === "Escape" ? Key.ESCAPE : Key.SHIFT;
      await driver.actions().keyDown(code).keyUp(code).perform();
    },
    async reset() {},
    close: () => webkit.close(),
  };
}
