/**
 * Enquiries not yet in the team's inbox, as records in the store: each one sealed whole
 * (sealed.ts), so the store holds nothing readable. A record's name is its idempotency hash,
 * which says nothing about the person and makes the same enquiry sent twice one record.
 */
import type { OutgoingEmail } from "./mailers/mailer.ts";
import { open, seal } from "./sealed.ts";
import type { EnquiryStore } from "./store.ts";

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
}

export interface WaitingEnquiry {
  reference: string;
  receivedAt: number;
  /** Exactly what is sent on every attempt, so a retry under the same key is the same request. */
  email: OutgoingEmail;
  attempts: DeliveryAttempt[];
  /** When the next scheduled attempt is due; null when no more are planned (see `heldBecause`). */
  nextAttemptAt: number | null;
  /** Why the schedule stopped: every attempt made, or a new key might send it twice. */
  heldBecause?: "attempts-used" | "maybe-sent";
}

export interface ReadEnquiry {
  name: string;
  enquiry: WaitingEnquiry;
  version: string;
}

/** A record that cannot be opened: another key, or a changed byte. Its version allows replacing it. */
export interface UnreadableEnquiry {
  name: string;
  unreadable: string;
  version: string;
}

export type ReadResult = ReadEnquiry | UnreadableEnquiry;

/** The record's name in the store, from the enquiry's idempotency key. */
export const recordName = (idempotencyKey: string) => idempotencyKey.replace(/^enquiry\//, "enquiry-");

export function createWaitingEnquiries(store: EnquiryStore, key: Buffer) {
  const sealRecord = (name: string, enquiry: WaitingEnquiry) => seal(key, JSON.stringify(enquiry), name);

  return {
    /** Saves a new enquiry; "exists" when the same one is already waiting. */
    save: (enquiry: WaitingEnquiry) => {
      const name = recordName(enquiry.email.idempotencyKey);
      return store.create(name, sealRecord(name, enquiry));
    },

    async read(name: string): Promise<ReadResult | null> {
      const stored = await store.read(name);
      if (!stored) return null;
      try {
        return { name, enquiry: JSON.parse(open(key, stored.text, name)) as WaitingEnquiry, version: stored.version };
      } catch (error) {
        // Another key, or a changed byte: kept, never deleted unread, and reported by name only.
        return {
          name,
          unreadable: error instanceof Error ? error.message : "unreadable",
          version: stored.version,
        };
      }
    },

    /**
     * Writes the record over the version read; false if another delivery changed it first. An
     * unreadable record is replaced only by the same enquiry sent again, which has its name.
     */
    update: (read: ReadResult, enquiry: WaitingEnquiry) =>
      store.update(read.name, sealRecord(read.name, enquiry), read.version),

    remove: (name: string) => store.remove(name),

    names: () => store.names(),
  };
}

export type WaitingEnquiries = ReturnType<typeof createWaitingEnquiries>;
