/**
 * WebKit as a screen engine (screen-engines.ts): WebKitGTK's MiniBrowser on the virtual screen,
 * driven by Selenium through WebKitWebDriver (webkit.ts). A session has one window, which fills
 * the screen, so each "new tab" is that same window as the last test left it: its history and
 * session storage go on from one tab to the next. WebKitWebDriver finishes a pending navigation
 * before it acts, so a command sent while the destination is held may wait for it.
 */
import { By, Key, type WebDriver } from "selenium-webdriver";
import type { EngineOptions, KeyName, ScreenEngine, Tab } from "./screen-engines.ts";
import type { StandIn } from "./stand-in.ts";
import { launchWebKit } from "./webkit.ts";
import type { VirtualScreen } from "./xvfb.ts";

const KEYS: Record<KeyName, string> = { Escape: Key.ESCAPE, Shift: Key.SHIFT, Tab: Key.TAB, Enter: Key.ENTER, a: "a" };

export async function startWebKitEngine(
  screen: VirtualScreen,
  standIn: StandIn,
  { javaScript, backForwardCache }: Required<EngineOptions>,
): Promise<ScreenEngine> {
  const webkit = await launchWebKit({
    display: screen.display,
    proxy: standIn.proxy,
    javaScript,
    pageCache: backForwardCache,
  });
  const capabilities = await webkit.driver.getCapabilities();
  const tab = webKitTab(webkit.driver);
  return {
    name: `WebKitGTK ${String(capabilities.get("browserVersion") ?? "")}`.trim(),
    // MiniBrowser makes no calls home, so whatever the stand-in refused was the pages'.
    strayRequests: standIn.strayRequests,
    newTab: () => Promise.resolve(tab),
    close: () => webkit.close(),
  };
}

function webKitTab(driver: WebDriver): Tab {
  const keys = () => driver.actions();
  return {
    async goto(url) {
      await driver.get(url);
    },
    url: () => driver.getCurrentUrl(),
    title: () => driver.getTitle(),
    evaluate: <T, A>(script: (arg: A) => T, arg?: A) =>
      driver.executeScript<T>(`return (${script.toString()}).call(null, arguments[0]);`, arg),
    async pointAt(selector) {
      const element = await driver.findElement(By.css(selector));
      // A move to an element does not scroll to it, as a click on it would.
      await driver.executeScript("arguments[0].scrollIntoView({ block: 'nearest' });", element);
      await keys().move({ origin: element }).perform();
    },
    async click() {
      await keys().press().release().perform();
    },
    async press(key) {
      await keys().keyDown(KEYS[key]).keyUp(KEYS[key]).perform();
    },
    async keyDown(key) {
      await keys().keyDown(KEYS[key]).perform();
    },
    async keyUp(key) {
      await keys().keyUp(KEYS[key]).perform();
    },
    async type(text) {
      await keys().sendKeys(text).perform();
    },
    goBack: () => driver.navigate().back(),
    goForward: () => driver.navigate().forward(),
    // The window stays: it is the session's only one.
    async close() {},
  };
}
