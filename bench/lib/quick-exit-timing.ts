/**
 * How fast the quick exit gets someone out, in a real Chromium: from the event that asks to
 * leave (a click, Escape, or the third Shift) to the page being hidden, and to the navigation
 * being started, read from the Performance marks the quick exit sets and the event's own
 * timestamp on the same clock. The destination is held unanswered, so the old page can still
 * be asked for its marks; nothing leaves this machine.
 */
import type { Browser, Page } from "playwright-core";
import { spread, type Spread } from "./stats.ts";

export type Trigger = "click" | "escape" | "shift×3";
export const TRIGGERS: Trigger[] = ["click", "escape", "shift×3"];

export interface QuickExitTiming {
  trigger: Trigger;
  hiddenMs: Spread;
  navigatingMs: Spread;
  /** Every run ended with the page hidden and the destination requested. */
  allLeft: boolean;
}

interface Report {
  name: string;
  at: number;
  /** The last click or key event before the mark, on the same clock. */
  cause: number | undefined;
  display: string;
}

async function activate(page: Page, trigger: Trigger) {
  if (trigger === "click") {
    // The mouse, not locator.click(), which would wait for the held navigation to finish.
    const box = await page.locator("[data-quick-exit-link]").boundingBox();
    if (!box) throw new Error("The quick exit is not on the page.");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  } else if (trigger === "escape") {
    await page.keyboard.press("Escape");
  } else {
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("Shift");
  }
}

/**
 * Runs in the page before its own scripts: notes every click and key event's time, and reports
 * each quick-exit mark to the benchmark the moment it is set, since the page is gone soon after.
 */
function watchQuickExit() {
  const events: number[] = [];
  for (const type of ["click", "keydown", "keyup"])
    addEventListener(type, (event) => events.push(event.timeStamp), true);
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const entry = mark(name, options);
    if (name.startsWith("quick-exit:")) {
      const cause = events.filter((at) => at <= entry.startTime).at(-1);
      const display = getComputedStyle(document.documentElement).display;
      (window as unknown as { __report: (report: Report) => void }).__report({
        name,
        at: entry.startTime,
        cause,
        display,
      });
    }
    return entry;
  };
}

export async function timeQuickExit(
  browser: Browser,
  pageUrl: string,
  destination: string,
  trigger: Trigger,
  runs: number,
): Promise<QuickExitTiming> {
  const hidden: number[] = [];
  const navigating: number[] = [];
  let allLeft = true;
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const reports = new Map<string, Report>();
    let destinationRequested = false;
    // Hold the destination unanswered: nothing leaves this machine.
    await context.route(`${new URL(destination).origin}/**`, () => {
      destinationRequested = true;
    });
    await context.exposeBinding("__report", (_source, report: Report) => void reports.set(report.name, report));
    await context.addInitScript(watchQuickExit);
    const page = await context.newPage();
    await page.goto(pageUrl);
    await activate(page, trigger);
    for (let waited = 0; (!destinationRequested || reports.size < 2) && waited < 3_000; waited += 25) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await context.close();
    const hiddenAt = reports.get("quick-exit:hidden");
    const navigatingAt = reports.get("quick-exit:navigating");
    if (hiddenAt?.cause === undefined || navigatingAt === undefined) {
      allLeft = false;
      continue;
    }
    hidden.push(hiddenAt.at - hiddenAt.cause);
    navigating.push(navigatingAt.at - hiddenAt.cause);
    allLeft &&= hiddenAt.display === "none" && destinationRequested;
  }
  return { trigger, hiddenMs: spread(hidden, 2), navigatingMs: spread(navigating, 2), allLeft };
}
