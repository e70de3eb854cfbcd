/**
 * The performance benchmark: what people on slow phones feel, measured on the production build
 * served by the preview (tools/netlify/preview.ts) in the project's Chromium. Not a test: it prints a
 * report and writes it to bench/results/ (a dated JSON file, and latest.json, latest.md and
 * latest.svg, which are kept in the repository).
 *
 *   npm run bench                          # builds, then 3 Lighthouse runs a page, 15 quick exits each way
 *   npm run bench -- --runs 5 --exits 30   # more repeats
 *
 * Measures: bytes per page (gzip -9 and brotli) beside GOV.UK Frontend's compiled CSS and
 * JavaScript; Lighthouse's four category scores (mobile) for the home page, the longest guidance
 * page and the enquiry form; the quick exit's time to hidden and to navigation for a click,
 * Escape and Shift three times; the enquiry function's latency and throughput for valid and
 * invalid enquiries (runEnquiryLoad from bench/load/load-enquiry.ts); and every function as
 * Netlify ships it, zipped and cold started (bench/lib/function-cold-start.ts, which
 * `npm run bench:functions` runs alone), beside a bare `node -e 1` and the figures from before
 * the functions were bundled.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatLoadResult, runEnquiryLoad } from "../bench/load/load-enquiry.ts";
import { startPreview } from "../tools/netlify/preview.ts";
import { brotliSize, formatWeights, gzipSize, measurePage, readFromBuild } from "../tools/project/page-weight.ts";
import { checkContent } from "../src/lib/content-checks/check-content.ts";
import { GUIDANCE_CEILING } from "../src/lib/content-checks/reading-grade.ts";
import { measureFunctions } from "../bench/lib/function-cold-start.ts";
import { coldStartVerdict, functionProblems } from "../bench/lib/functions-report.ts";
import { startHeaderFilterProxy } from "../bench/lib/header-filter-proxy.ts";
import { CATEGORIES, robotsTxt, runLighthouse, SKIPPED_AUDITS } from "../bench/lib/lighthouse-runs.ts";
import { TRIGGERS, timeQuickExit } from "../bench/lib/quick-exit-timing.ts";
import { barChart, markdownSummary } from "../bench/lib/report.ts";
import type { BenchResults, Compressed } from "../bench/lib/results.ts";
import { formatSpread } from "../bench/lib/stats.ts";
import { launchChromium } from "../tools/browsers/chromium.ts";
import { builtFile, builtPagePaths, DIST } from "../tools/project/site-pages.ts";
import { QUICK_EXIT_URL } from "../src/site.ts";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..");
const RESULTS = join(ROOT, "bench", "results");
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    exits: { type: "string", default: "15" },
    requests: { type: "string", default: "1000" },
    "no-build": { type: "boolean", default: false },
  },
});
const lighthouseRuns = Number(values.runs);
const exitRuns = Number(values.exits);
const say = (line = "") => console.log(line);

/** Runs an npm script and returns its standard output; its own report is shown only if it fails. */
function npmRun(args: string[]) {
  const run = spawnSync("npm", ["run", "--silent", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(run.stderr);
    throw new Error(`npm run ${args.join(" ")} failed (exit ${run.status}).`);
  }
  return run.stdout;
}
function compressed(file: string): Compressed {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSize(bytes), brotli: brotliSize(bytes) };
}

