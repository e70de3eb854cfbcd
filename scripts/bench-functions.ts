/**
 * The functions as Netlify ships them: each one's zip (bytes and files) and its cold start
 * (a fresh process imports it and answers its first request), beside a bare `node -e 1` in
 * the same runs. The same figures `npm run bench` reports, without its browsers. Not a test:
 * it prints a table and writes bench/results/functions-latest.{json,md}.
 *
 *   npm run bench:functions                       # builds, then 10 runs
 *   npm run bench:functions -- --runs 20 --no-build --only enquiry
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { measureFunctions } from "../bench/lib/function-cold-start.ts";
import { coldStartVerdict, functionProblems, functionsSection } from "../bench/lib/functions-report.ts";

const ROOT = join(import.meta.dirname, "..");
const RESULTS = join(ROOT, "bench", "results");
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    only: { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});

if (!values["no-build"] || !existsSync(join(ROOT, "dist", "index.html"))) {
  console.log("Building the site…");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status}).`);
}

const measured = await measureFunctions(ROOT, {
  runs: Number(values.runs),
  ...(values.only ? { names: values.only.split(",") } : {}),
  say: (line) => console.log(line),
});
const date = new Date().toISOString();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`;
const markdown = [
  "# Functions: size and cold start",
  "",
  `Made by \`npm run bench:functions -- --runs ${values.runs}\` on ${date}, ${machine}.`,
  "",
  ...functionsSection(measured),
].join("\n");
mkdirSync(RESULTS, { recursive: true });
const json = `${JSON.stringify({ date, machine, ...measured }, null, 2)}\n`;
writeFileSync(join(RESULTS, `functions-${date.replace(/[:.]/g, "-")}.json`), json);
writeFileSync(join(RESULTS, "functions-latest.json"), json);
writeFileSync(join(RESULTS, "functions-latest.md"), `${markdown}\n`);
console.log(`\n${markdown}`);
const verdict = coldStartVerdict(measured);
if (verdict) console.log(verdict);
console.log(`Written to ${join("bench", "results")}/ (functions-latest.md, functions-latest.json).`);

const problems = functionProblems(measured);
if (problems.length) {
  console.error(`Below target: ${problems.join("; ")}.`);
  process.exitCode = 1;
}
