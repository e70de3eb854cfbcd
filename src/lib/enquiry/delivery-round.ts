/**
 * One pass over the waiting enquiries: each one that is due gets an attempt, each delivered one
 * is deleted, and each that needs a person raises an alarm. The scheduled function runs a round
 * every few minutes; `npm run enquiries -- deliver` runs one at once, with every enquiry due.
 * Nothing is deleted unless the team has it or a person ends it (`enquiries -- discard`).
 *
 * A round always makes progress, however many wait: it reads in parallel batches, acts on each
 * record as soon as it is read, watches its time inside the loop, and starts where the last
 * round stopped, so no record waits behind the others for ever.
 */
import { alarmDue, alarmOf, type AlarmsSent } from "./alarms.ts";
import type { Alarm, AlertSender } from "./alerts.ts";
import { attemptDelivery, type AttemptOptions, type AttemptOutcome } from "./delivery.ts";
import { errorName } from "./error-name.ts";
import type { LogEvent } from "./handler.ts";
import type { Mailer } from "./mailers/mailer.ts";
import {
  stageOf,
  type ReadEnquiry,
  type ReadResult,
  type RecordSummary,
  type WaitingEnquiries,
} from "./waiting-enquiries.ts";

export interface RoundOptions extends Omit<AttemptOptions, "forced"> {
  waiting: WaitingEnquiries;
  mailer: Mailer;
  now: () => number;
  log: (event: LogEvent) => void;
  /** Every enquiry on the schedule now, whatever its next attempt's time: a person asked for it. */
  forced?: boolean;
  /**
   * No new read or attempt starts after this long, so the round ends inside a scheduled
   * function's 30 seconds (a send takes 8 at most, the alert 4); the rest wait for the next round.
   */
  startAttemptsWithinMs?: number;
  /** Records read at once. */
  batchSize?: number;
  /** Where alarms go (ENQUIRY_ALERT_WEBHOOK_URL); without one, only the status check shows them. */
  alert?: AlertSender;
  /** Set-up problems to repeat in every round's log and in the status check (no secrets). */
  warnings?: readonly string[];
}

export interface RoundTally {
  delivered: number;
  /** Accepted by the provider, waiting for its word that the team has it. */
  awaiting: number;
  /** Not delivered yet, with another attempt planned. */
  waiting: number;
  /** No attempt can be made without a person: it may already have gone. */
  held: number;
  /** The provider said the team's address did not receive it. */
  notReceived: number;
  /** No key here opens it: kept, and reported by name. */
  unreadable: number;
  /** Not reached this round: the next one starts with them. */
  leftForNextRound: number;
  /** Alarms raised this round. */
  alarms: number;
  /** References of the held ones, for the person running the command. */
  heldReferences: string[];
}

/** What the status check reads of the last round: times, counts and problems, nothing personal. */
export interface LastRound {
  startedAt: number;
  finishedAt: number;
  /** False when the round could not run, or a record could not be read or written. */
  ok: boolean;
  /** The last record reached: the next round starts after it. */
  cursor: string | null;
  warnings: readonly string[];
  problem?: string;
}

export const SCHEDULED_ROUND_ATTEMPT_WINDOW_MS = 12_000;
const DEFAULT_BATCH_SIZE = 10;

