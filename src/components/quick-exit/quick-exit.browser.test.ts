/**
 * The quick exit in Chromium, Firefox and WebKit (the engine of Safari on iPhones), each drawing
 * headed to a virtual screen, against the built site served as Netlify would. Each scenario is
 * written once, over the engines' one interface (tools/browsers/screen-engines.ts), and runs in
 * all three: what differs between the engines is data below (FACTS, and the drivers' ENGINE_CAN),
 * each with its reason. It is judged by what the screen shows (tools/browsers/screen-watch.ts),
 * since the DOM can say "hidden" while the page is still in view. Every request goes through a
 * loopback stand-in that answers the safe destination itself, as late as a test asks, and
 * refuses anything else: nothing leaves this machine, and every request the destination
 * receives is checked for a referrer.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, type TestContext } from "vitest";
import {
  ENGINE_CAN,
  ENGINES,
  startEngine,
  type EngineName,
  type EngineOptions,
  type ScreenEngine,
  type Tab,
} from "../../../tools/browsers/screen-engines.ts";
import {
  describeWatch,
  LATE_READS,
  ms,
  showingTheSite,
  sitePixelsOn,
  watchScreen,
} from "../../../tools/browsers/screen-watch.ts";
import { startStandIn, type StandIn } from "../../../tools/browsers/stand-in.ts";
import { startVirtualScreen, type VirtualScreen } from "../../../tools/browsers/xvfb.ts";
import { SITE_NAME } from "../../site.ts";
import { en, type UiStrings } from "../../i18n/strings/en.ts";
import { ur } from "../../i18n/strings/ur.ts";

const SITE = inject("previewUrl");
const DESTINATION = "https://www.bbc.co.uk/weather";
const LEFT_FLAG = "quick-exit-left";
const LINK = "[data-quick-exit-link]";
const STATUS = "[data-quick-exit-status]";
/** MiniBrowser's window, so the whole screen is the browser; the others' windows fill it too. */
const SCREEN = { width: 1024, height: 768 };
/** A page on screen shows far more of the site's colours than this (its header alone, ~100,000). */
const SHOWN = 10_000;
/**
 * How soon the screen must show none of the site once the driver says the browser took the
 * click or key: from then, not from when it was sent, so that a busy machine's slow delivery of
 * input is not counted against the page, and with time for a busy machine to draw a frame.
 * The page hides itself within the event (a test below checks that); a page that started its
 * navigation before that frame was drawn would leave the site on screen in WebKit, which draws
 * no new frame once a cross-site navigation has started, until the destination answered.
 */
const CLEAR_WITHIN_MS = 300;

interface EngineFacts {
  title: string;
  /** A plain Back within the site shows the page from the back/forward cache, not loaded again. */
  cachesSitePages: boolean;
  /** Back after leaving does too, so Back on a page loaded again needs a run with the cache off. */
  restoresSitePagesAfterLeaving: boolean;
}

const FACTS: Record<EngineName, EngineFacts> = {
  chromium: {
    title: "Chromium",
    cachesSitePages: true,
    restoresSitePagesAfterLeaving: true,
  },
  // Firefox keeps no page served no-store in its cache (see netlify.toml: it would restore the
  // page with the storage it had then, before the tab left).
  firefox: {
    title: "Firefox",
    cachesSitePages: false,
    restoresSitePagesAfterLeaving: false,
  },
  // After the cross-site exit it loads the site's pages again on Back.
  webkit: {
    title: "WebKit",
    cachesSitePages: true,
    restoresSitePagesAfterLeaving: false,
  },
};

let screen: VirtualScreen;
let standIn: StandIn;

beforeAll(async () => {
  screen = await startVirtualScreen(SCREEN);
  standIn = await startStandIn({ site: SITE, destination: DESTINATION });
});

afterAll(async () => {
  await standIn?.close();
  await screen?.close();
});

const site = (path: string) => new URL(path, SITE).href;

/** When the screen must be clear after an input, in ms from when it was sent. */
const clearAfterInput = (takenAt: number | undefined) => (takenAt ?? Infinity) + CLEAR_WITHIN_MS;

/** The site's own pixels on screen now: 0 when nothing of it shows. */
const sitePixels = () => sitePixelsOn(screen);

/** Waits until the page is on screen, so that "gone" afterwards means it went. */
async function expectShown() {
  await expect.poll(sitePixels, { timeout: 10_000, interval: 50 }).toBeGreaterThan(SHOWN);
}

