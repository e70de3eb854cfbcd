/**
 * One cold start, in the fresh process bench/lib/function-cold-start.ts spawns: first loads
 * Netlify's bootstrap from the unzipped function when one is named (as Netlify's entry point
 * does before it loads the function; not counted), then imports the function module named on
 * the command line, answers the first request described in the JSON file named after it, and
 * prints the times on a line of its own (the function prints its log lines too). Needs nothing
 * from the project, so it measures an older commit's functions the same way.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { pathToFileURL } from "node:url";

interface FirstRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const readyMs = performance.now();
const [file = "", specFile = "", bootstrap = ""] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile, "utf8")) as FirstRequest;
// Netlify's runtime has this loaded before the function: Node's fetch classes come with it.
if (bootstrap) await import(pathToFileURL(bootstrap).href);
const startMs = performance.now();
const { default: handler } = (await import(pathToFileURL(file).href)) as {
  default: (request: Request, context: unknown) => Promise<Response>;
};
const importedMs = performance.now();
// As Netlify's bootstrap makes it, once the function is loaded.
const request = new Request(spec.url, {
  method: spec.method,
  headers: spec.headers,
  ...(spec.body === undefined ? {} : { body: spec.body }),
});
// The "dev" deploy context: this machine, as Netlify's local tools run functions.
const response = await handler(request, { deploy: { context: "dev" } });
await response.text();
const answeredMs = performance.now();
// performance.now() counts from the process's start, so readyMs is Node's own start-up.
const times = {
  readyMs,
  bootstrapMs: startMs - readyMs,
  importMs: importedMs - startMs,
  firstAnswerMs: answeredMs - importedMs,
  status: response.status,
};
process.stdout.write(`\nCOLD-START ${JSON.stringify(times)}\n`);
// Keep-alive sockets and timers in the SDKs would hold the process open.
process.exit(0);
