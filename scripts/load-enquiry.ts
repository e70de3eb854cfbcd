/**
 * Load test for the enquiry function, on loopback only, with the fake Resend API
 * (scripts/lib/fake-resend.ts) standing in for Resend. It sends a few thousand enquiries
 * and proves that every one answered 200 reached the team exactly once: no email lost, none
 * duplicated, and exact repeats of an enquiry (a double click, a refresh) send nothing new.
 *
 *   npx node scripts/load-enquiry.ts                          # 3,000 requests, 50 at a time
 *   npx node scripts/load-enquiry.ts --requests 5000 --concurrency 100
 *   npx node scripts/load-enquiry.ts --target preview         # 100 requests, 10 at a time
 *   npx node scripts/load-enquiry.ts --json results.json      # or --json - for stdout
 *
 * Targets:
 *   function (default)  the real default export of netlify/functions/enquiry.mts, served in this
 *                       process behind a minimal node:http server, like a warm Netlify instance.
 *                       Requests are built with the preview's origin, so the function checks
 *                       Origin against it and fetches its pages from it (scripts/preview.ts).
 *   preview             POSTs straight to the preview's /enquire/send. NetlifyDev starts a
 *                       worker for each invocation (about 2 s each), so the defaults there are
 *                       small: 100 requests at concurrency 10. Nor does it send multipart/form-data
 *                       there by default: @netlify/functions-dev 2.0.8 reads the body as text yet
 *                       marks it base64 for any type but a few (urlencoded is one of them), so the
 *                       function gets a garbled body and answers 400. The site's own form posts
 *                       urlencoded; --multipart-share 0.15 shows the problem. And with more than
 *                       one request at a time, some get a 500 "Cannot find module .../.netlify/
 *                       functions-serve/_XXXXXX/...": @netlify/dev 5.1.3 builds the function into
 *                       a temporary folder per request and deletes it afterwards, but concurrent
 *                       requests share the first one's build (memoized), so their worker loses
 *                       its files mid-run. --concurrency 1 avoids it (about 2 s a request).
 *
 * The mix: about 20% invalid enquiries (expected 422, no email), about 1% exact repeats of an
 * earlier valid one (expected 200 with the first one's reference, and no second email), the
 * rest unique valid enquiries (expected 200 and one email each). It stops by itself: after the
 * requests, or at --time-limit seconds (default 600), whichever comes first. The exit code is
 * 0 when every check passed, 1 when one failed, 2 when the run could not be made.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { enquiryDigest } from "../src/lib/enquiry/reference.ts";
import { parseEnquiry, type EnquiryAnswers } from "../src/lib/enquiry/schema.ts";
import { LOCAL_CONTEXT, startEnquiryHarness } from "../tests/support/enquiry-harness.ts";
import type { FakeResend } from "./lib/fake-resend.ts";
import { serveFunction, type FunctionHandler, type FunctionServer } from "./lib/function-server.ts";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..");
const ACTION = "/enquire/send";

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

type Target = "function" | "preview";

interface Options {
  target: Target;
  requests: number;
  concurrency: number;
  invalidShare: number;
  repeatShare: number;
  multipartShare: number;
  timeLimitS: number;
  requestTimeoutS: number;
  seed: number;
  json: string | undefined;
}

const USAGE = `Usage: npx node scripts/load-enquiry.ts [options]
  --target function|preview   what to load (default function)
  --requests N                requests in all (default 3000; 100 for preview)
  --concurrency N             requests in flight at once (default 50; 10 for preview)
  --invalid-share F           share of invalid enquiries, 0 to 1 (default 0.2)
  --repeat-share F            share of exact repeats of an earlier valid enquiry (default 0.01)
  --multipart-share F         share sent as multipart/form-data (default 0.15; 0 for preview, see above)
  --time-limit S              stop sending after S seconds (default 600)
  --request-timeout S         give up on one request after S seconds (default 30)
  --seed N                    for the mix of requests (default 1)
  --json PATH                 also write the results as JSON to PATH ("-": stdout, table to stderr)
  --help`;

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      target: { type: "string", default: "function" },
      requests: { type: "string" },
      concurrency: { type: "string" },
      "invalid-share": { type: "string", default: "0.2" },
      "repeat-share": { type: "string", default: "0.01" },
      "multipart-share": { type: "string" },
      "time-limit": { type: "string", default: "600" },
      "request-timeout": { type: "string", default: "30" },
      seed: { type: "string", default: "1" },
      json: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const target = values.target;
  if (target !== "function" && target !== "preview") throw new UsageError(`--target must be function or preview.`);
  const number = (
    name: string,
    raw: string | undefined,
    fallback: number,
    { min = 0, max = Infinity, integer = true } = {},
  ) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
      throw new UsageError(
        `--${name} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, not "${raw}".`,
      );
    return value;
  };
  const preview = target === "preview";
  return {
    target,
    requests: number("requests", values.requests, preview ? 100 : 3000, { min: 1, max: 1_000_000 }),
    concurrency: number("concurrency", values.concurrency, preview ? 10 : 50, { min: 1, max: 1000 }),
    invalidShare: number("invalid-share", values["invalid-share"], 0.2, { max: 1, integer: false }),
    repeatShare: number("repeat-share", values["repeat-share"], 0.01, { max: 0.5, integer: false }),
    multipartShare: number("multipart-share", values["multipart-share"], preview ? 0 : 0.15, {
      max: 1,
      integer: false,
    }),
    timeLimitS: number("time-limit", values["time-limit"], 600, { min: 1, max: 24 * 3600, integer: false }),
    requestTimeoutS: number("request-timeout", values["request-timeout"], 30, { min: 1, max: 3600, integer: false }),
    seed: number("seed", values.seed, 1, { max: 2 ** 32 - 1 }),
    json: values.json,
  };
}

class UsageError extends Error {
  override name = "UsageError";
}

// ---------------------------------------------------------------------------------------------
// The requests
// ---------------------------------------------------------------------------------------------

type Kind = "valid" | "invalid" | "repeat";

interface Job {
  index: number;
  kind: Kind;
  contentType: string;
  body: Uint8Array;
  expectedStatus: 200 | 422;
  /** For a valid enquiry or a repeat: what the function must derive from its content. */
  idempotencyKey?: string;
  reference?: string;
  /** For a repeat: the job it repeats. */
  original?: number;
}