async function waitForDestination(tab: Tab) {
  await expect
    .poll(async () => `${await tab.url()} ${await tab.title()}`, { timeout: 10_000, interval: 50 })
    .toBe(`${DESTINATION} Weather`);
}

/** Requests for the destination's page itself; a browser's icon request names the destination as referrer. */
const destinationPages = () => standIn.destinationRequests.filter((request) => request.url === DESTINATION);

function expectNoReferrer() {
  expect(destinationPages().length).toBeGreaterThan(0);
  for (const request of destinationPages()) expect(request.headers.referer).toBeUndefined();
  for (const request of standIn.destinationRequests) expect(request.headers.referer ?? "").not.toContain(SITE);
}

const historyLength = (tab: Tab) => tab.evaluate(() => history.length);
const statusText = (tab: Tab) => tab.evaluate((status) => document.querySelector(status)?.textContent, STATUS);

/** What has focus: whether it is the quick exit, and what it says and links to. */
const focused = (tab: Tab) =>
  tab.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      quickExit: element?.hasAttribute("data-quick-exit-link") ?? false,
      // innerText leaves out what is not displayed: the Esc hint shows only with the script.
      text: element?.innerText.trim(),
      href: element?.getAttribute("href"),
      rel: element?.getAttribute("rel"),
    };
  });

/** The pages' own reports of what a visitor could have seen (see watchPage). */
interface Sighting {
  /** "loaded": a new document began; "titled": its title changed; "hidden": it hid itself;
   * "restored": it came back from the back/forward cache; "painted": its first content was drawn. */
  event: "loaded" | "titled" | "hidden" | "restored" | "painted";
  path: string;
  title: string;
  /** Whether the whole page was hidden at that moment. */
  hidden: boolean;
}

/** Runs in every page before the page's own scripts, so it sees each page before the page can react. */
function watchPage(report: (sighting: Sighting) => void) {
  // The document is still empty when this runs: look up <html> only when needed.
  const isHidden = () => document.documentElement?.style.display === "none";
  let title = "";
  let hidden = false;
  const record = (event: Sighting["event"]) => {
    title = document.title;
    hidden = isHidden();
    report({ event, path: location.pathname, title, hidden });
  };
  record("loaded");
  new MutationObserver(() => {
    if (document.title !== title) record("titled");
    else if (isHidden() && !hidden) record("hidden");
  }).observe(document, { subtree: true, childList: true, characterData: true, attributeFilter: ["style"] });
  addEventListener("pageshow", (event) => {
    if (event.persisted) record("restored");
  });
  new PerformanceObserver((entries) => {
    if (entries.getEntriesByName("first-contentful-paint").length > 0) record("painted");
  }).observe({ type: "paint", buffered: true });
}

const RESTORED_KEY = "test-restored-pages";

/** Notes, in the tab's sessionStorage, each time the page now open comes back from the cache. */
const noteRestores = (tab: Tab) =>
  tab.evaluate((key) => {
    addEventListener("pageshow", (event) => {
      if (event.persisted) sessionStorage.setItem(key, `${sessionStorage.getItem(key) ?? ""}${location.pathname} `);
    });
  }, RESTORED_KEY);
const restoredPages = async (tab: Tab) =>
  (await tab.evaluate((key) => sessionStorage.getItem(key), RESTORED_KEY))?.trim().split(" ") ?? [];

interface WayToLeave {
  way: string;
  /** Everything before the step that leaves, which is the one timed; the words are the page's. */
  prepare?: (tab: Tab, words: UiStrings["quickExit"]) => Promise<void>;
  activate: (tab: Tab) => Promise<void>;
}

const WAYS_TO_LEAVE: WayToLeave[] = [
  // The pointer rests on the link first, as a hand does, so only the press itself is timed.
  { way: "a click", prepare: (tab) => tab.pointAt(LINK), activate: (tab) => tab.click() },
  { way: "Escape", activate: (tab) => tab.press("Escape") },
  {
    way: "Shift pressed three times, counting down politely",
    prepare: async (tab, words) => {
      expect(await tab.evaluate((status) => document.querySelector(status)?.getAttribute("role"), STATUS)).toBe(
        "status",
      );
      await tab.press("Shift");
      await expect.poll(() => statusText(tab)).toBe(words.shiftTwiceMore);
      await tab.press("Shift");
      await expect.poll(() => statusText(tab)).toBe(words.shiftOnceMore);
    },
    activate: (tab) => tab.press("Shift"),
  },
];

for (const name of ENGINES) describe(`in ${FACTS[name].title}`, () => everyScenarioIn(name));

