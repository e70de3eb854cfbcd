/**
 * Growth benchmark: how the build copes as the site grows to a thousand pages.
 *
 *   npm run bench:content              # 10, 100, 500 and 1,000 generated pages, 3 runs each
 *   npm run bench:content -- 1000      # the same; the number is the largest size
 *   npm run bench:content -- 3000 --runs 1
 *
 * For each size it copies the project to a temporary folder (node_modules linked, not
 * copied), adds that many realistic generated pages (tools/project/generate-pages.ts) to the
 * real content/, and runs a cold `astro build` there with its own cache, as a fresh Netlify
 * build would. It records wall time and the peak memory of the whole build process tree
 * (resident set, sampled from /proc every 50 ms), checks every page was written and still
 * fits the page budgets, and says whether the time grows linearly with the page count.
 *
 * Writes bench/results/content-<time>.json and bench/results/content-latest.{json,md}.
 * The project's own content/ and dist/ are never touched.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { generatePages } from "../tools/project/generate-pages.ts";
import { measurePage, readFromBuild, TRANSFER_BUDGET } from "../tools/project/page-weight.ts";
import { buildEnvironment, COPY_CONFIG, projectCopy } from "../tools/project/copy.ts";
import { spread } from "../bench/lib/stats.ts";

const ROOT = join(import.meta.dirname, "..");
const RESULTS = join(ROOT, "bench", "results");

interface Options {
  largest: number;
  runs: number;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { largest: 1000, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (argument === "--runs") options.runs = Number(argv[++i]);
    else if (/^\d+$/.test(argument)) options.largest = Number(argument);
    else throw new Error(`Unknown argument ${argument}. Usage: npm run bench:content -- [pages] [--runs n]`);
  }
  if (!(options.largest >= 1 && options.runs >= 1)) throw new Error("Pages and runs must be at least 1.");
  return options;
}

interface BuildMeasure {
  generated: number;
  /** Every page in the build: generated, the real content, the enquiry pages and the 404 page. */
  pagesBuilt: number;
  seconds: number;
  peakRssMb: number;
  /** The heaviest generated page, gzip, all it loads included. */
  largestPageGzip: number;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

/** Runs a command, returning its wall time and the peak resident memory of its process tree. */
function measured(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ seconds: number; peakRss: number; output: string }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    let peakRss = 0;
    const sample = setInterval(() => {
      if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
    }, 50);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sample);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, peakRss, output });
      else reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** A copy of the site whose content/ holds the real pages plus `count` generated ones. */
function siteWithPages(count: number): { dir: string; hrefs: string[] } {
  const dir = projectCopy(`bench-content-${count}-`).dir;
  const pages = generatePages(count);
  for (const page of pages) {
    const file = join(dir, "content", page.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page.text);
  }
  return { dir, hrefs: pages.map((page) => page.href) };
}

function countPages(dist: string): number {
  let pages = 0;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) pages++;
  }
  return pages;
}

