/**
 * How long the site stays on screen after the quick exit, in Chromium, Firefox and WebKit,
 * judged by the pixels on a virtual screen while the destination is held back. Not a test:
 * it prints a table and writes bench/results/quick-exit-latest.{json,md}.
 *
 *   CHROME_PATH=/usr/lib/chromium/chromium npm run bench:quick-exit   # 15 runs a trigger in each engine (after a build)
 *   npm run bench:quick-exit -- --runs 5 --engines firefox,webkit
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { QUICK_EXIT_URL } from "../src/site.ts";
import { startPreview } from "../tools/netlify/preview.ts";
import { timeBlankScreen, type BlankScreenTiming } from "../bench/lib/blank-screen-timing.ts";
import { TRIGGERS } from "../bench/lib/quick-exit-timing.ts";
import { ENGINES, startEngine, type EngineName } from "../tools/browsers/screen-engines.ts";
import { formatSpread } from "../bench/lib/stats.ts";
import { startStandIn } from "../tools/browsers/stand-in.ts";
import { startVirtualScreen } from "../tools/browsers/xvfb.ts";

const RESULTS = join(import.meta.dirname, "..", "bench", "results");
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    engines: { type: "string", default: ENGINES.join(",") },
    triggers: { type: "string", default: TRIGGERS.join(",") },
  },
});
const runs = Number(values.runs);
const engines = values.engines.split(",") as EngineName[];
const triggers = TRIGGERS.filter((trigger) => values.triggers.split(",").includes(trigger));

const preview = await startPreview({
  port: 0,
  host: "127.0.0.1",
  logger: { log() {}, warn() {}, error: console.error },
});
const standIn = await startStandIn({ site: preview.url, destination: QUICK_EXIT_URL });
const screen = await startVirtualScreen({ width: 640, height: 720 });
const timings: BlankScreenTiming[] = [];
try {
  for (const name of engines) {
    const engine = await startEngine(name, screen, standIn);
    try {
      for (const trigger of triggers) {
        const timing = await timeBlankScreen(
          engine,
          screen.display,
          standIn,
          new URL("/contact-us/", preview.url).href,
          trigger,
          runs,
        );
        console.log(
          `${timing.engine}, ${trigger}: blank after ${formatSpread(timing.blankMs, " ms")}` +
            (timing.stillShowing ? `; STILL SHOWING in ${timing.stillShowing} of ${runs}` : ""),
        );
        timings.push(timing);
      }
    } finally {
      await engine.close();
    }
  }
} finally {
  await screen.close();
  await standIn.close();
  await preview.close();
}
if (standIn.strayRequests.length) console.warn(`Refused on the way out: ${standIn.strayRequests.join(", ")}`);

const rows = timings.map(
  (t) =>
    `| ${t.engine} | ${t.trigger} | ${t.blankMs.median} | ${t.blankMs.min}–${t.blankMs.max} | ${t.blankMs.runs} of ${t.blankMs.runs + t.stillShowing} |`,
);
const markdown = [
  "# Quick exit: time to a blank screen",
  "",
  `Made by \`npm run bench:quick-exit -- --runs ${runs}\` (Chromium from CHROME_PATH), ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}.`,
  "From the benchmark's click or key press (sent through each engine's driver) to the first",
  "read of the virtual screen (xwd) with none of the site's colours, the destination held back. Each",
  "read takes 10–20 ms, so a figure is at most that much late.",
  "",
  "| engine | trigger | median ms | range ms | blank in time |",
  "| --- | --- | ---: | ---: | ---: |",
  ...rows,
  "",
].join("\n");
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, "quick-exit-latest.json"), JSON.stringify({ runs, timings }, null, 2) + "\n");
writeFileSync(join(RESULTS, "quick-exit-latest.md"), markdown);
console.log(`\n${markdown}`);
process.exit(timings.some((t) => t.stillShowing > 0) ? 1 : 0);