function everyScenarioIn(name: EngineName) {
  const facts = FACTS[name];
  const can = ENGINE_CAN[name];
  let engine: ScreenEngine;
  const tabs: Tab[] = [];

  /** Runs the block's tests in a browser of its own, alone on the screen. */
  function useEngine(options: EngineOptions = {}) {
    beforeAll(async () => {
      engine = await startEngine(name, screen, standIn, options);
    });
    afterAll(async () => {
      await engine?.close();
    });
  }

  afterEach(async () => {
    standIn.setDelay(0);
    await Promise.all(tabs.splice(0).map((tab) => tab.close()));
    // Checked after every test, so a stray request is pinned to the test that made it.
    expect(engine.strayRequests.splice(0)).toEqual([]);
    standIn.strayRequests.length = 0;
    standIn.destinationRequests.length = 0;
  });

  async function newTab(): Promise<Tab> {
    const tab = await engine.newTab();
    tabs.push(tab);
    return tab;
  }

  /** Opens a page in a new tab and waits until the screen shows it: WebKit draws a moment after the load. */
  async function open(path: string): Promise<Tab> {
    const tab = await newTab();
    await tab.goto(site(path));
    await expectShown();
    return tab;
  }

  /**
   * Leaves through `activate` from a page open() showed, with the destination held back so that
   * only the page hiding itself can clear the screen; then checks the rest of what a quick exit must do.
   */
  async function expectToLeave(tab: Tab, activate: () => Promise<unknown>, { annotate }: TestContext) {
    const lengthBefore = await historyLength(tab);
    standIn.setDelay(Infinity);
    const watch = await watchScreen(screen, activate, clearAfterInput);
    standIn.setDelay(0);
    await watch.done;
    await annotate(describeWatch(watch));
    expect(watch.takenAt, "when the input was taken, while the destination was held").toBeDefined();
    const clearBy = clearAfterInput(watch.takenAt);
    const late = watch.reads.filter((read) => read.at >= clearBy);
    expect(late.length, `reads from ${ms(clearBy)} ms`).toBeGreaterThanOrEqual(LATE_READS);
    expect(showingTheSite(late), `reads from ${ms(clearBy)} ms that show the site`).toEqual([]);
    await waitForDestination(tab);
    // replace(), not a new entry: the page left is not behind Back.
    expect(await historyLength(tab)).toBe(lengthBefore);
    expectNoReferrer();
  }

  /**
   * Back twice after leaving, each time with the destination held so that only the page can
   * keep the screen clear while the guard leaves again. `backForwardCache` is the browser's.
   */
  function testBackAfterLeaving(backForwardCache: boolean) {
    const cached = backForwardCache && facts.cachesSitePages;
    const restored = backForwardCache && facts.restoresSitePagesAfterLeaving;
    const how = restored ? "restored from the back/forward cache" : "loaded again";
    test(`never shows the site again on Back, or on Back once more, with the page ${how}`, async ({ annotate }) => {
      const tab = await newTab();
      const sightings = await tab.watchEveryPage?.(watchPage);
      await tab.goto(site("/"));
      await tab.evaluate((key) => sessionStorage.removeItem(key), RESTORED_KEY);
      await noteRestores(tab);
      await tab.goto(site("/contact-us/"));
      await noteRestores(tab);
      await tab.goto(site("/privacy/"));
      await expectShown();
      if (sightings) {
        await expect
          .poll(() => sightings, { message: "the page's own report that it was drawn" })
          .toContainEqual(expect.objectContaining({ event: "painted", path: "/privacy/", hidden: false }));
      }
      // A plain Back and Forward first, to show which way this browser brings the pages back.
      await tab.goBack();
      await expect.poll(() => tab.evaluate(() => location.pathname)).toBe("/contact-us/");
      await tab.goForward();
      await expect.poll(() => tab.evaluate(() => location.pathname)).toBe("/privacy/");
      expect(await restoredPages(tab), "restored by a Back before leaving").toEqual(cached ? ["/contact-us/"] : []);
      await expectShown();
      await tab.pointAt(LINK);
      await tab.click();
      await waitForDestination(tab);
      const lengthAfterLeaving = await historyLength(tab);

      const watches: string[] = [];
      for (const [back, path] of [
        ["Back", "/contact-us/"],
        ["Back once more", "/"],
      ] as const) {
        sightings?.splice(0);
        const asked = destinationPages().length;
        standIn.setDelay(Infinity);
        // Every read from the moment Back is pressed: Firefox's driver says it went back only
        // once the destination has come, so the watch cannot wait for that.
        const watch = await watchScreen(
          screen,
          () => tab.goBack(),
          () => 0,
        );
        // Soft, so a failing run says all that went wrong: screen, cache and title.
        expect.soft(showingTheSite(watch.reads), `${back}: reads showing the site`).toEqual([]);
        if (sightings) await expectLeftAgain(sightings, back, path);
        standIn.setDelay(0);
        await watch.done;
        await waitForDestination(tab);
        if (sightings) {
          // The tab ends on the destination, as the newest document in it says.
          await expect.poll(() => sightings.at(-1), { timeout: 10_000 }).toMatchObject({ path: "/weather" });
        }
        expect(destinationPages().length - asked, `${back}: requests for the destination`).toBe(1);
        expect(await historyLength(tab), `${back}: history`).toBe(lengthAfterLeaving);
        watches.push(`${back}: ${watch.reads.length} reads in ${ms(watch.reads.at(-1)?.at)} ms`);
      }
      expectNoReferrer();
      await annotate(watches.join("; "));

      /** What the pages reported, read while the destination is still held and the page still there. */
      async function expectLeftAgain(sightings: Sighting[], back: string, path: string) {
        await expect
          .poll(() => sightings.some((seen) => seen.path === path && seen.title === "Loading…"), {
            message: `${back}: ${path} hidden and retitled by the guard`,
          })
          .toBe(true);
        const onSite = sightings.filter((seen) => seen.path !== "/weather");
        expect
          .soft(
            onSite.filter(({ event }) => event === "restored").map(({ path, hidden }) => ({ path, hidden })),
            `${back}: restored from the cache, and hidden as it went in`,
          )
          .toEqual(restored ? [{ path, hidden: true }] : []);
        if (!restored)
          expect
            .soft(onSite, `${back}: loaded again`)
            .toContainEqual(expect.objectContaining({ event: "loaded", path }));
        expect
          .soft(
            onSite.filter(({ event, hidden }) => (event === "painted" || event === "restored") && !hidden),
            `${back}: drawn unhidden`,
          )
          .toEqual([]);
        // A restored page still has the title it went into the cache with, until the guard's pageshow.
        expect
          .soft(
            onSite.filter(({ event, title }) => event !== "restored" && title.includes(SITE_NAME)),
            `${back}: the site's title`,
          )
          .toEqual([]);
      }
    });
  }

  describe("with JavaScript", () => {
    useEngine();

    // English, and Urdu: the same control, right to left, in the page's own words.
    for (const { path, words } of [
      { path: "/", words: en.quickExit },
      { path: "/ur/", words: ur.quickExit },
    ]) {
      test(`the quick exit is the first thing Tab reaches on ${path}, labelled with its shortcut`, async () => {
        const tab = await open(path);
        await tab.press("Tab");
        expect(await focused(tab)).toEqual({
          quickExit: true,
          text: `${words.link}${words.hint}`,
          href: DESTINATION,
          rel: "nofollow noreferrer",
        });
        if (tab.accessibleName) expect(await tab.accessibleName(LINK)).toBe(`${words.link}${words.hint}`);
      });
    }

    for (const path of ["/staying-safe-online/", "/ur/staying-safe-online/"]) {
      test.runIf(can.resizeViewport)(`stays in view at the top of the screen as ${path} scrolls`, async () => {
        const tab = await open(path);
        await tab.setViewport!({ width: 320, height: 480 });
        const scrolled = await tab.evaluate((link) => {
          window.scrollTo(0, document.documentElement.scrollHeight);
          const { top, bottom } = document.querySelector(link)!.getBoundingClientRect();
          return { scrollY: window.scrollY, top, bottom };
        }, LINK);
        expect(scrolled.scrollY).toBeGreaterThan(0);
        expect(scrolled.top).toBeGreaterThanOrEqual(0);
        expect(scrolled.bottom).toBeLessThan(100);
      });
    }

    test.runIf(can.resizeViewport)("spans the screen on a small phone", async () => {
      const tab = await open("/");
      await tab.setViewport!({ width: 320, height: 640 });
      const width = await tab.evaluate((link) => document.querySelector(link)!.getBoundingClientRect().width, LINK);
      expect(width).toBeGreaterThan(320 * 0.85);
    });

    test("hides the page, retitles the tab and marks the tab within the click itself", async () => {
      const tab = await open("/contact-us/");
      // Held, so the page stays in place to be looked at.
      standIn.setDelay(Infinity);
      const atOnce = await tab.evaluate(
        ({ link, flag }) => {
          document.querySelector<HTMLAnchorElement>(link)!.click();
          return {
            display: getComputedStyle(document.documentElement).display,
            title: document.title,
            flag: sessionStorage.getItem(flag),
          };
        },
        { link: LINK, flag: LEFT_FLAG },
      );
      expect(atOnce).toEqual({ display: "none", title: "Loading…", flag: "1" });
      // Let it arrive, so that the next test starts from a tab at rest.
      standIn.setDelay(0);
      await waitForDestination(tab);
    });

    for (const { way, prepare, activate } of WAYS_TO_LEAVE) {
      for (const { path, words } of [
        { path: "/contact-us/", words: en.quickExit },
        { path: "/ur/contact-us/", words: ur.quickExit },
      ]) {
        test(`leaves ${path} on ${way}, off the screen at once, in place of the page in history`, async (context) => {
          const tab = await open(path);
          await prepare?.(tab, words);
          await expectToLeave(tab, () => activate(tab), context);
        });
      }
    }

    test("does not leave when Shift is held to type capitals", async () => {
      const tab = await open("/");
      for (let capital = 0; capital < 4; capital += 1) {
        await tab.keyDown("Shift");
        await tab.press("a");
        await tab.keyUp("Shift");
      }
      await sleep(300);
      expect(await tab.url()).toBe(site("/"));
      expect(destinationPages()).toEqual([]);
    });

    describe("in a text field", () => {
      const typed = (tab: Tab) => tab.evaluate(() => document.querySelector<HTMLTextAreaElement>("#message")!.value);
      const typeHalfAMessage = async () => {
        const tab = await open("/enquire/");
        await tab.pointAt("#message");
        await tab.click();
        await tab.type("Half a message");
        expect(await typed(tab), "what the field holds").toBe("Half a message");
        return tab;
      };

      test("keeps a single Escape from throwing away what was typed", async () => {
        const tab = await typeHalfAMessage();
        await tab.press("Escape");
        await expect.poll(() => statusText(tab)).toBe("Press Esc again to leave this site.");
        // A second Escape more than a second later is a first one again.
        await sleep(1200);
        await tab.press("Escape");
        await sleep(300);
        expect(await typed(tab)).toBe("Half a message");
        expect(await tab.url()).toBe(site("/enquire/"));
        expect(destinationPages()).toEqual([]);
        expect(sitePixels()).toBeGreaterThan(SHOWN);
      });

      test("leaves on two presses of Escape within a second", async (context) => {
        const tab = await typeHalfAMessage();
        await expectToLeave(
          tab,
          async () => {
            await tab.press("Escape");
            await tab.press("Escape");
          },
          context,
        );
      });
    });

    test("leaves a tab that has left alone if the visitor comes back on purpose", async () => {
      const tab = await open("/");
      await tab.press("Escape");
      await waitForDestination(tab);
      await tab.goto(site("/privacy/"));
      await expect.poll(() => tab.evaluate(() => document.querySelector("h1")?.textContent)).toBe("Privacy notice");
      expect(await tab.evaluate((flag) => sessionStorage.getItem(flag), LEFT_FLAG)).toBeNull();
      await expectShown();
    });

    testBackAfterLeaving(true);
  });

  // Where Back after leaving restores the site's pages from the cache, a page loaded again by
  // Back (as with a full cache, or one the browser turned off) is tested in a browser without it.
  describe.runIf(facts.restoresSitePagesAfterLeaving)("with the back/forward cache off", () => {
    useEngine({ backForwardCache: false });
    testBackAfterLeaving(false);
  });

  describe("without JavaScript", () => {
    // Tab reaches links in WebKit because launchWebKit asks WebKitGTK to let it; Safari's default
    // does not: there it takes Option-Tab, or "Press Tab to highlight each item" on.
    useEngine({ javaScript: false });

    test("the quick exit is an ordinary link, first in the tab order, that leaves with no referrer", async () => {
      const tab = await open("/is-it-right-for-you/");
      await tab.press("Tab");
      expect(await focused(tab)).toEqual({
        quickExit: true,
        text: "Leave this site",
        href: DESTINATION,
        rel: "nofollow noreferrer",
      });
      if (tab.accessibleName) expect(await tab.accessibleName(LINK)).toBe("Leave this site");
      const lengthBefore = await historyLength(tab);
      await tab.press("Enter");
      await waitForDestination(tab);
      // An ordinary link adds the destination to history; only the script can replace the page.
      expect(await historyLength(tab)).toBe(lengthBefore + 1);
      expectNoReferrer();
    });
  });
}
