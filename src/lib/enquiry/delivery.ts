/**
 * Getting a waiting enquiry to the team: one attempt, and the schedule of the attempts after it.
 * Learnt from GOV.UK Forms: save first, then retry with growing delays, for as long as it takes,
 * under an idempotency key so that no attempt can make a second copy. "Accepted" by the mail
 * provider is not "received": when its signed events are set up, the record waits for
 * `email.delivered`, and a bounce or suppression sends it on to the fallback address.
 */
import type { Mailer, OutgoingEmail } from "./mailers/mailer.ts";
import {
  stageOf,
  type AcceptedSend,
  type DeliveryAttempt,
  type NotReceivedEvent,
  type WaitingEnquiry,
} from "./waiting-enquiries.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The waits between the first attempts, doubling; after them, one attempt every six hours. */
export const RETRY_DELAYS_MINUTES = [5, 10, 20, 40, 80, 160, 320] as const;

/** Never given up: after the doubling waits, and after "not received", one attempt this often. */
export const RETRY_EVERY_MS = 6 * HOUR;

/** When each of the first attempts is due, counted from when the enquiry arrived; the first is at once. */
export const ATTEMPT_OFFSETS_MS: readonly number[] = RETRY_DELAYS_MINUTES.reduce<number[]>(
  (offsets, minutes) => [...offsets, offsets.at(-1)! + minutes * MINUTE],
  [0],
);

/**
 * Resend remembers an idempotency key for 24 hours from its first use. An hour is left spare
 * for a late schedule, so a retry inside this window is always recognised as a repeat.
 */
export const KEY_WINDOW_MS = 23 * HOUR;

/** A new enquiry's record, written before any attempt: if the process stops, the schedule has it. */
export function newWaitingEnquiry(email: WaitingEnquiry["email"], reference: string, now: number): WaitingEnquiry {
  return { reference, receivedAt: now, email, attempts: [], nextAttemptAt: now + ATTEMPT_OFFSETS_MS[1]! };
}

/** An idempotency key after the first: Resend has forgotten the ones before, or they did not arrive. */
const keyOfGeneration = (key: string, generation: number) => (generation === 0 ? key : `${key}/retry-${generation}`);

/** The fallback email's key: its own, so it is never taken for the team's. */
export const fallbackKey = (enquiry: WaitingEnquiry) => `${enquiry.email.idempotencyKey}/fallback`;

const teamAttempts = (enquiry: WaitingEnquiry) => enquiry.attempts.filter((attempt) => !attempt.fallback);
const teamSends = (enquiry: WaitingEnquiry) => (enquiry.sends ?? []).filter((send) => send.route === "team");

/** The newest key generation any attempt, acceptance or release has used. */
function currentGeneration(enquiry: WaitingEnquiry): number {
  return Math.max(
    enquiry.minKeyGeneration ?? 0,
    ...teamAttempts(enquiry).map((attempt) => attempt.keyGeneration),
    ...teamSends(enquiry).map((send) => send.keyGeneration),
  );
}

/**
 * The key the next attempt to the team may use. The same one while Resend remembers it and it
 * may yet arrive; a new one when the provider said the last email under it was not received, or
 * when Resend has forgotten it and no attempt under it can have reached Resend. Otherwise null:
 * a new key could make a second copy, so a person is asked to look (see docs/enquiries.md).
 */
export function keyForNextAttempt(enquiry: WaitingEnquiry, now: number): { key: string; generation: number } | null {
  const base = enquiry.email.idempotencyKey;
  const generation = currentGeneration(enquiry);
  const fresh = { key: keyOfGeneration(base, generation + 1), generation: generation + 1 };
  const sent = teamSends(enquiry).filter((send) => send.keyGeneration === generation);
  if (sent.at(-1)?.outcome) return fresh;
  const underThisKey = teamAttempts(enquiry).filter((attempt) => attempt.keyGeneration === generation);
  const firstUse = Math.min(...underThisKey.map((attempt) => attempt.at), ...sent.map((send) => send.at));
  if (!Number.isFinite(firstUse) || now - firstUse < KEY_WINDOW_MS) {
    return { key: keyOfGeneration(base, generation), generation };
  }
  return underThisKey.some((attempt) => attempt.maybeAccepted) ? null : fresh;
}

