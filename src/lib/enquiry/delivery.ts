/**
 * Getting a waiting enquiry to the team: one attempt, and the schedule of the attempts after it.
 * Learnt from GOV.UK Forms: save first, then retry with growing delays, for longer than an
 * outage lasts, under an idempotency key so that no attempt can make a second copy.
 */
import type { Mailer } from "./mailers/mailer.ts";
import type { DeliveryAttempt, WaitingEnquiry } from "./waiting-enquiries.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The waits between attempts, doubling: 10 attempts in all over about 42 and a half hours. */
export const RETRY_DELAYS_MINUTES = [5, 10, 20, 40, 80, 160, 320, 640, 1280] as const;

/** When each attempt is due, counted from when the enquiry arrived; the first is at once. */
export const ATTEMPT_OFFSETS_MS: readonly number[] = RETRY_DELAYS_MINUTES.reduce<number[]>(
  (offsets, minutes) => [...offsets, offsets.at(-1)! + minutes * MINUTE],
  [0],
);

/**
 * Resend remembers an idempotency key for 24 hours from its first use. An hour is left spare
 * for a late schedule, so a retry inside this window is always recognised as a repeat.
 */
export const KEY_WINDOW_MS = 23 * HOUR;

/** A record not delivered by then is deleted, as GOV.UK Forms does: the privacy notice says so. */
export const KEEP_FOR_MS = 30 * 24 * HOUR;

/** A new enquiry's record, written before any attempt: if the process stops, the schedule has it. */
export function newWaitingEnquiry(email: WaitingEnquiry["email"], reference: string, now: number): WaitingEnquiry {
  return { reference, receivedAt: now, email, attempts: [], nextAttemptAt: now + ATTEMPT_OFFSETS_MS[1]! };
}

/** An idempotency key after the first: Resend has forgotten the ones before. */
const keyOfGeneration = (key: string, generation: number) => (generation === 0 ? key : `${key}/retry-${generation}`);

/**
 * The key the next attempt may use: the same one while Resend remembers it; afterwards a new
 * one, but only if no attempt under the old key can have reached Resend. Otherwise null: a new
 * key could make a second copy, so the team is asked to look (see docs/enquiries.md).
 */
export function keyForNextAttempt(enquiry: WaitingEnquiry, now: number): { key: string; generation: number } | null {
  const base = enquiry.email.idempotencyKey;
  const generation = enquiry.attempts.at(-1)?.keyGeneration ?? 0;
  const underThisKey = enquiry.attempts.filter((attempt) => attempt.keyGeneration === generation);
  const firstUse = underThisKey[0]?.at;
  if (firstUse === undefined || now - firstUse < KEY_WINDOW_MS) {
    return { key: keyOfGeneration(base, generation), generation };
  }
  if (underThisKey.some((attempt) => attempt.maybeAccepted)) return null;
  return { key: keyOfGeneration(base, generation + 1), generation: generation + 1 };
}

/** Plans the next attempt from how many scheduled ones have been made; none left: held. */
function schedule(enquiry: WaitingEnquiry): WaitingEnquiry {
  const made = enquiry.attempts.filter((attempt) => !attempt.forced).length;
  const offset = ATTEMPT_OFFSETS_MS[made];
  if (offset === undefined) return { ...enquiry, nextAttemptAt: null, heldBecause: "attempts-used" };
  return { ...enquiry, nextAttemptAt: enquiry.receivedAt + offset };
}

export type AttemptOutcome =
  | { delivered: true; alreadyAccepted: boolean }
  /** The record to write back: the attempt added and the next one planned, or held. */
  | { delivered: false; enquiry: WaitingEnquiry; reason: string };

/**
 * One attempt to send. `forced` is a person asking for it now: it is recorded but does not use
 * up a scheduled attempt.
 */
export async function attemptDelivery(
  enquiry: WaitingEnquiry,
  mailer: Mailer,
  now: () => number,
  { forced = false } = {},
): Promise<AttemptOutcome> {
  const key = keyForNextAttempt(enquiry, now());
  if (!key) {
    return {
      delivered: false,
      enquiry: { ...enquiry, nextAttemptAt: null, heldBecause: "maybe-sent" },
      reason: "maybe-sent",
    };
  }
  const at = now();
  const result = await mailer.send({ ...enquiry.email, idempotencyKey: key.key });
  if (result.ok) return { delivered: true, alreadyAccepted: "alreadyAccepted" in result };

  const attempt: DeliveryAttempt = {
    at,
    reason: result.reason,
    maybeAccepted: result.maybeAccepted === true,
    keyGeneration: key.generation,
    ...(forced ? { forced: true } : {}),
  };
  const planned = schedule({ ...enquiry, attempts: [...enquiry.attempts, attempt] });
  // A person's attempt leaves a held record held: the schedule had already ended.
  const next =
    forced && enquiry.heldBecause ? { ...planned, nextAttemptAt: null, heldBecause: enquiry.heldBecause } : planned;
  return { delivered: false, enquiry: next, reason: result.reason };
}