async function buildWith(count: number): Promise<BuildMeasure> {
  const { dir, hrefs } = siteWithPages(count);
  try {
    const astro = join(dir, "node_modules", "astro", "bin", "astro.mjs");
    const run = await measured(process.execPath, [astro, "build", "--config", COPY_CONFIG], dir, buildEnvironment());
    const dist = join(dir, "dist");
    const fromDist = readFromBuild(dist);
    let largestPageGzip = 0;
    for (const href of hrefs) {
      const html = readFileSync(join(dist, href, "index.html"));
      largestPageGzip = Math.max(largestPageGzip, measurePage(href, html, fromDist).total.gzip);
    }
    return {
      generated: count,
      pagesBuilt: countPages(dist),
      seconds: run.seconds,
      peakRssMb: run.peakRss / 1024 / 1024,
      largestPageGzip,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Linear growth means each extra page costs about the same. The fixed cost (starting Vite,
 * the enquiry page, the 404 page) and run-to-run noise of a second or so hide that at small
 * sizes, so compare the cost of each page added in the last step (half the largest size to
 * the largest) with that in the step before it (100 pages to half the largest).
 */
function linearity(rows: { generated: number; seconds: number }[]): {
  perPageMs: number[];
  ratio: number;
  verdict: string;
} {
  const perPageMs = rows
    .slice(1)
    .map((row, i) => ((row.seconds - rows[i]!.seconds) / (row.generated - rows[i]!.generated)) * 1000);
  if (perPageMs.length < 2) return { perPageMs, ratio: 1, verdict: "Too few sizes to judge growth." };
  const ratio = perPageMs.at(-1)! / perPageMs.at(-2)!;
  const verdict =
    ratio <= 1.5
      ? `Linear: each added page costs about the same (${perPageMs.map((ms) => ms.toFixed(1)).join(" ms, then ")} ms a page from one size to the next; last two steps' ratio ${ratio.toFixed(2)}).`
      : `Not linear: a page added in the last step costs ${ratio.toFixed(1)} times one added in the step before (${perPageMs.map((ms) => ms.toFixed(1)).join(" ms, then ")} ms a page from one size to the next).`;
  return { perPageMs, ratio, verdict };
}

function table(rows: (BuildMeasure & { runs: number[] })[]): string {
  const header = [
    "generated pages",
    "pages built",
    "build s (median)",
    "runs s",
    "ms per page",
    "peak RSS MB",
    "largest page gzip",
  ];
  const body = rows.map((row) => [
    String(row.generated),
    String(row.pagesBuilt),
    row.seconds.toFixed(1),
    row.runs.map((s) => s.toFixed(1)).join(", "),
    ((row.seconds / row.pagesBuilt) * 1000).toFixed(1),
    row.peakRssMb.toFixed(0),
    String(row.largestPageGzip),
  ]);
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...body.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  // Half the largest size too, so growth is judged over two wide steps, not a noisy small one.
  const sizes = [...new Set([10, 100, Math.floor(options.largest / 2), options.largest])]
    .filter((n) => n >= 1 && n <= options.largest)
    .sort((a, b) => a - b);
  const rows: (BuildMeasure & { runs: number[] })[] = [];
  // The first build on a machine also fills the disk cache; leave it out of the figures.
  process.stdout.write("Warming up with one small build... ");
  console.log(`${(await buildWith(10)).seconds.toFixed(1)} s (not counted).`);
  for (const size of sizes) {
    const runs: BuildMeasure[] = [];
    for (let run = 1; run <= options.runs; run++) {
      process.stdout.write(`Building with ${size} generated pages (run ${run} of ${options.runs})... `);
      const result = await buildWith(size);
      console.log(
        `${result.seconds.toFixed(1)} s, peak ${result.peakRssMb.toFixed(0)} MB, ${result.pagesBuilt} pages.`,
      );
      runs.push(result);
    }
    rows.push({
      ...runs[0]!,
      seconds: spread(
        runs.map((r) => r.seconds),
        3,
      ).median,
      peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      largestPageGzip: Math.max(...runs.map((r) => r.largestPageGzip)),
      runs: runs.map((r) => r.seconds),
    });
  }
  const growth = linearity(rows);
  const overBudget = rows.filter((row) => row.largestPageGzip > TRANSFER_BUDGET);
  const markdown = [
    "# Growth benchmark: build time and memory by page count",
    "",
    `Made by \`npm run bench:content -- ${options.largest}${options.runs !== 3 ? ` --runs ${options.runs}` : ""}\` on ${new Date().toISOString()}, Node ${process.version}, ${cpuSummary()}.`,
    "Cold builds (no cache) of the real pages plus generated ones; memory is the peak resident set of the build's whole process tree.",
    "",
    table(rows),
    "",
    `**${growth.verdict}**`,
    "",
    `Memory per added page, from one size to the next: ${rows
      .slice(1)
      .map((row, i) =>
        (((row.peakRssMb - rows[i]!.peakRssMb) / (row.generated - rows[i]!.generated)) * 1024).toFixed(0),
      )
      .join(" KB, then ")} KB.`,
    "",
    overBudget.length
      ? `Over the ${TRANSFER_BUDGET}-byte page budget at: ${overBudget.map((r) => r.generated).join(", ")} pages.`
      : `Every generated page stays within the ${TRANSFER_BUDGET}-byte first-flight budget at every size: the menus do not grow with the page count.`,
    "",
  ].join("\n");
  console.log(`\n${markdown}`);

  mkdirSync(RESULTS, { recursive: true });
  const json = JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, growth }, null, 2);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  writeFileSync(join(RESULTS, `content-${stamp}.json`), `${json}\n`);
  writeFileSync(join(RESULTS, "content-latest.json"), `${json}\n`);
  writeFileSync(join(RESULTS, "content-latest.md"), markdown);
  console.log(`Written to bench/results/content-latest.md and content-${stamp}.json.`);
}

function cpuSummary(): string {
  try {
    const cpus = readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm)?.length ?? 0;
    return `${cpus} CPU cores`;
  } catch {
    return "unknown CPU";
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
