/**
 * Load test for the enquiry function, on loopback only: autocannon POSTs a mix of enquiries to
 * the real default export of netlify/functions/enquiry.mts, served in this process like a warm
 * Netlify instance (tools/netlify/function-server.ts), with its own Netlify Blobs store in a
 * temporary folder and the fake Resend API (tools/fakes/resend.ts), which fails every send
 * with a 503 for the middle third of the requests. Then delivery rounds, as the schedule would
 * run them, until nothing waits; then the tally: every distinct valid enquiry reached the team
 * exactly once, whether sent at once (200) or kept and sent by a round (202).
 *
 *   npm run load:enquiry                                  # 3,000 requests, 50 connections
 *   npm run load:enquiry -- --requests 5000 --concurrency 100 --seed 7
 *   npm run load:enquiry -- --json results.json           # or --json - for stdout alone
 *
 * The mix (bench/load/enquiry-mix.ts): about 20% invalid (422, no email), about 1% exact
 * repeats of a recent valid one (the first one's reference, no second email), the rest unique.
 * The run stops after the requests or 5 minutes, whichever comes first. Exit code: 0 every
 * check passed, 1 one failed, 2 the run could not be made (say, no `npm run build` yet).
 *
 * There is no longer a mode against `npm run preview`: NetlifyDev starts a worker for each
 * invocation (about 2 s), loses files when requests overlap and garbles multipart bodies, so
 * it measures NetlifyDev; tests/enquiry-preview*.test.ts cover the function through it.
 */
import autocannon from "autocannon";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import enquiryFunction from "../../netlify/functions/enquiry.mts";
import { deliveryRound, type RoundTally } from "../../src/lib/enquiry/delivery-round.ts";
import { chooseMailer } from "../../src/lib/enquiry/mailers/choose-mailer.ts";
import { DEVELOPMENT_STORE_KEY } from "../../src/lib/enquiry/sealed.ts";
import { createBlobsStore, ENQUIRY_STORE_NAME } from "../../src/lib/enquiry/store.ts";
import { createWaitingEnquiries } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { useFakeMailEnvironment } from "../../tools/fakes/mail-environment.ts";
import { startFakeResend } from "../../tools/fakes/resend.ts";
import { serveFunction } from "../../tools/netlify/function-server.ts";
import { startLocalBlobs } from "../../tools/netlify/local-blobs.ts";
import { referenceOnPage, tallyDelivery, type Answer, type Tally } from "./delivery-tally.ts";
import { makeJobs } from "./enquiry-mix.ts";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..");
/** The site's address as the function sees it; the Origin header must match it. */
const ORIGIN = "http://load-test.localhost";
const ACTION = "/enquire/send";
/** Rounds after the load, enough for a few that fail; each tries every waiting enquiry. */
const MAX_ROUNDS = 5;

export interface LoadOptions {
  requests: number;
  concurrency: number;
  seed: number;
  invalidShare: number;
  repeatShare: number;
  /** The mail API answers 503 to every send for the middle third of the requests. */
  outage: boolean;
  timeLimitS: number;
  /** Progress lines. */
  say: (line: string) => void;
}

export interface LoadResult {
  options: Omit<LoadOptions, "say">;
  wallSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  stoppedByTimeLimit: boolean;
  rounds: Pick<RoundTally, "delivered" | "waiting" | "held">[];
  /** Left in the store after the last round. */
  stillWaiting: number;
  /** The function's log lines, counted by event. */
  events: Record<string, number>;
  tally: Tally;
  passed: boolean;
}

/** The run could not be made: exit code 2, not 1. */
export class CannotRunError extends Error {
  override name = "CannotRunError";
}

