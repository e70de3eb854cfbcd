/**
 * The enquiry function's cold start: a fresh Node process (this one's, so Node 24 under npm)
 * imports netlify/functions/enquiry.mts and answers one valid POST, as a new Netlify instance
 * does, timed inside that process (cold-start-child.ts). A local Blobs store and the fake
 * Resend API, both on loopback, stand in for Netlify's and Resend's, so nothing leaves the
 * machine. Runs one after another, so the medians are not two processes fighting for a core.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { startFakeResend } from "../../tools/fakes/resend.ts";
import { startLocalBlobs } from "../../tools/netlify/local-blobs.ts";
import { spread, type Spread } from "./stats.ts";

const CHILD = join(import.meta.dirname, "cold-start-child.ts");

export interface ColdStart {
  runs: number;
  node: string;
  /** Node's own start-up, to the child script running. */
  readyMs: Spread;
  importMs: Spread;
  firstAnswerMs: Spread;
  /** Import and first answer: the cold start the budget is about. */
  coldStartMs: Spread;
  statuses: number[];
}

interface ChildTimes {
  readyMs: number;
  importMs: number;
  firstAnswerMs: number;
  status: number;
}

/** `root`: the project whose function is measured, built (the function reads dist/). */
export async function measureColdStart(root: string, runs = 10): Promise<ColdStart> {
  const file = join(root, "netlify", "functions", "enquiry.mts");
  if (!existsSync(join(root, "dist", "enquire", "index.html")))
    throw new Error(`${root} has no build: run npm run build.`);
  const folder = mkdtempSync(join(tmpdir(), "cold-start-blobs-"));
  const blobs = await startLocalBlobs(folder);
  const fake = await startFakeResend();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["ENQUIRY_OUTBOX_DIR", "ENQUIRY_STORE_KEY", "ENQUIRY_PAGES_FROM_DEV_SERVER"]) delete env[name];
  Object.assign(env, {
    NETLIFY_BLOBS_CONTEXT: blobs.functionContext,
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    ENQUIRY_TO_EMAIL: "team@example.org",
    ENQUIRY_FROM_EMAIL: "Website <enquiries@example.org>",
  });
  try {
    const times: ChildTimes[] = [];
    for (let run = 0; run < runs; run++) times.push(await coldStartOnce(file, String(run), root, env));
    return {
      runs,
      node: process.version,
      readyMs: spread(times.map((t) => t.readyMs)),
      importMs: spread(times.map((t) => t.importMs)),
      firstAnswerMs: spread(times.map((t) => t.firstAnswerMs)),
      coldStartMs: spread(times.map((t) => t.importMs + t.firstAnswerMs)),
      statuses: times.map((t) => t.status),
    };
  } finally {
    await fake.close();
    await blobs.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

function coldStartOnce(file: string, run: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ChildTimes> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file, run], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = /^COLD-START (.+)$/m.exec(out)?.[1];
      if (code !== 0 || !line) reject(new Error(`The cold start child failed (exit ${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as ChildTimes);
    });
  });
}