/** The guidance page with the most words: the longest a reader on a slow phone waits for. */
function longestGuidancePage(): string {
  const { grades } = checkContent({ root: ROOT });
  const guidance = grades.filter((g) => g.ceiling === GUIDANCE_CEILING).sort((a, b) => b.words - a.words)[0];
  const id = guidance?.file.replace(/^content\//, "").replace(/\.mdx$/, "") ?? "index";
  return id === "index" ? "/" : `/${id}/`;
}

async function main() {
  if (!values["no-build"] || !existsSync(join(DIST, "index.html"))) {
    say("Building the site…");
    npmRun(["build"]);
  }

  // Bytes: every page from dist/, and the reference.
  const fromDist = readFromBuild(DIST);
  const pages = builtPagePaths().map((path) => measurePage(path, readFileSync(builtFile(path)), fromDist));
  say(formatWeights(pages));
  const govuk = join(ROOT, "node_modules", "govuk-frontend");
  const css = compressed(join(govuk, "dist", "govuk", "govuk-frontend.min.css"));
  const js = compressed(join(govuk, "dist", "govuk", "govuk-frontend.min.js"));
  const largest = [...pages].sort((a, b) => b.total.gzip - a.total.gzip)[0]!;
  const reference: BenchResults["reference"] = {
    version: (JSON.parse(readFileSync(join(govuk, "package.json"), "utf8")) as { version: string }).version,
    css,
    js,
    largestPage: largest.path,
    largestPageGzip: largest.total.gzip,
    ratioToLargestPage: Math.round(((css.gzip + js.gzip) / largest.total.gzip) * 10) / 10,
    ratioJs: Math.round((js.gzip / (largest.javaScript.gzip || 1)) * 10) / 10,
  };
  say(
    `GOV.UK Frontend ${reference.version}: CSS ${css.gzip} + JS ${js.gzip} bytes gzip = ${reference.ratioToLargestPage}× our largest page (${largest.path}, ${largest.total.gzip}).`,
  );

  say("The functions as Netlify ships them: zipped, then cold started ×10 (a fresh process each)…");
  const functions = await measureFunctions(ROOT, { runs: 10 });
  say(`  bare node -e 1: ${formatSpread(functions.bareNodeMs, " ms")}`);
  for (const { bundle, coldStart } of functions.functions) {
    say(
      `  ${bundle.name}: ${bundle.zipBytes} bytes zipped in ${bundle.files} files; cold start ${formatSpread(coldStart.coldStartMs, " ms")} (import ${formatSpread(coldStart.importMs, " ms")}, first answer ${formatSpread(coldStart.firstAnswerMs, " ms")})`,
    );
  }

  // Browser measures, against the preview.
  delete process.env["RESEND_API_KEY"];
  const preview = await startPreview({
    port: 0,
    host: "127.0.0.1",
    logger: { log() {}, warn() {}, error: console.error },
  });
  const browser = await launchChromium();
  const browserName = `Chromium ${browser.version()}`;
  const lighthouse = [];
  const quickExit = [];
  let robots: BenchResults["robotsTxt"];
  try {
    robots = { ...(await robotsTxt(preview.url)), skippedAudits: [...SKIPPED_AUDITS] };
    say(
      `robots.txt as a crawler fetches it: ${robots.status}, ${robots.allowsAll ? "allows every crawler" : "DOES NOT allow every crawler"}`,
    );
    const proxy = await startHeaderFilterProxy(preview.url, ["referrer-policy"]);
    try {
      for (const path of ["/", longestGuidancePage(), "/enquire/"]) {
        say(`Lighthouse ×${lighthouseRuns}: ${path}`);
        const result = await runLighthouse(new URL(path, proxy.url).href, lighthouseRuns);
        say(`  ${CATEGORIES.map((c) => `${c} ${formatSpread(result.scores[c])}`).join(", ")}`);
        if (result.failedAudits.length) say(`  audits that lost points: ${result.failedAudits.join(", ")}`);
        lighthouse.push(result);
      }
    } finally {
      await proxy.close();
    }
    for (const trigger of TRIGGERS) {
      const timing = await timeQuickExit(
        browser,
        new URL("/contact-us/", preview.url).href,
        QUICK_EXIT_URL,
        trigger,
        exitRuns,
      );
      say(
        `Quick exit by ${trigger}: hidden ${formatSpread(timing.hiddenMs, " ms")}, navigating ${formatSpread(timing.navigatingMs, " ms")}`,
      );
      quickExit.push(timing);
    }
  } finally {
    await browser.close();
    await preview.close();
  }

  // The function, through the enquiry load test, once for valid and once for invalid enquiries.
  const enquiryFunction: BenchResults["enquiryFunction"] = [];
  for (const kind of ["valid", "invalid"] as const) {
    const concurrency = 10;
    say(`Enquiry function: ${values.requests} ${kind} enquiries, ${concurrency} at a time…`);
    const load = await runEnquiryLoad({
      requests: Number(values.requests),
      concurrency,
      invalidShare: kind === "valid" ? 0 : 1,
      repeatShare: 0,
      outage: false,
      say: () => {},
    });
    if (!load.passed) say(formatLoadResult(load));
    enquiryFunction.push({
      kind,
      requests: Object.values(load.tally.statuses).reduce((sum, n) => sum + n, 0),
      concurrency,
      requestsPerSecond: load.requestsPerSecond,
      p50: load.latencyMs.p50,
      p99: load.latencyMs.p99,
      passed: load.passed,
    });
  }

  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
    browser: browserName,
    pages,
    reference,
    lighthouse,
    quickExit,
    enquiryFunction,
    functions,
    robotsTxt: robots,
  };
  mkdirSync(RESULTS, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(join(RESULTS, `${results.date.replace(/[:.]/g, "-")}.json`), json);
  writeFileSync(join(RESULTS, "latest.json"), json);
  writeFileSync(
    join(RESULTS, "latest.svg"),
    `${barChart(pages, { label: `GOV.UK Frontend ${reference.version} CSS+JS`, gzip: css.gzip + js.gzip })}\n`,
  );
  const summary = markdownSummary(results);
  writeFileSync(join(RESULTS, "latest.md"), `${summary}\n`);
  say();
  say(summary);
  say(coldStartVerdict(functions));
  say(`Written to ${join("bench", "results")}/ (latest.md, latest.svg, latest.json).`);

  const weak = lighthouse.filter(
    (lh) => lh.scores.accessibility.min < 100 || CATEGORIES.some((c) => c !== "accessibility" && lh.scores[c].min < 95),
  );
  if (
    weak.length ||
    !robots.allowsAll ||
    quickExit.some((q) => !q.allLeft) ||
    enquiryFunction.some((f) => !f.passed) ||
    functionProblems(functions).length > 0
  ) {
    console.error("Below target: see the report above.");
    process.exitCode = 1;
  }
}

await main();
