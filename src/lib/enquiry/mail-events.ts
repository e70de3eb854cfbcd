/**
 * Resend's word on each email it accepted, at POST /enquire/mail-events: signed events (Svix
 * headers), checked with RESEND_WEBHOOK_SECRET through the resend SDK. `email.delivered` is
 * the only thing that deletes a waiting enquiry; a bounce, a junk report, a failure or a
 * suppression marks it "not received", raises the alarm at once and sends it to the fallback
 * address. Forged, stale or unknown events change nothing. Nothing of the event is logged but
 * its type and the reference.
 */
import { Resend } from "resend";
import { alarmDue, type AlarmsSent } from "./alarms.ts";
import type { AlertSender } from "./alerts.ts";
import { attemptDelivery, recordNotReceived } from "./delivery.ts";
import { settleAttempt } from "./delivery-round.ts";
import { errorName } from "./error-name.ts";
import type { LogEvent } from "./handler.ts";
import type { Mailer } from "./mailers/mailer.ts";
import { SECURITY_HEADERS } from "../security-headers.ts";
import type { NotReceivedEvent, ReadEnquiry, WaitingEnquiries } from "./waiting-enquiries.ts";

/** How far an event's signed time may be from ours: Svix's own tolerance. */
export const EVENT_TOLERANCE_MS = 5 * 60_000;
/** Resend's events are a few kilobytes; anything far larger is not one. */
const MAX_EVENT_BYTES = 256 * 1024;
/** Tries at a record another delivery is writing at the same moment. */
const WRITE_TRIES = 3;

/** The events that mean the email did not reach the team's inbox (Resend's names). */
export const NOT_RECEIVED_EVENTS: Readonly<Record<string, NotReceivedEvent>> = {
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.failed": "failed",
  "email.suppressed": "suppressed",
};
export const DELIVERED_EVENT = "email.delivered";

export interface MailEventOptions {
  /** RESEND_WEBHOOK_SECRET (whsec_…); without it no event can be trusted. */
  secret: string | undefined;
  waiting: WaitingEnquiries | { error: string };
  /** For the fallback email. */
  mailer: Mailer | { error: string };
  fallbackTo: string | undefined;
  alert?: AlertSender | undefined;
  now: () => number;
  log: (event: LogEvent) => void;
}