export async function runEnquiryLoad(given: Partial<LoadOptions> = {}): Promise<LoadResult> {
  const { say, ...options } = {
    requests: 3000,
    concurrency: 50,
    seed: 1,
    invalidShare: 0.2,
    repeatShare: 0.01,
    outage: true,
    timeLimitS: 300,
    say: (line: string) => console.error(line),
    ...given,
  };
  if (!existsSync(join(ROOT, "dist", "enquire", "index.html")))
    throw new CannotRunError("dist/ has no built enquiry page: run `npm run build` first.");
  const jobs = makeJobs({ ...options, multipartShare: 0.15, runTag: `${options.seed}-${Date.now().toString(36)}` });

  const folder = mkdtempSync(join(tmpdir(), "load-enquiry-blobs-"));
  const blobs = await startLocalBlobs(folder);
  const fake = await startFakeResend();
  // The function reads these on every request; the store key is then the development one.
  const restoreEnvironment = useFakeMailEnvironment(fake, { NETLIFY_BLOBS_CONTEXT: blobs.functionContext });
  // The function logs one JSON line per event: counted, not printed.
  const events: Record<string, number> = {};
  const consoleLog = console.log;
  console.log = (line: unknown) => {
    const event = typeof line === "string" && /^\{"event":"([\w.-]+)"/.exec(line)?.[1];
    if (event) events[event] = (events[event] ?? 0) + 1;
    else consoleLog(line);
  };
  const thrown: string[] = [];
  const server = await serveFunction(enquiryFunction, {
    publicOrigin: ORIGIN,
    onError: (error) => thrown.push(error instanceof Error ? error.name : String(error)),
  });
  try {
    const answers = new Array<Answer | undefined>(jobs.length);
    say(`load-enquiry: ${jobs.length} requests to ${server.url}${ACTION}, ${options.concurrency} connections`);
    const run = await sendAll(server.url, options, {
      next: (index) => {
        // The outage: the middle third of the requests find the mail API down.
        if (options.outage && index === Math.floor(jobs.length / 3)) fake.failAll({ status: 503 });
        if (index === Math.floor((2 * jobs.length) / 3)) fake.failAll(null);
        return jobs[index];
      },
      answered: (index, status, body) => (answers[index] = { status, reference: referenceOnPage(body) }),
    });
    fake.failAll(null);
    const acceptedDuringLoad = fake.emails.length;

    const waiting = createWaitingEnquiries(createBlobsStore(ENQUIRY_STORE_NAME, blobs.location), DEVELOPMENT_STORE_KEY);
    const chosen = chooseMailer({ ...process.env, CONTEXT: "dev" });
    if ("error" in chosen) throw new CannotRunError(chosen.error);
    const rounds: LoadResult["rounds"] = [];
    while (rounds.length < MAX_ROUNDS && (await waiting.names()).length > 0) {
      const round = await deliveryRound({
        waiting,
        mailer: chosen.mailer,
        now: Date.now,
        log: ({ event }) => (events[String(event)] = (events[String(event)] ?? 0) + 1),
        forced: true,
      });
      rounds.push({ delivered: round.delivered, waiting: round.waiting, held: round.held });
    }
    const stillWaiting = (await waiting.names()).length;

    const tally = tallyDelivery(jobs, answers, fake.emails, acceptedDuringLoad);
    if (stillWaiting > 0) tally.problems.push(`${stillWaiting} enquiries still waiting after ${rounds.length} rounds`);
    if (thrown.length > 0)
      tally.problems.push(`the function threw ${thrown.length} times: ${[...new Set(thrown)].join(",")}`);
    if (run.stoppedByTimeLimit) tally.problems.push(`stopped at the time limit, ${options.timeLimitS} s`);
    const answered = answers.filter(Boolean).length;
    return {
      options,
      wallSeconds: round(run.seconds, 2),
      requestsPerSecond: round(answered / run.seconds),
      latencyMs: run.latencyMs,
      stoppedByTimeLimit: run.stoppedByTimeLimit,
      rounds,
      stillWaiting,
      events,
      tally,
      passed: tally.problems.length === 0,
    };
  } finally {
    console.log = consoleLog;
    await server.close();
    await fake.close();
    await blobs.stop();
    rmSync(folder, { recursive: true, force: true });
    restoreEnvironment();
  }
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** autocannon, each request built from the next job; the connection's context knows which. */
function sendAll(
  url: string,
  options: Pick<LoadOptions, "requests" | "concurrency" | "timeLimitS">,
  jobs: {
    next: (index: number) => ReturnType<typeof makeJobs>[number] | undefined;
    answered: (index: number, status: number, body: string) => void;
  },
) {
  let handedOut = 0;
  let lastAnswerAt = 0;
  const startedAt = performance.now();
  return new Promise<{ seconds: number; latencyMs: LoadResult["latencyMs"]; stoppedByTimeLimit: boolean }>(
    (resolve, reject) => {
      let stoppedByTimeLimit = false;
      const instance = autocannon(
        {
          url,
          amount: options.requests,
          connections: Math.min(options.concurrency, options.requests),
          // One slow answer (a send retried through an outage) must not count as lost.
          timeout: 30,
          requests: [
            {
              method: "POST",
              path: ACTION,
              setupRequest: (request, context: { index?: number }) => {
                const job = jobs.next(handedOut++);
                if (!job) throw new Error("autocannon asked for more requests than were planned.");
                context.index = job.index;
                return { ...request, headers: { origin: ORIGIN, "content-type": job.contentType }, body: job.body };
              },
              onResponse: (status, body, context: { index?: number }) => {
                lastAnswerAt = performance.now();
                jobs.answered(context.index!, status, body);
              },
            },
          ],
        },
        (error, result) => {
          clearTimeout(limit);
          if (error) return reject(error instanceof Error ? error : new Error(String(error)));
          const { p50, p90, p99, max } = result.latency;
          resolve({
            // autocannon ends on its next one-second tick; the last answer is the real end.
            seconds: ((lastAnswerAt || performance.now()) - startedAt) / 1000,
            latencyMs: { p50, p90, p99, max },
            stoppedByTimeLimit,
          });
        },
      );
      const limit = setTimeout(() => {
        stoppedByTimeLimit = true;
        instance.stop();
      }, options.timeLimitS * 1000);
    },
  );
}

export function formatLoadResult(result: LoadResult): string {
  const { options: o, tally: t } = result;
  const statuses = Object.entries(t.statuses).map(([status, n]) => `${status} ${n}`);
  return [
    `Enquiry load test: ${o.requests} requests, ${o.concurrency} connections, seed ${o.seed}` +
      (o.outage ? "; the mail API failing (503) for the middle third" : ""),
    `  ${result.wallSeconds} s, ${result.requestsPerSecond} requests/s; latency p50 ${result.latencyMs.p50} ms, ` +
      `p90 ${result.latencyMs.p90} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
    `  sent: ${t.kinds.valid} valid, ${t.kinds.invalid} invalid, ${t.kinds.repeat} exact repeats of a valid one`,
    `  statuses: ${statuses.join(", ") || "none"}${t.unanswered ? `; ${t.unanswered} unanswered` : ""}`,
    `  distinct valid enquiries ${t.enquiries}: delivered at once ${t.deliveredAtOnce}, by a delivery round ` +
      `${t.deliveredByRound} (${result.rounds.length} rounds); lost ${t.lost}, duplicated ${t.duplicated}`,
    `  function log: ${Object.entries(result.events)
      .map(([event, n]) => `${event} ${n}`)
      .join(", ")}`,
    ...t.problems.slice(0, 20).map((problem) => `  PROBLEM ${problem}`),
    ...(t.problems.length > 20 ? [`  … and ${t.problems.length - 20} more problems`] : []),
    `Result: ${result.passed ? "PASS" : "FAIL"}`,
  ].join("\n");
}

const USAGE = `Usage: npm run load:enquiry -- [--requests N] [--concurrency N] [--seed N] [--json PATH|-]`;

export async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        requests: { type: "string", default: "3000" },
        concurrency: { type: "string", default: "50" },
        seed: { type: "string", default: "1" },
        json: { type: "string" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [requests = 0, concurrency = 0, seed = -1] = [values.requests, values.concurrency, values.seed].map(Number);
  if (![requests, concurrency, seed + 1].every((n) => Number.isInteger(n) && n >= 1)) {
    console.error(`--requests and --concurrency must be whole numbers from 1, --seed from 0.\n${USAGE}`);
    return 2;
  }
  // With --json -, stdout carries the JSON alone.
  const say = values.json === "-" ? (line: string) => console.error(line) : (line: string) => console.log(line);
  try {
    const result = await runEnquiryLoad({ requests, concurrency, seed, say });
    say(formatLoadResult(result));
    const json = `${JSON.stringify(result, null, 2)}\n`;
    if (values.json === "-") process.stdout.write(json);
    else if (values.json !== undefined) await writeFile(values.json, json);
    return result.passed ? 0 : 1;
  } catch (error) {
    console.error(error instanceof CannotRunError ? error.message : error);
    return 2;
  }
}