/** The fallback is owed: the team's address did not receive it, and nothing has gone there yet. */
export function fallbackDue(enquiry: WaitingEnquiry, fallbackTo: string | undefined): boolean {
  return (
    fallbackTo !== undefined &&
    stageOf(enquiry).stage === "not-received" &&
    !(enquiry.sends ?? []).some((send) => send.route === "fallback")
  );
}

/** When the next attempt is due after one that failed. */
function nextAttemptAt(enquiry: WaitingEnquiry, at: number): number {
  if (stageOf(enquiry).stage === "not-received") return at + RETRY_EVERY_MS;
  const made = teamAttempts(enquiry).filter((attempt) => !attempt.forced).length;
  const offset = ATTEMPT_OFFSETS_MS[made];
  if (offset !== undefined) return enquiry.receivedAt + offset;
  return enquiry.receivedAt + ATTEMPT_OFFSETS_MS.at(-1)! + (made - ATTEMPT_OFFSETS_MS.length + 1) * RETRY_EVERY_MS;
}

export interface AttemptOptions {
  /** A person asked for it now: recorded, but it does not move the schedule on. */
  forced?: boolean;
  /**
   * The provider's signed events are set up (RESEND_WEBHOOK_SECRET): an accepted email waits for
   * `email.delivered`. Without them, accepted counts as delivered, as it must for the outbox.
   */
  confirmDelivery?: boolean | undefined;
  /** ENQUIRY_FALLBACK_TO_EMAIL: where it goes when the team's address did not receive it. */
  fallbackTo?: string | undefined;
}

export type AttemptOutcome =
  /** In the team's inbox, as far as anything will ever say: the record can go. */
  | { kind: "delivered"; alreadyAccepted: boolean }
  /** Accepted; the record to write back waits for the provider's word on it. */
  | { kind: "accepted"; enquiry: WaitingEnquiry; emailId: string | null; route: AcceptedSend["route"] }
  /** The record to write back: the attempt added and the next one planned, or held. */
  | { kind: "failed"; enquiry: WaitingEnquiry; reason: string };

/** One attempt to send: to the fallback address when one is owed, else to the team. */
export async function attemptDelivery(
  enquiry: WaitingEnquiry,
  mailer: Mailer,
  now: () => number,
  options: AttemptOptions,
): Promise<AttemptOutcome> {
  const { forced = false, confirmDelivery = false, fallbackTo } = options;
  const toFallback = fallbackDue(enquiry, fallbackTo);
  const key = toFallback ? { key: fallbackKey(enquiry), generation: 0 } : keyForNextAttempt(enquiry, now());
  if (!key) {
    return {
      kind: "failed",
      enquiry: { ...enquiry, nextAttemptAt: null, heldBecause: "maybe-sent" },
      reason: "maybe-sent",
    };
  }
  const at = now();
  const email = toFallback ? fallbackEmail(enquiry, fallbackTo!) : enquiry.email;
  const result = await mailer.send({ ...email, idempotencyKey: key.key });
  const route = toFallback ? "fallback" : "team";

  if (result.ok && !confirmDelivery) return { kind: "delivered", alreadyAccepted: "alreadyAccepted" in result };
  if (result.ok) {
    const emailId = "id" in result ? result.id : null;
    const send: AcceptedSend = { emailId, at, route, keyGeneration: key.generation };
    return {
      kind: "accepted",
      enquiry: { ...withoutHold(enquiry), sends: [...(enquiry.sends ?? []), send], nextAttemptAt: null },
      emailId,
      route,
    };
  }

  const attempt: DeliveryAttempt = {
    at,
    reason: result.reason,
    maybeAccepted: result.maybeAccepted === true,
    keyGeneration: key.generation,
    ...(forced ? { forced: true } : {}),
    ...(toFallback ? { fallback: true } : {}),
  };
  const withAttempt = { ...enquiry, attempts: [...enquiry.attempts, attempt] };
  // A person's attempt leaves the schedule where it was.
  const next = forced && enquiry.nextAttemptAt !== null ? enquiry.nextAttemptAt : nextAttemptAt(withAttempt, at);
  return { kind: "failed", enquiry: { ...withAttempt, nextAttemptAt: next }, reason: result.reason };
}