/** A small seeded generator (mulberry32), so a run's mix can be made again. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const PHONES = ["07700 900982", "+44 7700 900982", "(01632) 960 001", "020 7946 0000", "+1 202-555-0143"];
const OPENINGS = [
  "Could I write a letter to the person who hurt me?",
  "I would like to know more about meeting them.",
  "Is it too late to ask? It happened years ago.",
  "Can someone explain the process to me <b>before</b> I decide?",
  "Ich möchte wissen, wie das abläuft. 😀",
];

function validAnswers(index: number, runTag: string, random: ReturnType<typeof randomFrom>): EnquiryAnswers {
  const contactMethod = random.pick(["phone", "email", "either"] as const);
  // The message makes each enquiry unique, so each gets its own idempotency key.
  const answers: EnquiryAnswers = {
    message: `${random.pick(OPENINGS)}\r\n\r\nLoad test ${runTag}, enquiry ${index}.`,
    contactMethod,
  };
  if (contactMethod !== "email") {
    answers.phone = random.pick(PHONES);
    answers.voicemail = random.pick(["yes", "no"]);
    answers.sayWhoWeAre = random.pick(["yes", "no"]);
    if (random.next() < 0.5) answers.safeTimes = "Weekday mornings";
  }
  if (contactMethod !== "phone") answers.email = `person${index}@example.com`;
  if (random.next() < 0.5) answers.name = random.pick(["Sam", "Alex", "Jo O'Neill", "Zoë"]);
  if (random.next() < 0.3) answers.careCoordinator = random.pick(["yes", "no", "not-sure"]);
  return answers;
}

/** A valid enquiry with one thing wrong, as people get it wrong. */
function invalidAnswers(index: number, runTag: string, random: ReturnType<typeof randomFrom>): EnquiryAnswers {
  const answers = validAnswers(index, runTag, random);
  const breakIt = random.pick([
    () => delete answers.contactMethod,
    () => Object.assign(answers, { contactMethod: "phone", phone: "12", voicemail: "no", sayWhoWeAre: "no" }),
    () => Object.assign(answers, { contactMethod: "email", email: "not an address" }),
    () => Object.assign(answers, { message: "  \r\n " }),
    () => Object.assign(answers, { message: "x".repeat(3001) }),
    () => Object.assign(answers, { name: "n".repeat(101) }),
    () => Object.assign(answers, { careCoordinator: "perhaps" }),
  ]);
  breakIt();
  return answers;
}

const encoder = new TextEncoder();

