/**
 * Enquiries not yet in the team's inbox, as records in the store: each one sealed whole
 * (sealed.ts), so the store holds nothing readable. A record's name is its idempotency hash,
 * which says nothing about the person and makes the same enquiry sent twice one record. Beside
 * each record, in its metadata, a summary (stage, times, key) that the status check reads
 * without opening anything; for each email the provider accepted, an index entry from the
 * provider's id to the record, so a mail event finds its enquiry; and two notes of the rounds'
 * own (the last round, the alarms sent), which hold references and times only.
 */
import type { OutgoingEmail } from "./mailers/mailer.ts";
import { keyId, open, seal, type StoreKeys } from "./sealed.ts";
import type { EnquiryStore, EntryMetadata } from "./store.ts";

export interface DeliveryAttempt {
  at: number;
  /** An error name or status, safe to log. */
  reason: string;
  /** The API may have taken it (a timeout, a 5xx): a new idempotency key could send it twice. */
  maybeAccepted: boolean;
  /** Which idempotency key the attempt used: 0 is the enquiry's own, later ones follow it. */
  keyGeneration: number;
  /** Asked for by a person (`npm run enquiries -- deliver`), so it does not use up the schedule. */
  forced?: boolean;
  /** To the fallback address, after the team's address did not receive it. */
  fallback?: boolean;
}

/** What the provider said became of an email it accepted, when that was not "delivered". */
export type NotReceivedEvent = "bounced" | "complained" | "failed" | "suppressed";

/** An email the provider accepted: delivered only when its `email.delivered` event comes. */
export interface AcceptedSend {
  /** The provider's id, which its events name; null when it answered "accepted before". */
  emailId: string | null;
  at: number;
  route: "team" | "fallback";
  keyGeneration: number;
  /** Not received, by the provider's word, or by a person who looked in the inbox ("released"). */
  outcome?: NotReceivedEvent | "released";
  outcomeAt?: number;
}

export interface WaitingEnquiry {
  reference: string;
  receivedAt: number;
  /** Exactly what is sent on every attempt, so a retry under the same key is the same request. */
  email: OutgoingEmail;
  attempts: DeliveryAttempt[];
  /** When the next attempt is due; null while none is planned (see stageOf in delivery.ts). */
  nextAttemptAt: number | null;
  /** No attempt can be made without risking a second copy: a person must look first. */
  heldBecause?: "maybe-sent";
  /** Emails the provider accepted for this enquiry, oldest first. */
  sends?: AcceptedSend[];
  /** A person released it: the next attempt takes a key at least this new. */
  minKeyGeneration?: number;
}

/** Where a record stands, for the status check and the alarms: no personal data, nothing typed. */
export interface RecordSummary {
  stage: "sending" | "awaiting" | "not-received" | "held" | "unreadable";
  receivedAt: number | null;
  /** When the record reached this stage. */
  since: number | null;
  /** Which key sealed it (sealed.ts keyId). */
  keyId: string | null;
}

export interface ReadEnquiry {
  name: string;
  enquiry: WaitingEnquiry;
  version: string;
  summary: RecordSummary;
  /** Opened with one of ENQUIRY_STORE_OLD_KEYS: the next write seals it under the current key. */
  sealedWithOldKey: boolean;
}

/** A record that cannot be opened: another key, or a changed byte. Its version allows replacing it. */
export interface UnreadableEnquiry {
  name: string;
  unreadable: string;
  version: string;
  summary: RecordSummary;
  /** The sealed text as stored, so its summary can be rewritten without touching it. */
  sealedText: string;
}

export type ReadResult = ReadEnquiry | UnreadableEnquiry;

/** Every record's name starts so; the index and the bookkeeping entries do not. */
export const RECORD_PREFIX = "enquiry-";
const EMAIL_INDEX_PREFIX = "email-id-";