/**
 * The provider said an email it accepted did not reach the inbox. Null when that changes nothing:
 * not one of this enquiry's emails, or already known. The fallback, when there is one, is due at
 * once; the team's address is tried again on the schedule, under a new key.
 */
export function recordNotReceived(
  enquiry: WaitingEnquiry,
  emailId: string,
  event: NotReceivedEvent,
  now: number,
  fallbackTo: string | undefined,
): WaitingEnquiry | null {
  const sends = enquiry.sends ?? [];
  const index = sends.findIndex((send) => send.emailId === emailId);
  if (index === -1 || sends[index]!.outcome) return null;
  const marked = sends.map((send, i) => (i === index ? { ...send, outcome: event, outcomeAt: now } : send));
  const updated: WaitingEnquiry = { ...enquiry, sends: marked };
  // Another email of this enquiry is still on its way (the fallback, say): wait for its word.
  if (marked.some((send) => !send.outcome)) return updated;
  return { ...updated, nextAttemptAt: fallbackDue(updated, fallbackTo) ? now : now + RETRY_EVERY_MS };
}

/**
 * A person looked in the team's inbox and the enquiry is not there: it may be sent again, now,
 * under a new key. Null when there is nothing to release (it is on the schedule already).
 */
export function releaseNotReceived(enquiry: WaitingEnquiry, now: number): WaitingEnquiry | null {
  const { stage } = stageOf(enquiry);
  if (stage === "sending" || stage === "not-received") return null;
  const sends = (enquiry.sends ?? []).map((send) =>
    send.outcome ? send : { ...send, outcome: "released" as const, outcomeAt: now },
  );
  return { ...withoutHold(enquiry), sends, minKeyGeneration: currentGeneration(enquiry) + 1, nextAttemptAt: now };
}

/** The record without its hold: sent, or released by a person. */
function withoutHold(enquiry: WaitingEnquiry): WaitingEnquiry {
  const copy = { ...enquiry };
  delete copy.heldBecause;
  return copy;
}

/** Why the fallback address gets it, in words for whoever reads that inbox. */
const NOT_RECEIVED_WORDS: Record<NotReceivedEvent | "released", string> = {
  bounced: "the team's mail server refused it (it bounced)",
  complained: "it was marked as junk at the team's address",
  failed: "the mail service could not send it there",
  suppressed: "the mail service will not send to that address any more, after an earlier bounce or junk report",
  released: "a person checked and it was not in the team's inbox",
};

/** The same email for the fallback address, with a line at the top saying why it came there. */
export function fallbackEmail(enquiry: WaitingEnquiry, fallbackTo: string): OutgoingEmail {
  const outcome = teamSends(enquiry).at(-1)?.outcome ?? "failed";
  const why =
    `This enquiry was sent to the restorative justice team's address, ${enquiry.email.to}, but did not arrive: ` +
    `${NOT_RECEIVED_WORDS[outcome]}. Please pass it to the team, and ask for their address to be checked.`;
  const escapedWhy = why.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    ...enquiry.email,
    to: fallbackTo,
    subject: `Not received by the team: ${enquiry.email.subject}`,
    text: `${why}\n\n${enquiry.email.text}`,
    html: `<p><strong>${escapedWhy}</strong></p>\n${enquiry.email.html}`,
    idempotencyKey: fallbackKey(enquiry),
  };
}