export async function deliveryRound(options: RoundOptions): Promise<RoundTally> {
  const { waiting, mailer, now, log, forced = false, warnings = [] } = options;
  const attemptOptions: AttemptOptions = {
    forced,
    confirmDelivery: options.confirmDelivery,
    fallbackTo: options.fallbackTo,
  };
  const startedAt = now();
  const window = options.startAttemptsWithinMs ?? Infinity;
  const outOfTime = () => now() - startedAt > window;
  const tally: RoundTally = {
    delivered: 0,
    awaiting: 0,
    waiting: 0,
    held: 0,
    notReceived: 0,
    unreadable: 0,
    leftForNextRound: 0,
    alarms: 0,
    heldReferences: [],
  };
  for (const warning of warnings) log({ event: "enquiry.warning", warning });

  const names = await waiting.names();
  const last = await waiting.readNote<LastRound>("note-last-round").catch(() => null);
  const alarmsSent = (await waiting.readNote<AlarmsSent>("note-alarms-sent").catch(() => null)) ?? {};
  // Start after the last record the previous round reached, and go round.
  const start = last?.cursor ? names.findIndex((name) => name > last.cursor!) : 0;
  const ordered = start > 0 ? [...names.slice(start), ...names.slice(0, start)] : names;

  const raised: Alarm[] = [];
  const raisedFor: string[] = [];
  const sentBefore: AlarmsSent = { ...alarmsSent };
  let cursor = last?.cursor ?? null;
  let problems = 0;

  const count = (summary: Pick<RecordSummary, "stage">, reference: string) => {
    if (summary.stage === "awaiting") tally.awaiting++;
    else if (summary.stage === "held") {
      tally.held++;
      tally.heldReferences.push(reference);
    } else if (summary.stage === "not-received") tally.notReceived++;
    else tally.waiting++;
  };

  /** Adds the record's alarm, if it has one that is due to be sent. */
  const checkAlarm = (name: string, summary: RecordSummary, reference: string, reason?: string) => {
    const kind = alarmOf(summary, now(), waiting.keyIds);
    if (!kind || !alarmDue(alarmsSent[name], kind, now())) return;
    const ageMinutes = summary.receivedAt === null ? null : Math.floor((now() - summary.receivedAt) / 60_000);
    raised.push({ reference, kind, ageMinutes, ...(reason ? { reason } : {}) });
    raisedFor.push(name);
    alarmsSent[name] = { kind, at: now() };
    log({ event: "enquiry.alarm", reference, alarm: kind, ...(reason ? { reason } : {}) });
  };

  async function visit(read: ReadResult) {
    if ("unreadable" in read) {
      tally.unreadable++;
      log({ event: "enquiry.unreadable", record: read.name });
      if (read.summary.stage !== "unreadable") await waiting.markUnreadable(read);
      checkAlarm(read.name, { ...read.summary, stage: "unreadable" }, read.name);
      return;
    }
    const { enquiry } = read;
    const { reference } = enquiry;
    const { stage } = stageOf(enquiry);
    const onSchedule = (stage === "sending" || stage === "not-received") && enquiry.nextAttemptAt !== null;
    if (!onSchedule || !(forced || enquiry.nextAttemptAt! <= now())) {
      // Sealed under an old key: sealed again under the current one, changing nothing else.
      if (read.sealedWithOldKey) await waiting.update(read, enquiry);
      count(stageOf(enquiry), reference);
      checkAlarm(read.name, summaryOf(read, enquiry), reference, enquiry.attempts.at(-1)?.reason);
      return;
    }
    const outcome = await attemptDelivery(enquiry, mailer, now, attemptOptions);
    const settled = await settleAttempt(waiting, read, outcome, log);
    if (settled === "delivered") {
      tally.delivered++;
      delete alarmsSent[read.name];
      return;
    }
    if (settled === "changed" || outcome.kind === "delivered") return; // another round's record stands
    count(stageOf(outcome.enquiry), reference);
    checkAlarm(
      read.name,
      summaryOf(read, outcome.enquiry),
      reference,
      "reason" in outcome ? outcome.reason : undefined,
    );
  }

  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let reached = 0;
  for (let from = 0; from < ordered.length && !outOfTime(); from += batchSize) {
    const batch = ordered.slice(from, from + batchSize);
    const reads = await Promise.all(
      batch.map((name) =>
        waiting.read(name).catch((error: unknown) => {
          problems++;
          log({ event: "enquiry.read-failed", record: name, reason: errorName(error) });
          return null;
        }),
      ),
    );
    for (const [index, read] of reads.entries()) {
      if (outOfTime()) break;
      reached++;
      cursor = batch[index]!;
      if (!read) continue; // delivered by another round since the list was made
      try {
        await visit(read);
      } catch (error) {
        problems++;
        log({ event: "enquiry.round-record-failed", record: read.name, reason: errorName(error) });
      }
    }
  }
  tally.leftForNextRound = ordered.length - reached;
  // Reached the end: the next round starts from the beginning.
  if (reached === ordered.length) cursor = null;

  tally.alarms = raised.length;
  if (raised.length > 0) {
    const sent = options.alert ? await options.alert(raised) : null;
    // Without a receiver the status check is the only channel: noted as sent, so logs stay readable.
    if (sent === null) log({ event: "enquiry.alert-not-set-up", alarms: raised.length });
    if (sent === false) {
      log({ event: "enquiry.alert-failed", alarms: raised.length });
      // Not sent: raised again next round.
      for (const name of raisedFor) {
        if (sentBefore[name]) alarmsSent[name] = sentBefore[name];
        else delete alarmsSent[name];
      }
    }
  }
  // Forget alarms about records that are gone, once the round has seen every name.
  for (const name of Object.keys(alarmsSent)) if (!names.includes(name)) delete alarmsSent[name];
  const finished: LastRound = {
    startedAt,
    finishedAt: now(),
    ok: problems === 0,
    cursor,
    warnings,
    ...(problems > 0 ? { problem: `${problems} records could not be read or written` } : {}),
  };
  await Promise.all([
    waiting.writeNote("note-alarms-sent", alarmsSent),
    waiting.writeNote("note-last-round", finished),
  ]);
  log({ event: "enquiry.round", ...numbersOf(tally) });
  return tally;
}

/** The summary a record has once `enquiry` is written, as the status check will read it. */
const summaryOf = (read: ReadEnquiry, enquiry: ReadEnquiry["enquiry"]): RecordSummary => ({
  ...read.summary,
  ...stageOf(enquiry),
  receivedAt: enquiry.receivedAt,
});

/**
 * Writes what an attempt came to: delivered, the record goes; accepted, its index entry is
 * written, then the record; failed, the record with the attempt. "changed": someone else
 * wrote the record first, and theirs stands.
 */
export async function settleAttempt(
  waiting: WaitingEnquiries,
  read: ReadEnquiry,
  outcome: AttemptOutcome,
  log: (event: LogEvent) => void,
): Promise<"delivered" | "accepted" | "failed" | "changed"> {
  const { reference } = read.enquiry;
  if (outcome.kind === "delivered") {
    await waiting.remove(read.name, read.enquiry);
    log({ event: outcome.alreadyAccepted ? "enquiry.already-accepted" : "enquiry.delivered", reference });
    return "delivered";
  }
  // The index first: an event that comes before the record is written still finds it.
  if (outcome.kind === "accepted") await waiting.index(outcome.emailId, read.name);
  if (!(await waiting.update(read, outcome.enquiry))) return "changed";
  if (outcome.kind === "accepted") {
    log({ event: "enquiry.accepted", reference, route: outcome.route });
    return "accepted";
  }
  const held = outcome.enquiry.heldBecause && !read.enquiry.heldBecause;
  log({
    event: held ? "enquiry.held" : "enquiry.retry-failed",
    reference,
    attempts: outcome.enquiry.attempts.length,
    reason: outcome.reason,
  });
  return "failed";
}

const numbersOf = ({ heldReferences: _, ...numbers }: RoundTally) => numbers;
