/**
 * For local development: each email becomes a file in a folder instead of being sent, the
 * same multipart message (plain text and HTML) Resend would deliver, built by nodemailer's
 * MIME composer; any mail program opens it. It dedupes by idempotency key as Resend does, so
 * a double submit shows up as one file here too.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Mailer, OutgoingEmail, SendResult } from "./mailer.ts";

export interface OutboxMailerOptions {
  /** Created when missing. */
  dir: string;
  now?: () => Date;
}

export interface OutboxMailer extends Mailer {
  /** Where the files go, for the dev console to say. */
  readonly dir: string;
}

/** What the outbox remembers of a key beside each message: hashes and a time, nothing typed. */
interface KeyRecord {
  idempotencyKey: string;
  fingerprint: string;
  /** By the mailer's own clock, so tests can move it; file times follow the real one. */
  writtenAt: string;
}

/** Resend remembers a key for 24 hours; after that the same key sends again. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function createOutboxMailer({ dir, now = () => new Date() }: OutboxMailerOptions): OutboxMailer {
  // One send per key at a time, so a double click cannot slip two files past the check.
  const inFlight = new Map<string, Promise<SendResult>>();

  async function write(email: OutgoingEmail): Promise<SendResult> {
    // Enquiries hold personal data even in development: only this user may read them.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tag = keyTag(email.idempotencyKey);
    const fingerprint = sha256(
      JSON.stringify([email.from, email.to, email.replyTo ?? null, email.subject, email.text, email.html]),
    );
    const writtenAt = now();
    const previous = await findPrevious(dir, tag, email.idempotencyKey, writtenAt.getTime());
    if (previous) {
      // A different email under a used key is Resend's 409 invalid_idempotent_request, which
      // means it was accepted before: the Resend mailer reads it the same way.
      return previous.fingerprint === fingerprint ? { ok: true, id: previous.id } : { ok: true, alreadyAccepted: true };
    }

    const id = `${writtenAt
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replace(/:/g, "-")}-${tag}`;
    const record: KeyRecord = { idempotencyKey: email.idempotencyKey, fingerprint, writtenAt: writtenAt.toISOString() };
    // "wx": never overwrite, and 0o600: readable by this user only.
    await writeFile(join(dir, `${id}.eml`), await composeMessage(email, writtenAt), { flag: "wx", mode: 0o600 });
    await writeFile(join(dir, `${id}.json`), `${JSON.stringify(record, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return { ok: true, id };
  }

  return {
    name: "outbox",
    dir,
    async send(email) {
      const key = email.idempotencyKey;
      const pending = (inFlight.get(key) ?? Promise.resolve())
        .then(() => write(email))
        .catch((error: unknown): SendResult => ({ ok: false, reason: errorCode(error) }));
      inFlight.set(key, pending);
      try {
        return await pending;
      } finally {
        if (inFlight.get(key) === pending) inFlight.delete(key);
      }
    },
  };
}

/** The message as RFC 5322 text: headers encoded and folded, text and HTML as alternatives. */
async function composeMessage(email: OutgoingEmail, date: Date): Promise<Buffer> {
  // Loaded only here: a deployed function always has Resend and never needs the composer.
  const { default: MailComposer } = await import("nodemailer/lib/mail-composer");
  const message = new MailComposer({
    from: email.from,
    to: email.to,
    ...(email.replyTo === undefined ? {} : { replyTo: email.replyTo }),
    subject: email.subject,
    date,
    text: email.text,
    html: email.html,
    // Sent to Resend beside the message, not in it; kept here to tell the files apart.
    headers: { "X-Idempotency-Key": email.idempotencyKey },
  });
  return message.compile().build();
}

/** The key's hex part when it has one (enquiry/<hex>), else a hash of the key: safe in a file name. */
function keyTag(key: string): string {
  const hex = /([0-9a-f]{12,})$/i.exec(key)?.[1];
  return (hex ?? sha256(key)).slice(0, 12).toLowerCase();
}

async function findPrevious(
  dir: string,
  tag: string,
  key: string,
  nowMs: number,
): Promise<{ id: string; fingerprint: string } | undefined> {
  const names = (await readdir(dir))
    .filter((name) => name.endsWith(`-${tag}.json`))
    .sort()
    .reverse();
  for (const name of names) {
    const record = JSON.parse(await readFile(join(dir, name), "utf8")) as Partial<KeyRecord>;
    if (!(nowMs - Date.parse(record.writtenAt ?? "") <= KEY_LIFETIME_MS)) continue;
    // The tag is a prefix of the key's hash, so check the whole key before calling it the same.
    if (record.idempotencyKey !== key) continue;
    return { id: name.slice(0, -".json".length), fingerprint: record.fingerprint ?? "" };
  }
  return undefined;
}

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

/** File system errors carry a code such as EACCES; their messages hold paths, so only the code is used. */
function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === "string" && /^[A-Z_]+$/.test(code) ? code : error.name;
  }
  return "unknown_error";
}
