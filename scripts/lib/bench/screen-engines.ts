/**
 * The three engines as ScreenEngines for the blank-screen benchmark: each drawn on the given
 * virtual screen, each sending the outside world to the stand-in.
 */
import type { Page } from "playwright-core";
import { launchChromium } from "../browsers/chromium.ts";
import type { StandIn } from "../browsers/stand-in.ts";
import type { ScreenEngine } from "./blank-screen-timing.ts";

export type EngineName = "chromium" | "firefox" | "webkit";
export const ENGINES: EngineName[] = ["chromium", "firefox", "webkit"];

export interface RunningEngine extends ScreenEngine {
  close(): Promise<void>;
}

export async function startEngine(name: EngineName, display: string, standIn: StandIn): Promise<RunningEngine> {
  switch (name) {
    case "chromium":
      return startChromium(display, standIn);
    default:
      throw new Error(`No ScreenEngine for ${name} yet.`);
  }
}

async function startChromium(display: string, standIn: StandIn): Promise<RunningEngine> {
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
  let linkCentre = { x: 0, y: 0 };
  return {
    name: `Chromium ${browser.version()}`,
    async open(url) {
      const context = await browser.newContext({ viewport: null });
      page = await context.newPage();
      await page.goto(url);
      // Found now, so the timed click is a click and nothing more.
      const box = await page.locator("[data-quick-exit-link]").boundingBox();
      if (!box) throw new Error("The quick exit is not on the page.");
      linkCentre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    },
    async clickQuickExit() {
      if (!page) throw new Error("Open a page first.");
      // The mouse, not locator.click(), which would wait for the held navigation.
      await page.mouse.click(linkCentre.x, linkCentre.y);
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
