/**
 * A Mailer in memory, for tests of the handler and the delivery rounds: it records every email
 * it takes, can be told to fail as an API that is down would, and keeps Resend's idempotency
 * rules, so a test can tell one email from two. Same key and same email: the first answer
 * again, nothing new sent. Same key, another email: accepted before (Resend's 409
 * invalid_idempotent_request, which the Resend mailer reads as `alreadyAccepted`).
 */
import type { Mailer, OutgoingEmail, SendResult } from "../../src/lib/enquiry/mailers/mailer.ts";

/** What a failed send says: an error name or status, and whether the email may have gone. */
export interface MailFailure {
  reason: string;
  maybeAccepted?: boolean;
}

export interface MemoryMailer extends Mailer {
  /** Every email accepted, once each, in order: what reached the team. */
  readonly emails: readonly OutgoingEmail[];
  /** Every call to send, failed or not, in order. */
  readonly attempts: readonly OutgoingEmail[];
  /** While set, every send fails with it: an outage of any length. */
  failure: MailFailure | null;
  /** The next `count` sends fail with `failure`, before any outage applies. */
  failNext(count: number, failure: MailFailure): void;
  /** Called at the start of each send, before it succeeds or fails: to look at the world then. */
  onSend: ((email: OutgoingEmail) => void) | null;
}

export function createMemoryMailer(): MemoryMailer {
  const emails: OutgoingEmail[] = [];
  const attempts: OutgoingEmail[] = [];
  const queued: MailFailure[] = [];
  const byKey = new Map<string, { fingerprint: string; id: string }>();

  const mailer: MemoryMailer = {
    name: "memory",
    emails,
    attempts,
    failure: null,
    onSend: null,
    failNext(count, failure) {
      for (let i = 0; i < count; i++) queued.push(failure);
    },
    async send(email): Promise<SendResult> {
      attempts.push(email);
      mailer.onSend?.(email);
      // A failed request leaves no trace of its key, as at Resend.
      const failure = queued.shift() ?? mailer.failure;
      if (failure) {
        return { ok: false, reason: failure.reason, ...(failure.maybeAccepted ? { maybeAccepted: true } : {}) };
      }
      const fingerprint = fingerprintOf(email);
      const remembered = byKey.get(email.idempotencyKey);
      if (remembered) {
        return remembered.fingerprint === fingerprint
          ? { ok: true, id: remembered.id }
          : { ok: true, alreadyAccepted: true };
      }
      const id = `memory-${emails.length + 1}`;
      emails.push(email);
      byKey.set(email.idempotencyKey, { fingerprint, id });
      return { ok: true, id };
    },
  };
  return mailer;
}

/** What Resend compares under one key: the request's body, which is the email without its key. */
const fingerprintOf = ({ idempotencyKey: _, ...email }: OutgoingEmail) =>
  JSON.stringify([email.from, email.to, email.replyTo ?? null, email.subject, email.text, email.html]);