function encodeForm(
  answers: EnquiryAnswers,
  index: number,
  multipart: boolean,
): { contentType: string; body: Uint8Array } {
  const entries = Object.entries(answers).filter((entry): entry is [string, string] => entry[1] !== undefined);
  // The honeypot, empty, as the real form sends it.
  entries.push(["website", ""]);
  if (!multipart) {
    return {
      contentType: "application/x-www-form-urlencoded",
      body: encoder.encode(new URLSearchParams(entries).toString()),
    };
  }
  const boundary = `----load-enquiry-${index}-boundary`;
  const parts = entries.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: encoder.encode(`${parts.join("")}--${boundary}--\r\n`),
  };
}

function makeJobs(options: Options, runTag: string): Job[] {
  const random = randomFrom(options.seed);
  const jobs: Job[] = [];
  const valid: Job[] = [];
  for (let index = 0; index < options.requests; index++) {
    const roll = random.next();
    if (roll < options.repeatShare && valid.length > 0) {
      // Repeat a recent one: at this concurrency it may well still be in flight.
      const original = valid[Math.max(0, valid.length - 1 - Math.floor(random.next() * 200))]!;
      jobs.push({ ...original, index, kind: "repeat", original: original.index });
      continue;
    }
    const invalid = roll < options.repeatShare + options.invalidShare;
    const answers = invalid ? invalidAnswers(index, runTag, random) : validAnswers(index, runTag, random);
    const result = parseEnquiry(answers);
    if (result.ok === invalid) throw new Error(`Enquiry ${index} was meant to be ${invalid ? "invalid" : "valid"}.`);
    const job: Job = {
      index,
      kind: invalid ? "invalid" : "valid",
      ...encodeForm(answers, index, random.next() < options.multipartShare),
      expectedStatus: invalid ? 422 : 200,
      ...(result.ok ? enquiryDigest(result.enquiry) : {}),
    };
    jobs.push(job);
    if (!invalid) valid.push(job);
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

interface Outcome {
  /** null: no answer (a network error, a timeout, or the time limit). */
  status: number | null;
  ms: number;
  reference?: string;
  error?: string;
  /** For a 5xx: the start of what came back, to tell a function error from the host's. */
  excerpt?: string;
}

/** The reference on the confirmation page, however the attribute is written (`attr` or `attr=""`). */
const REFERENCE_ON_PAGE = /\sdata-enquiry-reference(?:="")?(?=[\s>])[^>]*>\s*(RJ-[0-9A-Z]{4}-[0-9A-Z]{4})\s*</;

async function send(job: Job, url: string, origin: string, timeoutMs: number, stop: AbortSignal): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { origin, "content-type": job.contentType },
      body: job.body as BodyInit,
      signal: AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]),
    });
    const html = await response.text();
    const reference = REFERENCE_ON_PAGE.exec(html)?.[1];
    const excerpt = response.status >= 500 ? html.replace(/\s+/g, " ").slice(0, 300) : undefined;
    return {
      status: response.status,
      ms: performance.now() - started,
      ...(reference ? { reference } : {}),
      ...(excerpt === undefined ? {} : { excerpt }),
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    return { status: null, ms: performance.now() - started, error: name };
  }
}

async function runAll(
  jobs: Job[],
  options: Options,
  url: string,
  origin: string,
  onProgress: (done: number) => void,
): Promise<{ outcomes: (Outcome | undefined)[]; wallMs: number; stoppedByTimeLimit: boolean }> {
  const outcomes: (Outcome | undefined)[] = new Array(jobs.length);
  const stop = new AbortController();
  let stoppedByTimeLimit = false;
  const timer = setTimeout(() => {
    stoppedByTimeLimit = true;
    stop.abort();
  }, options.timeLimitS * 1000);
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (!stop.signal.aborted && next < jobs.length) {
      const job = jobs[next++]!;
      outcomes[job.index] = await send(job, url, origin, options.requestTimeoutS * 1000, stop.signal);
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, jobs.length) }, worker));
  clearTimeout(timer);
  return { outcomes, wallMs: performance.now() - started, stoppedByTimeLimit };
}