/** The record's name in the store, from the enquiry's idempotency key. */
export const recordName = (idempotencyKey: string) => idempotencyKey.replace(/^enquiry\//, RECORD_PREFIX);

/** The provider's ids are UUIDs; anything else is not looked up. */
const emailIndexName = (emailId: string) =>
  /^[A-Za-z0-9-]{1,100}$/.test(emailId) ? `${EMAIL_INDEX_PREFIX}${emailId}` : null;

/** The summary kept in a record's metadata, from what the metadata holds (absent on old records). */
export function summaryFrom(metadata: EntryMetadata): RecordSummary {
  const number = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const stages: readonly RecordSummary["stage"][] = ["sending", "awaiting", "not-received", "held", "unreadable"];
  const stage = stages.find((known) => known === metadata["stage"]) ?? "sending";
  return {
    stage,
    receivedAt: number(metadata["receivedAt"]),
    since: number(metadata["since"]),
    keyId: text(metadata["keyId"]),
  };
}

const asMetadata = (summary: RecordSummary): EntryMetadata => ({ ...summary });

/** The rounds' own notes: the last round (for the status check), and the alarms sent. */
export type Note = "note-last-round" | "note-alarms-sent";

/**
 * Where an enquiry stands:
 * - sending: no email accepted yet (or the last one not received); attempts on the schedule;
 * - awaiting: the provider accepted it and has not yet said it was delivered;
 * - not-received: the provider said it bounced, was suppressed, failed or was marked as junk;
 * - held: no attempt can be made without risking a second copy, so a person must look first.
 */
export function stageOf(enquiry: WaitingEnquiry): Pick<RecordSummary, "stage" | "since"> {
  // The team's address decides: a fallback on its way does not end "not received".
  const last = enquiry.sends?.filter((send) => send.route === "team").at(-1);
  if (last && !last.outcome) return { stage: "awaiting", since: last.at };
  if (last) return { stage: "not-received", since: last.outcomeAt ?? last.at };
  if (enquiry.heldBecause) return { stage: "held", since: enquiry.attempts.at(-1)?.at ?? enquiry.receivedAt };
  return { stage: "sending", since: enquiry.receivedAt };
}

export function createWaitingEnquiries(store: EnquiryStore, keys: StoreKeys | Buffer) {
  const { current, old } = Buffer.isBuffer(keys) ? { current: keys, old: [] } : keys;
  const currentKeyId = keyId(current);

  const sealRecord = (name: string, enquiry: WaitingEnquiry) => seal(current, JSON.stringify(enquiry), name);
  const summarise = (enquiry: WaitingEnquiry): RecordSummary => ({
    ...stageOf(enquiry),
    receivedAt: enquiry.receivedAt,
    keyId: currentKeyId,
  });

  /** Tries the current key, then each old one. */
  function openRecord(name: string, text: string): { enquiry: WaitingEnquiry; old: boolean } {
    let firstError: unknown;
    for (const [index, key] of [current, ...old].entries()) {
      try {
        return { enquiry: JSON.parse(open(key, text, name)) as WaitingEnquiry, old: index > 0 };
      } catch (error) {
        firstError ??= error;
      }
    }
    throw firstError;
  }

  return {
    /** The id of the key that seals new records, as kept in each record's summary. */
    currentKeyId,
    /** The ids of every key that opens records here: the status check's test for "unreadable". */
    keyIds: [current, ...old].map(keyId),

    /** Saves a new enquiry; "exists" when the same one is already waiting. */
    save: (enquiry: WaitingEnquiry) => {
      const name = recordName(enquiry.email.idempotencyKey);
      return store.create(name, sealRecord(name, enquiry), asMetadata(summarise(enquiry)));
    },

    async read(name: string): Promise<ReadResult | null> {
      const stored = await store.read(name);
      if (!stored) return null;
      const summary = summaryFrom(stored.metadata);
      try {
        const opened = openRecord(name, stored.text);
        return { name, enquiry: opened.enquiry, version: stored.version, summary, sealedWithOldKey: opened.old };
      } catch (error) {
        // Another key, or a changed byte: kept, never deleted unread, and reported by name only.
        return {
          name,
          unreadable: error instanceof Error ? error.message : "unreadable",
          version: stored.version,
          summary,
          sealedText: stored.text,
        };
      }
    },

    /**
     * Writes the record over the version read, sealed under the current key; false if someone
     * else changed it first. An unreadable record is replaced only by the same enquiry sent
     * again, which has its name.
     */
    update: (read: ReadResult, enquiry: WaitingEnquiry) =>
      store.update(read.name, sealRecord(read.name, enquiry), read.version, asMetadata(summarise(enquiry))),

    /** Marks, in its summary alone, a record no key here opens, so the status check sees it. */
    markUnreadable: (read: UnreadableEnquiry) =>
      store.update(read.name, read.sealedText, read.version, asMetadata({ ...read.summary, stage: "unreadable" })),

    /** One of the rounds' own notes (JSON, nothing personal), or null when there is none yet. */
    async readNote<T>(name: Note): Promise<T | null> {
      const found = await store.read(name);
      if (!found) return null;
      try {
        return JSON.parse(found.text) as T;
      } catch {
        return null;
      }
    },
    writeNote: (name: Note, value: unknown) => store.write(name, JSON.stringify(value)),

    /** Notes which record an accepted email belongs to, for its mail events. */
    async index(emailId: string | null, name: string): Promise<void> {
      const entry = emailId === null ? null : emailIndexName(emailId);
      if (entry) await store.write(entry, name);
    },

    /** The record an accepted email belongs to, if any. */
    async findByEmailId(emailId: string): Promise<string | null> {
      const entry = emailIndexName(emailId);
      if (!entry) return null;
      const found = await store.read(entry);
      return found?.text.startsWith(RECORD_PREFIX) ? found.text : null;
    },

    /** The record goes, and with it every index entry that points at it. */
    async remove(name: string, enquiry?: WaitingEnquiry): Promise<void> {
      await store.remove(name);
      for (const send of enquiry?.sends ?? []) {
        const entry = send.emailId === null ? null : emailIndexName(send.emailId);
        if (entry) await store.remove(entry);
      }
    },

    /** Every record's name, in a stable order. */
    names: async () => (await store.names(RECORD_PREFIX)).sort(),

    /** The summaries alone, for the status check: nothing is opened. */
    async summaries(names: readonly string[], parallel = 16): Promise<RecordSummary[]> {
      const found: RecordSummary[] = [];
      for (let start = 0; start < names.length; start += parallel) {
        const batch = await Promise.all(names.slice(start, start + parallel).map((name) => store.readMetadata(name)));
        for (const entry of batch) if (entry) found.push(summaryFrom(entry.metadata));
      }
      return found;
    },
  };
}

export type WaitingEnquiries = ReturnType<typeof createWaitingEnquiries>;