export async function handleMailEvent(request: Request, options: MailEventOptions): Promise<Response> {
  const { log, now } = options;
  if (request.method !== "POST") return answer(405, "POST only", { Allow: "POST" });
  if (!options.secret) {
    log({ event: "mail-event.refused", reason: "RESEND_WEBHOOK_SECRET is not set" });
    return answer(503, "Not set up");
  }
  const id = request.headers.get("svix-id");
  const timestamp = request.headers.get("svix-timestamp");
  const signature = request.headers.get("svix-signature");
  const payload = await readText(request);
  if (!id || !timestamp || !signature || payload === null) return refuse(log, "unsigned");
  // Checked on our own clock too, so a replay is refused however the SDK's clock is set.
  const signedAt = Number(timestamp) * 1000;
  if (!Number.isFinite(signedAt) || Math.abs(now() - signedAt) > EVENT_TOLERANCE_MS) return refuse(log, "stale");

  let event: { type?: unknown; data?: { email_id?: unknown } };
  try {
    // The SDK needs a key to be made; verifying uses only the secret.
    event = new Resend("re_unused_for_verifying").webhooks.verify({
      payload,
      headers: { id, timestamp, signature },
      webhookSecret: options.secret,
    }) as typeof event;
  } catch {
    return refuse(log, "signature");
  }

  const type = typeof event.type === "string" ? event.type : "";
  const emailId = typeof event.data?.email_id === "string" ? event.data.email_id : "";
  const notReceived = NOT_RECEIVED_EVENTS[type];
  // Sent, opened, delayed and the rest: noted by the provider, nothing to do here.
  if (!emailId || (type !== DELIVERED_EVENT && !notReceived)) return answer(200, "Ignored");
  if ("error" in options.waiting) {
    log({ event: "mail-event.failed", type, reason: "store-not-set-up" });
    return answer(503, "Not set up");
  }
  const waiting = options.waiting;

  try {
    const name = await waiting.findByEmailId(emailId);
    if (!name) {
      log({ event: "mail-event.unknown", type });
      return answer(200, "Unknown email");
    }
    for (let tries = 0; tries < WRITE_TRIES; tries++) {
      const read = await waiting.read(name);
      if (!read || "unreadable" in read) {
        log({ event: "mail-event.no-record", type });
        return answer(200, "No record");
      }
      const { reference } = read.enquiry;
      if (!(read.enquiry.sends ?? []).some((send) => send.emailId === emailId)) return answer(200, "Not this record");
      if (type === DELIVERED_EVENT) {
        // The team has it (at its address or the fallback's): the record and its index go.
        await waiting.remove(name, read.enquiry);
        log({ event: "enquiry.delivered", reference, confirmedBy: type });
        return answer(200, "Delivered");
      }
      const updated = recordNotReceived(read.enquiry, emailId, notReceived!, now(), options.fallbackTo);
      if (!updated) return answer(200, "Already known");
      if (!(await waiting.update(read, updated))) continue; // written by someone else: read again
      log({ event: "enquiry.not-received", reference, type });
      await raiseAlarm(options, waiting, name, reference, read.enquiry.receivedAt, type);
      const again = await waiting.read(name);
      if (again && "enquiry" in again) await sendFallback(options, again, waiting);
      return answer(200, "Not received: kept");
    }
    return answer(500, "Busy: send it again");
  } catch (error) {
    // The provider sends it again later; the record is as it was.
    log({ event: "mail-event.failed", type, reason: errorName(error) });
    return answer(500, "Could not record it");
  }
}

/**
 * At once: a person hears now, not at the next round; unless they were told of this one today.
 * Noted, so neither the round nor the next event repeats it within the day.
 */
async function raiseAlarm(
  options: MailEventOptions,
  waiting: WaitingEnquiries,
  name: string,
  reference: string,
  receivedAt: number,
  type: string,
) {
  const now = options.now();
  const alarmsSent = (await waiting.readNote<AlarmsSent>("note-alarms-sent")) ?? {};
  if (!alarmDue(alarmsSent[name], "not-received", now)) return;
  const ageMinutes = Math.floor((now - receivedAt) / 60_000);
  const sent = options.alert
    ? await options.alert([{ reference, kind: "not-received", ageMinutes, reason: type }])
    : null;
  options.log({ event: "enquiry.alarm", reference, alarm: "not-received", reason: type });
  if (sent === false) {
    options.log({ event: "enquiry.alert-failed", alarms: 1 });
    return;
  }
  await waiting.writeNote("note-alarms-sent", { ...alarmsSent, [name]: { kind: "not-received", at: now } });
}

/** One attempt at the fallback address now; if it fails, the round tries again. */
async function sendFallback(options: MailEventOptions, read: ReadEnquiry, waiting: WaitingEnquiries) {
  if (!options.fallbackTo || "error" in options.mailer) return;
  const outcome = await attemptDelivery(read.enquiry, options.mailer, options.now, {
    confirmDelivery: true,
    fallbackTo: options.fallbackTo,
  });
  await settleAttempt(waiting, read, outcome, options.log);
}

async function readText(request: Request): Promise<string | null> {
  const body = await request.arrayBuffer().catch(() => null);
  if (!body || body.byteLength > MAX_EVENT_BYTES) return null;
  return new TextDecoder().decode(body);
}

function refuse(log: (event: LogEvent) => void, reason: string) {
  log({ event: "mail-event.refused", reason });
  return answer(400, "Not a valid signed event");
}

function answer(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...extra },
  });
}