/** Waits until the fake API has had no new request for half a second (ten seconds at most). */
async function settle(fake: FakeResend): Promise<void> {
  const until = Date.now() + 10_000;
  let seen = -1;
  while (seen !== fake.requests.length && Date.now() < until) {
    seen = fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// ---------------------------------------------------------------------------------------------
// Checking and reporting
// ---------------------------------------------------------------------------------------------

interface Latency {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { count: sorted.length, p50: round(at(0.5)), p90: round(at(0.9)), p99: round(at(0.99)), max: round(at(1)) };
}

interface Problem {
  kind: string;
  index?: number;
  detail: string;
}

function analyse(jobs: Job[], outcomes: (Outcome | undefined)[], fake: FakeResend) {
  const problems: Problem[] = [];
  const byStatus = new Map<string, number[]>();
  const byKind = new Map<Kind, { sent: number; asExpected: number }>();
  const okKeys = new Map<string, number[]>();
  let notSent = 0;

  for (const job of jobs) {
    const outcome = outcomes[job.index];
    const kind = byKind.get(job.kind) ?? { sent: 0, asExpected: 0 };
    byKind.set(job.kind, kind);
    if (!outcome) {
      notSent += 1;
      continue;
    }
    kind.sent += 1;
    const status = outcome.status === null ? `error:${outcome.error ?? "unknown"}` : String(outcome.status);
    byStatus.set(status, [...(byStatus.get(status) ?? []), outcome.ms]);
    if (outcome.status !== job.expectedStatus) {
      const netlifyDevRace = /Cannot find (module|package) [^]*\/\.netlify\/functions-serve\//.test(
        outcome.excerpt ?? "",
      );
      problems.push({
        kind: netlifyDevRace
          ? "unexpected status (NetlifyDev build-folder race, not the function)"
          : "unexpected status",
        index: job.index,
        detail: `${job.kind}: ${status}, expected ${job.expectedStatus}${outcome.excerpt ? `: ${outcome.excerpt}` : ""}`,
      });
      continue;
    }
    kind.asExpected += 1;
    if (outcome.status !== 200 || !job.idempotencyKey) continue;
    okKeys.set(job.idempotencyKey, [...(okKeys.get(job.idempotencyKey) ?? []), job.index]);
    if (outcome.reference !== job.reference)
      problems.push({
        kind: "wrong reference",
        index: job.index,
        detail: `page shows ${outcome.reference ?? "none"}, content gives ${job.reference}`,
      });
  }

  const emailsByKey = new Map<string, typeof fake.emails>();
  for (const email of fake.emails) {
    const key = email.idempotencyKey ?? "(none)";
    emailsByKey.set(key, [...(emailsByKey.get(key) ?? []), email]);
  }
  const referenceForKey = new Map(
    jobs.flatMap((job) => (job.idempotencyKey ? [[job.idempotencyKey, job.reference]] : [])),
  );

  let lost = 0;
  for (const [key, indices] of okKeys) {
    if (!emailsByKey.has(key)) {
      lost += 1;
      problems.push({
        kind: "lost",
        index: indices[0]!,
        detail: `200 with reference ${referenceForKey.get(key)} but no email`,
      });
    }
  }
  // Keys of requests the client gave up on (time limit or timeout): the function may still
  // have sent their email after the client stopped listening, which is no fault of its own.
  const abandonedKeys = new Set(
    jobs.flatMap((job) => (job.idempotencyKey && outcomes[job.index]?.status === null ? [job.idempotencyKey] : [])),
  );
  let duplicated = 0;
  let orphans = 0;
  let abandoned = 0;
  for (const [key, emails] of emailsByKey) {
    if (emails.length > 1) {
      duplicated += emails.length - 1;
      problems.push({ kind: "duplicated", detail: `${emails.length} emails for ${referenceForKey.get(key) ?? key}` });
    }
    if (!okKeys.has(key) && abandonedKeys.has(key)) {
      abandoned += emails.length;
    } else if (!okKeys.has(key)) {
      orphans += emails.length;
      problems.push({ kind: "email without a 200", detail: `${emails.length} for ${referenceForKey.get(key) ?? key}` });
    }
    const reference = referenceForKey.get(key);
    for (const email of emails) {
      if (!reference || email.payload["subject"] !== `Restorative justice enquiry ${reference}`)
        problems.push({ kind: "wrong subject", detail: `${String(email.payload["subject"])} for ${reference ?? key}` });
    }
  }

  const repeats = jobs.filter((job) => job.kind === "repeat");
  const repeatsSent = repeats.filter((job) => outcomes[job.index]);
  const repeatsOk = repeatsSent.filter((job) => {
    const outcome = outcomes[job.index]!;
    const first = outcomes[job.original!];
    return (
      outcome.status === 200 &&
      outcome.reference === job.reference &&
      (first?.status !== 200 || first.reference === outcome.reference) &&
      (emailsByKey.get(job.idempotencyKey!)?.length ?? 0) === 1
    );
  });
  for (const job of repeatsSent)
    if (!repeatsOk.includes(job))
      problems.push({
        kind: "repeat",
        index: job.index,
        detail: `repeat of ${job.original} did not come back as one email`,
      });

  const fakeOutcomes: Record<string, number> = {};
  for (const request of fake.requests) fakeOutcomes[request.outcome] = (fakeOutcomes[request.outcome] ?? 0) + 1;

  const fiveHundreds = [...byStatus]
    .filter(([status]) => status.startsWith("5"))
    .reduce((n, [, ms]) => n + ms.length, 0);
  return {
    statuses: Object.fromEntries(
      [...byStatus].sort(([a], [b]) => a.localeCompare(b)).map(([status, ms]) => [status, latency(ms)]),
    ),
    all: latency([...byStatus.values()].flat()),
    kinds: Object.fromEntries(byKind),
    emails: {
      expected: okKeys.size,
      accepted: fake.emails.length,
      lost,
      duplicated,
      withoutA200: orphans,
      forAbandonedRequests: abandoned,
    },
    repeats: { planned: repeats.length, sent: repeatsSent.length, oneEmailSameReference: repeatsOk.length },
    fakeApiRequests: fakeOutcomes,
    fiveHundreds,
    notSent,
    problems,
  };
}

type Analysis = ReturnType<typeof analyse>;

function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? "").length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          String(cell)
            .padStart(column === 0 ? 0 : widths[column]!)
            .padEnd(column === 0 ? widths[0]! : 0),
        )
        .join("  "),
    )
    .join("\n");
}

