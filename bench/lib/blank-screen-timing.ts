/**
 * How long the quick exit leaves the site on screen, in any engine: from the moment the
 * benchmark asks the browser to click or press a key, to the first read of the display that
 * shows none of the site's colours. The destination is held back by the stand-in, so only
 * the hide can clear the screen; each read of the screen takes 10–20 ms on a small screen.
 */
import { captureXwd, countSitePixels } from "../../tools/browsers/screen-capture.ts";
import type { ScreenEngine } from "../../tools/browsers/screen-engines.ts";
import type { StandIn } from "../../tools/browsers/stand-in.ts";
import { spread, type Spread } from "./stats.ts";
import type { Trigger } from "./quick-exit-timing.ts";

export interface BlankScreenTiming {
  engine: string;
  trigger: Trigger;
  blankMs: Spread;
  /** Runs in which the screen was still showing the site when the benchmark gave up. */
  stillShowing: number;
}

/** Enough of the site's colours to know the page is drawn: its header alone has thousands. */
const DRAWN = 1000;
const GIVE_UP_MS = 2000;

export async function timeBlankScreen(
  engine: ScreenEngine,
  display: string,
  standIn: StandIn,
  url: string,
  trigger: Trigger,
  runs: number,
): Promise<BlankScreenTiming> {
  const blank: number[] = [];
  let stillShowing = 0;
  for (let run = 0; run < runs; run += 1) {
    standIn.setDelay(Infinity);
    const tab = await engine.newTab();
    await tab.goto(url);
    // The pointer rests on the link first, so the timed click is the press and release only.
    await tab.pointAt("[data-quick-exit-link]");
    await waitUntil(
      async () => countSitePixels(await captureXwd(display)) >= DRAWN,
      5000,
      "The page never showed on screen.",
    );
    // The clock starts at the press that leaves: the third Shift, not the first.
    if (trigger === "shift×3") for (let press = 1; press < 3; press += 1) await tab.press("Shift");
    const destinationAsked = standIn.destinationRequests.length;
    const asked = performance.now();
    const activation = trigger === "click" ? tab.click() : tab.press(trigger === "escape" ? "Escape" : "Shift");
    let blankAt: number | undefined;
    while (blankAt === undefined && performance.now() - asked < GIVE_UP_MS) {
      const screen = await captureXwd(display);
      const readAt = performance.now();
      if (countSitePixels(screen) === 0) blankAt = readAt;
    }
    // The screen can be blank before the navigation starts: let it reach the stand-in, then
    // answer it, before waiting on the activation (a WebDriver command can wait for it).
    await waitUntil(() => standIn.destinationRequests.length > destinationAsked, 5000, "No navigation started.");
    standIn.setDelay(0);
    await activation;
    if (blankAt === undefined) stillShowing += 1;
    else blank.push(blankAt - asked);
    await tab.close();
  }
  return { engine: engine.name, trigger, blankMs: spread(blank, 0), stillShowing };
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, failure: string) {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
