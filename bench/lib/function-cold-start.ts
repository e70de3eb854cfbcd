/**
 * Every function as Netlify ships it, cold: each is zipped as Netlify's build zips it
 * (tools/netlify/function-bundle.ts) and unzipped into a folder of its own, as Netlify unpacks
 * it; then, again and again, a fresh Node process (this one's, so Node 24 under npm) loads
 * Netlify's bootstrap from there, as Netlify's entry point does first (timed, not counted),
 * imports the function's module and answers one first request, timed inside that process
 * (cold-start-child.ts). Beside them, in the same runs, a bare `node -e 1`, so the figures can
 * be read against how busy the machine was.
 *
 * The bootstrap is loaded first because on Netlify it always is: it brings Node's fetch classes
 * (Request, Response) with it, which took 30–60 ms to load on this machine. Counting them in
 * the function's first answer, as this benchmark once did, charged every function for
 * Netlify's own start.
 *
 * A local Blobs store (a fresh one for each function) and the fake Resend API, both on
 * loopback, stand in for Netlify's and Resend's, so nothing leaves the machine. Runs go one
 * after another, the functions and the bare Node taking turns, so no two processes fight for a
 * core and a busy moment touches them all alike.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { startFakeResend, type FakeResend } from "../../tools/fakes/resend.ts";
import { buildFunctionBundles, type FunctionBundle } from "../../tools/netlify/function-bundle.ts";
import { startLocalBlobs, type LocalBlobs } from "../../tools/netlify/local-blobs.ts";
import { extractZip } from "../../tools/netlify/zip-file.ts";
import { spread, type Spread } from "./stats.ts";

const CHILD = join(import.meta.dirname, "cold-start-child.ts");
/** Netlify's runtime in every zip, which its entry point loads before the function. */
const NETLIFY_BOOTSTRAP = "___netlify-bootstrap.mjs";
const ORIGIN = "http://cold-start.localhost";

/** The request a fresh instance answers first, as cold-start-child.ts builds it. */
export interface FirstRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

interface FirstRequestPlan {
  /** What the first request is, in words, for the report. */
  describe: string;
  /** The statuses that mean it was answered as meant. */
  expect: readonly number[];
  /** Settings the function needs for it, beside the store's and the fake Resend's. */
  env?: (fake: FakeResend) => Record<string, string>;
  request: (run: number, fake: FakeResend) => FirstRequest;
}

/** Each function's first request. A new function needs one here, or the benchmark says so. */
const FIRST_REQUESTS: Record<string, FirstRequestPlan> = {
  enquiry: {
    describe: "a valid POST of the form, saved, sent to the fake Resend and answered with the sent page",
    expect: [200],
    request: (run) => ({
      url: `${ORIGIN}/enquire/send`,
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        message: `Could someone tell me more? Cold start ${run} at ${Date.now()}.`,
        contactMethod: "email",
        email: "person@example.com",
        website: "",
      }).toString(),
    }),
  },
  "deliver-enquiries": {
    describe: "one scheduled round on an empty store",
    expect: [200],
    // As Netlify invokes a scheduled function: a POST with the next run's time.
    request: () => ({
      url: `${ORIGIN}/.netlify/functions/deliver-enquiries`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ next_run: new Date(Date.now() + 5 * 60_000).toISOString() }),
    }),
  },
  "mail-events": {
    describe: "a signed email.delivered event for an email the store does not know",
    expect: [200],
    env: (fake) => ({ RESEND_WEBHOOK_SECRET: fake.webhookSecret }),
    request: (run, fake) => {
      const { headers, body } = fake.signEvent("email.delivered", `cold-start-${run}-${Date.now()}`);
      return { url: `${ORIGIN}/enquire/mail-events`, method: "POST", headers, body };
    },
  },
  "enquiry-status": {
    describe: "GET /enquire/status on an empty store",
    expect: [200],
    request: () => ({ url: `${ORIGIN}/enquire/status`, method: "GET", headers: {} }),
  },
};

export interface FunctionColdStart {
  name: string;
  /** The first request, in words. */
  request: string;
  /** Node's own start-up in the child, to its script running: not counted. */
  readyMs: Spread;
  /** Loading Netlify's bootstrap, which Netlify's entry point does before the function: not counted. */
  bootstrapMs: Spread;
  importMs: Spread;
  firstAnswerMs: Spread;
  /** Import and first answer: the cold start the aim is about. */
  coldStartMs: Spread;
  /** The whole process, from spawning it to its exit, seen from here: compare bareNodeMs. */
  processMs: Spread;
  statuses: number[];
  /** Every status as expected. */
  answered: boolean;
}