function report(
  options: Options,
  description: string,
  run: { wallMs: number; stoppedByTimeLimit: boolean },
  analysis: Analysis,
  passed: boolean,
): string {
  const seconds = run.wallMs / 1000;
  const completed = analysis.all.count;
  const statusRows = Object.entries(analysis.statuses).map(([status, l]) => [
    status,
    l.count,
    l.p50,
    l.p90,
    l.p99,
    l.max,
  ]);
  const a = analysis.all;
  const lines = [
    `Enquiry load test: ${description}`,
    `  ${options.requests} requests planned at concurrency ${options.concurrency} (seed ${options.seed}; ` +
      `${Math.round(options.invalidShare * 100)}% invalid, ${Math.round(options.repeatShare * 100)}% repeats, ` +
      `${Math.round(options.multipartShare * 100)}% multipart); ${completed} answered or failed, ${analysis.notSent} not sent${run.stoppedByTimeLimit ? " (time limit reached)" : ""}`,
    `  wall time ${seconds.toFixed(2)} s, ${(completed / seconds).toFixed(1)} requests/s`,
    "",
    table([
      ["  status", "count", "p50 ms", "p90 ms", "p99 ms", "max ms"],
      ...statusRows.map((row) => [`  ${row[0]}`, ...row.slice(1)]),
      ["  all", a.count, a.p50, a.p90, a.p99, a.max],
    ]),
    "",
    table([
      ["  requests", "sent", "as expected"],
      ...Object.entries(analysis.kinds).map(([kind, k]) => [`  ${kind}`, k.sent, k.asExpected]),
    ]),
    "",
    table([
      ["  emails expected (distinct enquiries answered 200)", analysis.emails.expected],
      ["  emails accepted by the fake Resend API", analysis.emails.accepted],
      ["  lost (200 but no email)", analysis.emails.lost],
      ["  duplicated (more than one email for one key)", analysis.emails.duplicated],
      ["  emails with no 200", analysis.emails.withoutA200],
      ["  emails for requests the client gave up on (not a fault)", analysis.emails.forAbandonedRequests],
      [
        `  repeats (exact resends): sent, with one email and the first reference`,
        `${analysis.repeats.sent}, ${analysis.repeats.oneEmailSameReference}`,
      ],
      ["  5xx responses", analysis.fiveHundreds],
    ]),
    `  fake API requests: ${
      Object.entries(analysis.fakeApiRequests)
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(", ") || "none"
    }`,
    "",
  ];
  for (const problem of analysis.problems.slice(0, 20))
    lines.push(
      `  PROBLEM ${problem.kind}${problem.index === undefined ? "" : ` (request ${problem.index})`}: ${problem.detail}`,
    );
  if (analysis.problems.length > 20) lines.push(`  ... and ${analysis.problems.length - 20} more problems`);
  lines.push(`Result: ${passed ? "PASS" : "FAIL"}`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let options: Options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (!existsSync(join(ROOT, "dist", "enquire", "index.html"))) {
    console.error("dist/ has no built enquiry page: run `npm run build` first.");
    return 2;
  }
  // With --json -, stdout carries the JSON alone.
  const say = options.json === "-" ? (line: string) => console.error(line) : (line: string) => console.log(line);

  // A last guard: whatever happens, the process ends a minute after the time limit.
  setTimeout(
    () => {
      console.error("load-enquiry: still running a minute after the time limit; exiting.");
      process.exit(2);
    },
    (options.timeLimitS + 60) * 1000,
  ).unref();

  const previewLog: string[] = [];
  const harness = await startEnquiryHarness({ logs: previewLog, root: ROOT });
  const { fake, preview } = harness;
  let server: FunctionServer | undefined;
  const functionErrors: string[] = [];
  const events = new Map<string, number>();
  const consoleLog = console.log;
  try {
    let url: string;
    let description: string;
    if (options.target === "function") {
      const { default: handler } = (await import("../netlify/functions/enquiry.mts")) as { default: FunctionHandler };
      server = await serveFunction(handler, {
        publicOrigin: preview.url,
        context: LOCAL_CONTEXT,
        onError: (error) => functionErrors.push(error instanceof Error ? error.name : String(error)),
      });
      url = new URL(ACTION, server.url).href;
      description = `target function (the real handler in process, warm, at ${server.url}; pages from the preview at ${preview.url})`;
    } else {
      url = new URL(ACTION, preview.url).href;
      description =
        `target preview (NetlifyDev at ${preview.url}: a worker per invocation, about 2 s each, so small defaults; ` +
        `multipart off by default, as NetlifyDev garbles multipart bodies)`;
    }

    const runTag = `${options.seed}-${Date.now().toString(36)}`;
    const jobs = makeJobs(options, runTag);
    say(
      `load-enquiry: ${jobs.length} requests to ${url}, ${options.concurrency} at a time, time limit ${options.timeLimitS} s`,
    );

    // The function logs one JSON line per enquiry: count the events instead of printing them.
    console.log = (...parts: unknown[]) => {
      const line = parts.join(" ");
      try {
        const event = (JSON.parse(line) as { event?: unknown }).event;
        if (typeof event === "string") {
          events.set(event, (events.get(event) ?? 0) + 1);
          return;
        }
      } catch {
        // Not one of the function's lines.
      }
      consoleLog(...parts);
    };
    const step = Math.max(1, Math.round(jobs.length / 10));
    const run = await runAll(jobs, options, url, preview.url, (done) => {
      if (done % step === 0 || done === jobs.length) say(`load-enquiry: ${done}/${jobs.length} done`);
    });
    // Requests the client gave up on may still be at work: let them finish before counting.
    await settle(fake);
    await server?.close();
    console.log = consoleLog;

    const analysis = analyse(jobs, run.outcomes, fake);
    if (functionErrors.length > 0)
      analysis.problems.push({
        kind: "function threw",
        detail: `${functionErrors.length} times: ${[...new Set(functionErrors)].join(", ")}`,
      });
    if (analysis.fiveHundreds > 0) {
      const hostErrors = previewLog.filter((line) => /error|fail|exception/i.test(line));
      for (const line of hostErrors.slice(0, 5))
        analysis.problems.push({ kind: "preview log", detail: line.replace(/\s+/g, " ").slice(0, 300) });
    }
    const passed =
      analysis.problems.length === 0 &&
      analysis.fiveHundreds === 0 &&
      analysis.notSent === 0 &&
      !run.stoppedByTimeLimit;
    say("");
    say(report(options, description, run, analysis, passed));

    if (options.json !== undefined) {
      const results = {
        target: options.target,
        options,
        url,
        wallSeconds: Math.round(run.wallMs) / 1000,
        requestsPerSecond: Math.round((analysis.all.count / (run.wallMs / 1000)) * 10) / 10,
        stoppedByTimeLimit: run.stoppedByTimeLimit,
        ...analysis,
        functionLogEvents: Object.fromEntries(events),
        passed,
      };
      const json = JSON.stringify(results, null, 2);
      if (options.json === "-") console.log(json);
      else {
        await writeFile(options.json, `${json}\n`);
        say(`load-enquiry: results written to ${options.json}`);
      }
    }
    return passed ? 0 : 1;
  } finally {
    console.log = consoleLog;
    await server?.close();
    await harness.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
