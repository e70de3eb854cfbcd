/**
 * One pass over the waiting enquiries: each one that is due gets an attempt, each delivered one
 * is deleted, and each past its 30 days is deleted. The scheduled function runs a round every
 * few minutes; `npm run enquiries -- deliver` runs one at once, with every enquiry due.
 */
import { attemptDelivery, KEEP_FOR_MS } from "./delivery.ts";
import type { LogEvent } from "./handler.ts";
import type { Mailer } from "./mailers/mailer.ts";
import type { ReadEnquiry, WaitingEnquiries } from "./waiting-enquiries.ts";

export interface RoundOptions {
  waiting: WaitingEnquiries;
  mailer: Mailer;
  now: () => number;
  log: (event: LogEvent) => void;
  /** Every enquiry now, whatever its next attempt's time: a person asked for it. */
  forced?: boolean;
  /**
   * No new attempt starts after this long, so the round ends inside a scheduled function's
   * 30 seconds (a send takes 8 at most); the rest wait for the next round.
   */
  startAttemptsWithinMs?: number;
}

export interface RoundTally {
  delivered: number;
  /** Not delivered this round, with another attempt planned. */
  waiting: number;
  /** No attempt planned: the team has been alerted. */
  held: number;
  expired: number;
  /** Sealed under another key or damaged: kept, and reported by name. */
  unreadable: number;
  /** Due, but the round ran out of time before reaching them. */
  leftForNextRound: number;
  /** References of the held ones, for the person running the command. */
  heldReferences: string[];
}

export const SCHEDULED_ROUND_ATTEMPT_WINDOW_MS = 15_000;

export async function deliveryRound(options: RoundOptions): Promise<RoundTally> {
  const { waiting, mailer, now, log, forced = false } = options;
  const startedAt = now();
  const tally: RoundTally = {
    delivered: 0,
    waiting: 0,
    held: 0,
    expired: 0,
    unreadable: 0,
    leftForNextRound: 0,
    heldReferences: [],
  };
  const countHeldOrWaiting = ({ enquiry }: ReadEnquiry) => {
    if (enquiry.nextAttemptAt === null) {
      tally.held++;
      tally.heldReferences.push(enquiry.reference);
    } else tally.waiting++;
  };

  const due: ReadEnquiry[] = [];
  for (const name of await waiting.names()) {
    const read = await waiting.read(name);
    if (!read) continue; // delivered by another round since the list was made
    if ("unreadable" in read) {
      tally.unreadable++;
      log({ event: "enquiry.unreadable", record: name });
      continue;
    }
    if (now() >= read.enquiry.receivedAt + KEEP_FOR_MS) {
      await waiting.remove(name);
      tally.expired++;
      log({ event: "enquiry.expired", reference: read.enquiry.reference });
      continue;
    }
    const isDue = forced || (read.enquiry.nextAttemptAt !== null && read.enquiry.nextAttemptAt <= now());
    if (isDue) due.push(read);
    else countHeldOrWaiting(read);
  }
  // Longest waiting first.
  due.sort((a, b) => a.enquiry.receivedAt - b.enquiry.receivedAt);

  const window = options.startAttemptsWithinMs ?? Infinity;
  for (const read of due) {
    if (now() - startedAt > window) {
      tally.leftForNextRound++;
      continue;
    }
    const { reference } = read.enquiry;
    const outcome = await attemptDelivery(read.enquiry, mailer, now, { forced });
    if (outcome.delivered) {
      await waiting.remove(read.name);
      tally.delivered++;
      log({ event: outcome.alreadyAccepted ? "enquiry.already-accepted" : "enquiry.delivered", reference });
      continue;
    }
    // Another round changed it first; that round's record stands.
    if (!(await waiting.update(read, outcome.enquiry))) continue;
    const attempts = outcome.enquiry.attempts.length;
    if (outcome.enquiry.heldBecause && !read.enquiry.heldBecause) {
      // The one line to alert on: a person's message that the schedule could not deliver.
      log({ event: "enquiry.alert", reference, why: outcome.enquiry.heldBecause, attempts, reason: outcome.reason });
    } else {
      log({ event: "enquiry.retry-failed", reference, attempts, reason: outcome.reason });
    }
    countHeldOrWaiting({ ...read, enquiry: outcome.enquiry });
  }
  log({ event: "enquiry.round", ...numbersOf(tally) });
  return tally;
}

const numbersOf = ({ heldReferences: _, ...numbers }: RoundTally) => numbers;