export interface FunctionsMeasured {
  node: string;
  runs: number;
  /** `node -e 1`, spawned to its exit, in the same runs. */
  bareNodeMs: Spread;
  functions: { bundle: FunctionBundle; coldStart: FunctionColdStart }[];
}

interface ChildTimes {
  readyMs: number;
  bootstrapMs: number;
  importMs: number;
  firstAnswerMs: number;
  status: number;
}

/**
 * `root`: the project whose functions are measured, built (`npm run build`), since a function
 * may read built pages. `names`: only these functions.
 */
export async function measureFunctions(
  root: string,
  { runs = 10, names, say = () => {} }: { runs?: number; names?: readonly string[]; say?: (line: string) => void } = {},
): Promise<FunctionsMeasured> {
  if (!existsSync(join(root, "dist", "enquire", "index.html")))
    throw new Error(`${root} has no build: run npm run build.`);
  const work = mkdtempSync(join(tmpdir(), "functions-cold-"));
  const stores: LocalBlobs[] = [];
  let fake: FakeResend | undefined;
  try {
    say("Zipping the functions as Netlify's build does…");
    const bundles = await buildFunctionBundles(root, { keepIn: join(work, "zips"), ...(names ? { names } : {}) });
    const missing = bundles.filter((bundle) => !FIRST_REQUESTS[bundle.name]);
    if (missing.length) {
      throw new Error(`No first request for ${missing.map((b) => b.name).join(", ")}: add one to FIRST_REQUESTS.`);
    }
    fake = await startFakeResend();
    const subjects = [];
    for (const bundle of bundles) {
      const plan = FIRST_REQUESTS[bundle.name]!;
      const folder = join(work, "unzipped", bundle.name);
      mkdirSync(folder, { recursive: true });
      extractZip(bundle.zipFile!, folder);
      const store = await startLocalBlobs(join(work, "blobs", bundle.name));
      stores.push(store);
      subjects.push({
        bundle,
        plan,
        folder,
        env: childEnv(store, fake, plan),
        times: [] as ChildTimes[],
        wall: [] as number[],
      });
    }

    const bare: number[] = [];
    for (let run = 0; run < runs; run++) {
      say(`Run ${run + 1} of ${runs}`);
      bare.push((await spawnTimed(["-e", "1"], work, process.env)).wallMs);
      for (const subject of subjects) {
        const spec = join(work, `${subject.bundle.name}-${run}.json`);
        writeFileSync(spec, JSON.stringify(subject.plan.request(run, fake)));
        const module = join(subject.folder, subject.bundle.entryModule);
        const bootstrap = join(subject.folder, NETLIFY_BOOTSTRAP);
        const args = [CHILD, module, spec, ...(existsSync(bootstrap) ? [bootstrap] : [])];
        const { wallMs, out, err, code } = await spawnTimed(args, subject.folder, subject.env);
        const line = /^COLD-START (.+)$/m.exec(out)?.[1];
        if (code !== 0 || !line) {
          throw new Error(`${subject.bundle.name}'s cold start failed (exit ${code}): ${err.slice(-2000)}`);
        }
        subject.times.push(JSON.parse(line) as ChildTimes);
        subject.wall.push(wallMs);
      }
    }
    return {
      node: process.version,
      runs,
      bareNodeMs: spread(bare),
      functions: subjects.map(({ bundle, plan, times, wall }) => {
        const statuses = times.map((t) => t.status);
        // The zip was in the folder removed below: the results keep no path to it.
        const kept = { ...bundle };
        delete kept.zipFile;
        return {
          bundle: kept,
          coldStart: {
            name: bundle.name,
            request: plan.describe,
            readyMs: spread(times.map((t) => t.readyMs)),
            bootstrapMs: spread(times.map((t) => t.bootstrapMs)),
            importMs: spread(times.map((t) => t.importMs)),
            firstAnswerMs: spread(times.map((t) => t.firstAnswerMs)),
            coldStartMs: spread(times.map((t) => t.importMs + t.firstAnswerMs)),
            processMs: spread(wall),
            statuses,
            answered: statuses.every((status) => plan.expect.includes(status)),
          },
        };
      }),
    };
  } finally {
    await fake?.close();
    for (const store of stores) await store.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The environment a deployed function would have, pointed at the stand-ins. */
function childEnv(store: LocalBlobs, fake: FakeResend, plan: FirstRequestPlan): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ENQUIRY_|RESEND_)/.test(name)) delete env[name];
  }
  return {
    ...env,
    NETLIFY_BLOBS_CONTEXT: store.functionContext,
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    ENQUIRY_TO_EMAIL: "team@example.org",
    ENQUIRY_FROM_EMAIL: "Website <enquiries@example.org>",
    ...plan.env?.(fake),
  };
}

function spawnTimed(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ wallMs: number; out: string; err: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ wallMs: performance.now() - started, out, err, code }));
  });
}
