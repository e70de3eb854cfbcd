/**
 * Watching a virtual screen while something happens: the quick exit must leave nothing of the
 * site on screen from a given moment on, so the screen is read over and over, from the moment
 * the click, key or Back is sent, to see that nothing of it is left or comes back.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { countSitePixels, readFramebuffer } from "./screen-capture.ts";
import type { VirtualScreen } from "./xvfb.ts";

/** How long to keep reading the screen after an exit or a Back: the page must not come back. */
export const WATCH_MS = 1000;
/** Reads once the screen must be clear, at the least, however slow a busy machine makes each. */
export const LATE_READS = 3;
/** A watch ends by this even if the browser never says it took the action. */
const MAX_WATCH_MS = 5000;
/** How often a watch reads the screen: every third frame, leaving the browser the other core. */
const READ_EVERY_MS = 50;

export interface ScreenRead {
  /** When the read began, in ms from when the action was sent, and how long it took. */
  at: number;
  took: number;
  sitePixels: number;
}

export interface ScreenWatch {
  /** When the driver said the action was done, in ms from when it was sent, if it was within the watch. */
  takenAt: number | undefined;
  reads: ScreenRead[];
  /** The action itself, to await once whatever it waits for may come. */
  done: Promise<unknown>;
}

/** The site's own pixels on the screen now: 0 when nothing of it shows. */
export const sitePixelsOn = (screen: VirtualScreen) => countSitePixels(readFramebuffer(screen.framebuffer));

/**
 * Sends `action` and reads the screen from that moment, not waiting for the action first: a
 * WebDriver command may answer only once the navigation it started is done. Reads go on for
 * WATCH_MS, and until LATE_READS have begun at or after `clearBy` (ms from the action, which may
 * depend on when the driver said it was taken).
 */
export async function watchScreen(
  screen: VirtualScreen,
  action: () => Promise<unknown>,
  clearBy: (takenAt: number | undefined) => number,
): Promise<ScreenWatch> {
  const start = performance.now();
  let takenAt: number | undefined;
  const done = action().then(() => (takenAt = performance.now() - start));
  done.catch(() => {}); // Awaited by the caller; this only keeps an early failure from going unhandled.
  const reads: ScreenRead[] = [];
  const late = () => reads.filter(({ at }) => at >= clearBy(takenAt)).length;
  for (let at = 0; at < MAX_WATCH_MS; at = performance.now() - start) {
    if (at >= WATCH_MS && late() >= LATE_READS) break;
    const sitePixels = sitePixelsOn(screen);
    reads.push({ at, took: performance.now() - start - at, sitePixels });
    await sleep(Math.max(0, at + READ_EVERY_MS - (performance.now() - start)));
  }
  return { takenAt, reads, done };
}

export const ms = (value: number | undefined) => (value === undefined ? "none" : value.toFixed(0));

/** The reads that showed the site, said briefly: "120 ms: 133690 pixels". */
export const showingTheSite = (reads: ScreenRead[]) =>
  reads.filter((read) => read.sitePixels > 0).map((read) => `${ms(read.at)} ms: ${read.sitePixels} pixels`);

/** For the report: when the action was taken, when the screen was clear, what a read costs. */
export function describeWatch({ takenAt, reads }: ScreenWatch): string {
  const clear = reads.findIndex((read) => read.sitePixels === 0);
  const took = reads.map((read) => read.took).sort((a, b) => a - b);
  return (
    `taken ${ms(takenAt)} ms after it was sent; the first read with none of the site began at ` +
    `${ms(reads[clear]?.at)} ms${clear > 0 ? `, the last showing it at ${ms(reads[clear - 1]?.at)} ms` : ""}; ` +
    `a read takes ${ms(took[0])}–${ms(took.at(-1))} ms`
  );
}
