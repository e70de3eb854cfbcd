/**
 * The three engines behind one interface, for the quick exit's tests and benchmark: each drawn
 * on a virtual screen (xvfb.ts), each sending the outside world to the stand-in (stand-in.ts),
 * each driven the same way whatever its driver: Playwright for Chromium, puppeteer over WebDriver
 * BiDi for Firefox, Selenium with WebKitWebDriver for WebKit. So a scenario is written once.
 * What only some drivers can do is an optional method of the tab, and ENGINE_CAN says which
 * engines have it before any browser starts.
 */
import type { StandIn } from "./stand-in.ts";
import type { VirtualScreen } from "./xvfb.ts";
import { startChromiumEngine } from "./chromium-screen-engine.ts";
import { startFirefoxEngine } from "./firefox-screen-engine.ts";
import { startWebKitEngine } from "./webkit-screen-engine.ts";

export type EngineName = "chromium" | "firefox" | "webkit";
export const ENGINES: EngineName[] = ["chromium", "firefox", "webkit"];

export interface EngineOptions {
  /** False runs every page with JavaScript off. Default true. */
  javaScript?: boolean;
  /** False turns the back/forward cache off. Default true, as in a visitor's browser. */
  backForwardCache?: boolean;
}

/** One browser on the screen. */
export interface ScreenEngine {
  /** The engine and its version, such as "Firefox 140.3.0esr". */
  name: string;
  /**
   * Requests the pages made for anywhere but the site and the destination, which the stand-in
   * refused. Add to it nothing but the pages' own: a browser's own calls home are not counted.
   */
  strayRequests: string[];
  /** A new tab in front, with history and session storage of its own (but WebKit's: see its file). */
  newTab(): Promise<Tab>;
  close(): Promise<void>;
}

/** The keys the quick exit's scenarios press. */
export type KeyName = "Escape" | "Shift" | "Tab" | "Enter" | "a";

/** One tab, driven as a person would: pointer, keys, Back; and read through scripts in the page. */
export interface Tab {
  /** Goes to the address and waits for the page to load (not for it to be on screen). */
  goto(url: string): Promise<void>;
  /** The address and title of the document in the tab now. */
  url(): Promise<string>;
  title(): Promise<string>;
  /** Runs `script` in the page, even with JavaScript off for the page's own, and returns its plain-data result. */
  evaluate<T>(script: () => T): Promise<T>;
  evaluate<T, A>(script: (arg: A) => T, arg: A): Promise<T>;
  /** Rests the pointer on the middle of the first element `selector` matches, scrolled into view. */
  pointAt(selector: string): Promise<void>;
  /** Presses and releases the pointer where it rests, as a mouse button or a finger does. */
  click(): Promise<void>;
  press(key: KeyName): Promise<void>;
  keyDown(key: KeyName): Promise<void>;
  keyUp(key: KeyName): Promise<void>;
  /** Types text a key at a time into whatever has focus. */
  type(text: string): Promise<void>;
  /**
   * Goes back, or forward, as the browser's buttons do. Resolves once the driver says it went:
   * Chromium's when the page is committed, WebKit's once it has loaded, Firefox's once any
   * navigation the page starts is over too, or after 5 s.
   */
  goBack(): Promise<void>;
  goForward(): Promise<void>;
  close(): Promise<void>;

  /** Sets the size of the page's viewport in CSS pixels (ENGINE_CAN.resizeViewport). */
  setViewport?(size: { width: number; height: number }): Promise<void>;
  /** The name a screen reader announces, from the browser's accessibility tree (ENGINE_CAN.readAccessibleNames). */
  accessibleName?(selector: string): Promise<string | undefined>;
  /**
   * Runs `watcher` in every document the tab opens from now on, before the page's own scripts,
   * and collects what it reports, in order (ENGINE_CAN.watchEveryPage). The watcher is sent as
   * its source text: it may use nothing from outside itself.
   */
  watchEveryPage?<T>(watcher: (report: (value: T) => void) => void): Promise<T[]>;
}

export interface Capabilities {
  resizeViewport: boolean;
  readAccessibleNames: boolean;
  watchEveryPage: boolean;
}

/**
 * What each driver can do beyond the common part. WebKit: MiniBrowser's window is never
 * narrower than 447 pixels, and Selenium has neither scripts run ahead of the page's own nor the
 * page's console. Only Chromium's DevTools protocol reads the accessibility tree.
 */
export const ENGINE_CAN: Record<EngineName, Capabilities> = {
  chromium: { resizeViewport: true, readAccessibleNames: true, watchEveryPage: true },
  firefox: { resizeViewport: true, readAccessibleNames: false, watchEveryPage: true },
  webkit: { resizeViewport: false, readAccessibleNames: false, watchEveryPage: false },
};

/** Starts one engine's browser, its window filling the screen, every request sent to the stand-in. */
export async function startEngine(
  name: EngineName,
  screen: VirtualScreen,
  standIn: StandIn,
  options: EngineOptions = {},
): Promise<ScreenEngine> {
  const settings = { javaScript: true, backForwardCache: true, ...options };
  switch (name) {
    case "chromium":
      return startChromiumEngine(screen, standIn, settings);
    case "firefox":
      return startFirefoxEngine(screen, standIn, settings);
    case "webkit":
      return startWebKitEngine(screen, standIn, settings);
  }
}
