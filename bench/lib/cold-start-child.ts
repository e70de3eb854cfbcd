/**
 * One cold start, in the fresh process bench/lib/function-cold-start.ts spawns: imports
 * the function file named on the command line, answers one valid POST, and prints the times on a
 * line of its own (the function prints its log lines too). Needs nothing from the project, so
 * it measures an older commit's function the same way.
 */
import { performance } from "node:perf_hooks";
import process from "node:process";
import { pathToFileURL } from "node:url";

const [file = "", run = "0"] = process.argv.slice(2);
const origin = "http://cold-start.localhost";
const readyMs = performance.now();
const { default: handler } = (await import(pathToFileURL(file).href)) as {
  default: (request: Request, context: unknown) => Promise<Response>;
};
const importedMs = performance.now();
const response = await handler(
  new Request(`${origin}/enquire/send`, {
    method: "POST",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      message: `Could someone tell me more? Cold start ${run} at ${Date.now()}.`,
      contactMethod: "email",
      email: "person@example.com",
      website: "",
    }),
  }),
  { deploy: { context: "dev" } },
);
await response.text();
const answeredMs = performance.now();
// performance.now() counts from the process's start, so readyMs is Node's own start-up.
const times = {
  readyMs,
  importMs: importedMs - readyMs,
  firstAnswerMs: answeredMs - importedMs,
  status: response.status,
};
process.stdout.write(`\nCOLD-START ${JSON.stringify(times)}\n`);
// Keep-alive sockets and timers in the SDKs would hold the process open.
process.exit(0);
