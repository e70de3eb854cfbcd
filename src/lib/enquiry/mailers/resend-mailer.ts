/**
 * Sends through Resend's SDK, retrying only what can succeed on a second try (429, 5xx, network
 * failures and timeouts), and giving up inside a deadline because a person is waiting. The
 * idempotency key makes every retry safe: Resend sends at most one email per key in 24 hours.
 */
import { Resend } from "resend";
import type { Mailer, OutgoingEmail, SendResult } from "./mailer.ts";

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface ResendMailerOptions {
  apiKey: string;
  /** Without it the SDK uses RESEND_BASE_URL, then https://api.resend.com. */
  baseUrl?: string;
  retry?: RetryOptions;
  /** The whole send, waits included. */
  deadlineMs?: number;
  /** One HTTP attempt, so a hanging connection cannot use up the whole deadline. */
  perAttemptTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export const RESEND_MAILER_DEFAULTS = {
  maxRetries: 3,
  baseDelayMs: 300,
  maxDelayMs: 2000,
  deadlineMs: 8000,
  perAttemptTimeoutMs: 3000,
} as const;

/** Not worth starting an attempt with less time left than this. */
const MIN_ATTEMPT_MS = 250;

/** Resend's 429s for a used-up daily or monthly quota will not clear in seconds. */
const NOT_RETRYABLE_NAMES = new Set(["daily_quota_exceeded", "monthly_quota_exceeded"]);
/** Used when an error body has no status code in it. */
const RETRYABLE_NAMES = new Set(["rate_limit_exceeded", "internal_server_error", "application_error"]);

type Attempt =
  | Extract<SendResult, { ok: true }>
  | { ok: false; reason: string; retry: boolean; retryAfterMs?: number; maybeAccepted?: boolean };

export function createResendMailer(options: ResendMailerOptions): Mailer {
  const { maxRetries, baseDelayMs, maxDelayMs } = { ...RESEND_MAILER_DEFAULTS, ...options.retry };
  const deadlineMs = options.deadlineMs ?? RESEND_MAILER_DEFAULTS.deadlineMs;
  const perAttemptTimeoutMs = options.perAttemptTimeoutMs ?? RESEND_MAILER_DEFAULTS.perAttemptTimeoutMs;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const baseUrl = options.baseUrl?.replace(/\/+$/, "");
  const resend = new Resend(options.apiKey, baseUrl ? { baseUrl } : undefined);

  async function attempt(email: OutgoingEmail, timeoutMs: number): Promise<Attempt> {
    const signal = AbortSignal.timeout(timeoutMs);
    const payload = {
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      ...(email.replyTo === undefined ? {} : { replyTo: email.replyTo }),
    };
    let response;
    try {
      response = await resend.emails.send(payload, { idempotencyKey: email.idempotencyKey, signal });
    } catch (error) {
      // The SDK catches its own failures, so this is unexpected; the name alone is safe to report.
      return { ok: false, reason: signal.aborted ? "timeout" : errorName(error), retry: true, maybeAccepted: true };
    }
    const { data, error, headers } = response;
    if (!error) {
      return data?.id ? { ok: true, id: data.id } : { ok: false, reason: "invalid_response", retry: false };
    }
    // The SDK reports an abort and a refused connection alike: no status, no headers.
    if (signal.aborted) return { ok: false, reason: "timeout", retry: true, maybeAccepted: true };
    const status = typeof error.statusCode === "number" ? error.statusCode : null;
    // A refused connection and one cut after the request went out look the same here.
    if (status === null && headers === null)
      return { ok: false, reason: "network_error", retry: true, maybeAccepted: true };

    const name = safeName(error.name);
    // Each 409 is what it says: accepted before under this key (done), or still in progress (retry).
    if (status === 409 && name === "invalid_idempotent_request") return { ok: true, alreadyAccepted: true };
    const retry =
      !NOT_RETRYABLE_NAMES.has(name) &&
      (status === 429 ||
        (status !== null && status >= 500) ||
        // Another attempt with this key is still in progress at Resend (we may have timed it out).
        name === "concurrent_idempotent_requests" ||
        (status === null && RETRYABLE_NAMES.has(name)));
    const retryAfterMs = parseRetryAfterMs(headers?.["retry-after"], now());
    return {
      ok: false,
      reason: status === null ? name : `${status} ${name}`,
      retry,
      // A server error may come after the email was taken; a 4xx (429 too) means it was not.
      maybeAccepted: status === null || status >= 500,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }

  return {
    name: "resend",
    async send(email) {
      const deadlineAt = now() + deadlineMs;
      let last: SendResult = { ok: false, reason: "deadline" };
      let maybeAccepted = false;
      for (let retries = 0; ; retries++) {
        const remaining = deadlineAt - now();
        if (remaining < MIN_ATTEMPT_MS) return last;
        const outcome = await attempt(email, Math.min(perAttemptTimeoutMs, remaining));
        if (outcome.ok) return outcome;
        maybeAccepted ||= outcome.maybeAccepted === true;
        last = { ok: false, reason: outcome.reason, maybeAccepted };
        if (!outcome.retry || retries >= maxRetries) return last;

        const wait = outcome.retryAfterMs ?? backoffDelayMs(retries, { baseDelayMs, maxDelayMs }, random);
        // Never sleep past the deadline: if the wait leaves no time to try, say so now.
        if (now() + wait + MIN_ATTEMPT_MS > deadlineAt) return last;
        await sleep(wait);
      }
    },
  };
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, capped. */
export function backoffDelayMs(
  retry: number,
  { baseDelayMs, maxDelayMs }: { baseDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + (random() * step) / 2);
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now; undefined when unusable. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Resend's error names are fixed codes; anything else is not echoed, in case it holds data. */
function safeName(name: unknown): string {
  return typeof name === "string" && /^[a-z_]{1,64}$/i.test(name) ? name : "unknown_error";
}

function errorName(error: unknown): string {
  return safeName(error instanceof Error ? error.name : undefined);
}
