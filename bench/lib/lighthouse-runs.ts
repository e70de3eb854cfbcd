/**
 * Lighthouse, the npm package, in the project's own Chromium with its default mobile settings
 * (a mid-range phone, simulated slow 4G), run several times per page for medians and spread.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, chromiumPath } from "../../tools/browsers/chromium.ts";
import { spread, type Spread } from "./stats.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
];

/**
 * Lighthouse fetches robots.txt from inside the page, under the page's own Content-Security-
 * Policy, and `connect-src 'none'` refuses it ("CSP violation"), so the audit fails whatever the
 * file says. Crawlers fetch it directly; the benchmark checks it that way instead (robotsTxt).
 */
export const SKIPPED_AUDITS = ["robots-txt"] as const;

/** robots.txt as a crawler gets it: answered, plain text, and letting every crawler in. */
export async function robotsTxt(site: string): Promise<{ status: number; allowsAll: boolean }> {
  const response = await fetch(new URL("/robots.txt", site));
  const text = await response.text();
  const allowsAll =
    /^text\/plain/.test(response.headers.get("content-type") ?? "") &&
    /^user-agent:\s*\*\s*$/im.test(text) &&
    !/^disallow:\s*\/\s*$/im.test(text);
  return { status: response.status, allowsAll };
}

export interface LighthouseResult {
  url: string;
  /** Each category's score out of 100, per run. */
  scores: Record<(typeof CATEGORIES)[number], Spread>;
  metrics: Record<string, Spread>;
  /** Audits that lost points in any run, so a score below 100 says why. */
  failedAudits: string[];
}

export async function runLighthouse(url: string, runs: number): Promise<LighthouseResult> {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, [] as number[]])) as Record<string, number[]>;
  const metrics = Object.fromEntries(METRICS.map((m) => [m, [] as number[]])) as Record<string, number[]>;
  const failed = new Set<string>();
  let retries = 2;
  for (let run = 0; run < runs; run += 1) {
    // A fresh browser each run, so no run warms the cache for the next.
    const chrome = await chromeLauncher.launch({
      chromePath: await chromiumPath(),
      chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
      logLevel: "silent",
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
        skipAudits: [...SKIPPED_AUDITS],
      });
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) {
        // Lighthouse sometimes loses a trace on a busy 2-core machine (NO_NAVSTART): run again.
        if (retries-- > 0) {
          run -= 1;
          continue;
        }
        throw new Error(`Lighthouse could not test ${url}: ${lhr?.runtimeError?.message}`);
      }
      for (const category of CATEGORIES)
        scores[category]!.push(Math.round((lhr.categories[category]?.score ?? 0) * 100));
      for (const metric of METRICS) metrics[metric]!.push(lhr.audits[metric]?.numericValue ?? 0);
      for (const [id, audit] of Object.entries(lhr.audits)) {
        if (
          audit.score !== null &&
          audit.score < 1 &&
          ["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode)
        )
          failed.add(id);
      }
    } finally {
      chrome.kill();
    }
  }
  return {
    url,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, spread(scores[c]!, 0)])) as LighthouseResult["scores"],
    metrics: Object.fromEntries(METRICS.map((m) => [m, spread(metrics[m]!, m === "cumulative-layout-shift" ? 3 : 0)])),
    failedAudits: [...failed].sort(),
  };
}
