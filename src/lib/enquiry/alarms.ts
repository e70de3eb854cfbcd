/**
 * When an enquiry needs a person: the one rule the status check and the alerts share. It reads
 * only a record's summary (its metadata), never the record, so the status check opens nothing.
 */
import type { RecordSummary } from "./waiting-enquiries.ts";

const HOUR = 60 * 60_000;

/** Not sent an hour after it arrived: the mail service has been failing for that long. */
export const DELAYED_AFTER_MS = HOUR;
/** Accepted this long ago and the provider has said nothing: it may never arrive. */
export const NOT_CONFIRMED_AFTER_MS = 3 * HOUR;
/** While an alarm lasts, it is sent again at most this often. */
export const REPEAT_ALARM_AFTER_MS = 24 * HOUR;

export const ALARM_KINDS = ["delayed", "held", "not-received", "not-confirmed", "unreadable"] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** What each alarm means, in words for the person who gets it (docs/enquiries.md says what to do). */
export const ALARM_WORDS: Record<AlarmKind, string> = {
  delayed: "not sent yet: every attempt for over an hour has failed",
  held: "held: an attempt may already have reached the mail service, so it is not sent again by itself",
  "not-received": "not received: the mail service says the team's address did not get it",
  "not-confirmed": "not confirmed: the mail service accepted it hours ago and has not said it arrived",
  unreadable: "unreadable: no store key here opens it",
};

/** The alarm a record's summary raises now, if any. `keyIds`: the keys this deploy has. */
export function alarmOf(summary: RecordSummary, now: number, keyIds: readonly string[]): AlarmKind | null {
  if (summary.stage === "unreadable" || (summary.keyId !== null && !keyIds.includes(summary.keyId))) {
    return "unreadable";
  }
  const since = summary.since ?? summary.receivedAt;
  switch (summary.stage) {
    case "not-received":
      return "not-received";
    case "held":
      return "held";
    case "awaiting":
      return since !== null && now - since >= NOT_CONFIRMED_AFTER_MS ? "not-confirmed" : null;
    case "sending":
      return summary.receivedAt !== null && now - summary.receivedAt >= DELAYED_AFTER_MS ? "delayed" : null;
  }
}

/** The alarms sent, by record name: what it was, and when it was last sent. */
export type AlarmsSent = Record<string, { kind: AlarmKind; at: number }>;

/** Whether to send this alarm now: it is new for the record, or a day has passed since the last. */
export function alarmDue(sent: AlarmsSent[string] | undefined, kind: AlarmKind, now: number): boolean {
  return sent?.kind !== kind || now - sent.at >= REPEAT_ALARM_AFTER_MS;
}
