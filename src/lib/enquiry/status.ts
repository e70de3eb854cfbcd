/**
 * GET /enquire/status, for an uptime monitor that calls or texts a named person: 200 when all is
 * well, 503 when an enquiry needs a person (waiting over an hour, held, not received, not
 * confirmed, unreadable), when the last round failed, or when a set-up problem means trouble
 * would go unseen. It reads names and summaries only and opens nothing, so a monitor may call
 * it every minute. The public answer says only "ok" or "attention"; with the bearer token
 * (ENQUIRY_STATUS_TOKEN) it adds counts and the oldest age: never a reference, never a word typed.
 */
import { timingSafeEqual, createHash } from "node:crypto";
import { ALARM_KINDS, alarmOf, type AlarmKind } from "./alarms.ts";
import type { LastRound } from "./delivery-round.ts";
import type { LogEvent } from "./handler.ts";
import { SECURITY_HEADERS } from "../security-headers.ts";
import type { WaitingEnquiries } from "./waiting-enquiries.ts";

/** A round runs every five minutes; one that has not finished well for this long counts as failed. */
export const ROUND_OVERDUE_MS = 30 * 60_000;

export interface StatusOptions {
  waiting: WaitingEnquiries | { error: string };
  /** ENQUIRY_STATUS_TOKEN: who may see the counts. */
  token: string | undefined;
  /** Set-up problems that hide trouble (say, no RESEND_WEBHOOK_SECRET in production). */
  warnings: readonly string[];
  /** Whether rounds run here (production: the schedule), so a missing or old round counts. */
  expectRounds: boolean;
  now: () => number;
  log: (event: LogEvent) => void;
}

export interface StatusDetails {
  status: "ok" | "attention";
  /** Records in the store, and how many raise each alarm. */
  waiting: number;
  alarms: Record<AlarmKind, number>;
  /** Minutes since the oldest waiting enquiry arrived. */
  oldestMinutes: number | null;
  lastRound: { finishedMinutesAgo: number; ok: boolean } | null;
  warnings: readonly string[];
}

export async function handleStatus(request: Request, options: StatusOptions): Promise<Response> {
  if (request.method !== "GET") return json(405, { status: "use GET" }, { Allow: "GET" });
  const details = await check(options).catch((error: unknown) => {
    options.log({ event: "status.failed", reason: error instanceof Error ? error.name : "Error" });
    return null;
  });
  // The store cannot be read: nobody can say all is well.
  if (!details) return json(503, { status: "attention" });
  const status = details.status === "ok" ? 200 : 503;
  return json(status, allowed(request, options.token) ? details : { status: details.status });
}

async function check(options: StatusOptions): Promise<StatusDetails> {
  const warnings = [...options.warnings];
  if ("error" in options.waiting) {
    return { ...empty(), status: "attention", warnings: [...warnings, options.waiting.error] };
  }
  const waiting = options.waiting;
  const now = options.now();
  const [summaries, last] = await Promise.all([
    waiting.names().then((names) => waiting.summaries(names)),
    waiting.readNote<LastRound>("note-last-round"),
  ]);
  const alarms = Object.fromEntries(ALARM_KINDS.map((kind) => [kind, 0])) as Record<AlarmKind, number>;
  let oldest: number | null = null;
  for (const summary of summaries) {
    const kind = alarmOf(summary, now, waiting.keyIds);
    if (kind) alarms[kind]++;
    if (summary.receivedAt !== null) oldest = Math.min(oldest ?? summary.receivedAt, summary.receivedAt);
  }
  const lastRound = last ? { finishedMinutesAgo: Math.floor((now - last.finishedAt) / 60_000), ok: last.ok } : null;
  if (last && !last.ok) warnings.push(`the last delivery round had a problem: ${last.problem ?? "unknown"}`);
  for (const warning of last?.warnings ?? []) if (!warnings.includes(warning)) warnings.push(warning);
  const roundMissing =
    options.expectRounds && summaries.length > 0 && (!last || now - last.finishedAt > ROUND_OVERDUE_MS);
  if (roundMissing) warnings.push("no delivery round has finished in the last 30 minutes");
  const attention = Object.values(alarms).some((n) => n > 0) || (last !== null && !last.ok) || warnings.length > 0;
  return {
    status: attention ? "attention" : "ok",
    waiting: summaries.length,
    alarms,
    oldestMinutes: oldest === null ? null : Math.floor((now - oldest) / 60_000),
    lastRound,
    warnings,
  };
}

const empty = (): StatusDetails => ({
  status: "ok",
  waiting: 0,
  alarms: Object.fromEntries(ALARM_KINDS.map((kind) => [kind, 0])) as Record<AlarmKind, number>,
  oldestMinutes: null,
  lastRound: null,
  warnings: [],
});

/** The bearer token, compared in constant time (hashes, so lengths never differ). */
function allowed(request: Request, token: string | undefined): boolean {
  if (!token) return false;
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: { ...SECURITY_HEADERS, "Content-Type": "application/json; charset=utf-8", ...extra },
  });
}
