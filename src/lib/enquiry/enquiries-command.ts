/**
 * The team's commands on the enquiries not yet in the inbox, on the local store (the one
 * `npm start` and `npm run preview` use) or, with `--live`, on the live site's. Everything they
 * need comes in as arguments, so a test can run them against any store, clock and answer.
 */
import { alarmOf, ALARM_WORDS } from "./alarms.ts";
import { deliveryRound, settleAttempt } from "./delivery-round.ts";
import { attemptDelivery, releaseNotReceived } from "./delivery.ts";
import { chooseMailer, type Env } from "./mailers/choose-mailer.ts";
import { deliverySettings } from "./runtime.ts";
import { storeKeysFrom } from "./sealed.ts";
import type { EnquiryStore } from "./store.ts";
import {
  createWaitingEnquiries,
  stageOf,
  type ReadResult,
  type WaitingEnquiries,
  type WaitingEnquiry,
} from "./waiting-enquiries.ts";

export const USAGE = `Usage: npm run enquiries -- <command> [--live | --blobs-folder DIR]

  waiting                         prints every enquiry not yet in the team's inbox, decrypted,
                                  with where each stands and any alarm
  deliver                         tries every enquiry on the schedule now
  deliver --not-received RJ-…     sends one again that may already have gone or was not
                                  confirmed: only after checking the team's inbox for it
  discard RJ-…                    ends one the team has dealt with (asks first); also takes a
                                  record's name (enquiry-…) for one no key opens

Without --live: the store in this project folder, which npm start and npm run preview use
(.netlify/blobs-serve/), or the one in DIR.
With --live: the live site's store. Set NETLIFY_SITE_ID, NETLIFY_AUTH_TOKEN and
ENQUIRY_STORE_KEY (and for deliver RESEND_API_KEY) in the shell first. See docs/enquiries.md.
With --live --preview: the deploy previews' store, with the previews' ENQUIRY_STORE_KEY.

The output holds people's own words: run it on a trusted machine and do not copy it anywhere.`;

export interface CommandOptions {
  command: string | undefined;
  /** What follows the command: a reference or record name. */
  target?: string | undefined;
  /** `deliver --not-received`: a person has looked in the inbox and it is not there. */
  notReceived?: boolean;
  live: boolean;
  env: Env;
  store: EnquiryStore;
  now: () => number;
  out: (line: string) => void;
  /** Asks the person a yes-or-no question; true only for a clear yes. */
  confirm?: (question: string) => Promise<boolean>;
}

/** Runs one command; the exit code: 0 done, 1 something needs a person, 2 a wrong command. */
export async function runEnquiriesCommand(options: CommandOptions): Promise<number> {
  const { command, live, out, now, target } = options;
  const known = command === "waiting" || command === "deliver" || command === "discard";
  const needsTarget = command === "discard" || options.notReceived === true;
  if (!known || (needsTarget && !target) || (!needsTarget && target)) {
    out(USAGE);
    return 2;
  }
  // The live store's keys must be real ones; locally the development key is fine.
  const env = { ...options.env, CONTEXT: live ? "production" : "dev" };
  const keys = storeKeysFrom(env);
  if ("error" in keys) {
    out(keys.error);
    return 1;
  }
  const waiting = createWaitingEnquiries(options.store, keys);
  if (command === "waiting") return printWaiting(waiting, now, out);
  if (command === "discard") return discard(waiting, target!, options);

  const chosen = chooseMailer(env);
  if ("error" in chosen) {
    out(chosen.error);
    return 1;
  }
  const settings = deliverySettings(env);
  if (options.notReceived) return sendAgain(waiting, target!, chosen.mailer, settings, options);
  const tally = await deliveryRound({
    waiting,
    mailer: chosen.mailer,
    now,
    forced: true,
    confirmDelivery: settings.confirmDelivery,
    fallbackTo: settings.fallbackTo,
    // The events, as the function would log them: references and error names only.
    log: (event) => out(JSON.stringify(event)),
  });
  out(
    `Delivered ${tally.delivered}. Sent, waiting for the mail service to confirm: ${tally.awaiting}. ` +
      `Still waiting: ${tally.waiting}. Held: ${tally.held}. Not received: ${tally.notReceived}. ` +
      `Unreadable: ${tally.unreadable}.`,
  );
  if (tally.heldReferences.length > 0) {
    out(
      `Held, not sent again: ${tally.heldReferences.join(", ")}. Look for each reference in the team's inbox. ` +
        "If it is not there, `npm run enquiries -- deliver --not-received RJ-…` sends it again; " +
        "if it is, `npm run enquiries -- discard RJ-…` ends it.",
    );
  }
  return tally.waiting + tally.held + tally.notReceived + tally.unreadable > 0 ? 1 : 0;
}

/** The record with this reference, or this record name. */
async function find(waiting: WaitingEnquiries, target: string): Promise<ReadResult | null> {
  for (const name of await waiting.names()) {
    const read = await waiting.read(name);
    if (!read) continue;
    if (name === target || ("enquiry" in read && read.enquiry.reference === target.toUpperCase())) return read;
  }
  return null;
}

/** A person has looked in the team's inbox and it is not there: send it again now, on a new key. */
async function sendAgain(
  waiting: WaitingEnquiries,
  target: string,
  mailer: Parameters<typeof attemptDelivery>[1],
  settings: ReturnType<typeof deliverySettings>,
  { out, now }: CommandOptions,
): Promise<number> {
  const read = await find(waiting, target);
  if (!read || "unreadable" in read) {
    out(read ? `${target} cannot be opened with these keys.` : `No waiting enquiry ${target}.`);
    return 1;
  }
  const released = releaseNotReceived(read.enquiry, now());
  if (!released) {
    out(`${read.enquiry.reference} is on the schedule already: \`npm run enquiries -- deliver\` tries it now.`);
    return 1;
  }
  if (!(await waiting.update(read, released))) {
    out("It changed while this ran (a round or a mail event): run the command again.");
    return 1;
  }
  const again = await waiting.read(read.name);
  if (!again || "unreadable" in again) return 1;
  const outcome = await attemptDelivery(again.enquiry, mailer, now, {
    forced: true,
    confirmDelivery: settings.confirmDelivery,
    fallbackTo: settings.fallbackTo,
  });
  const settled = await settleAttempt(waiting, again, outcome, (event) => out(JSON.stringify(event)));
  out(
    settled === "delivered" || settled === "accepted"
      ? `${again.enquiry.reference} sent again.`
      : `${again.enquiry.reference} could not be sent now; it stays on the schedule.`,
  );
  return settled === "delivered" || settled === "accepted" ? 0 : 1;
}

/** The team has dealt with it: it goes, after the person says yes, and the command says so. */
async function discard(waiting: WaitingEnquiries, target: string, options: CommandOptions): Promise<number> {
  const { out, now, confirm } = options;
  const read = await find(waiting, target);
  if (!read) {
    out(`No waiting enquiry ${target}.`);
    return 1;
  }
  const label = "enquiry" in read ? read.enquiry.reference : read.name;
  out("enquiry" in read ? describe(read.enquiry, now()) : `${read.name}: no key here opens it.`);
  const question =
    `Delete ${label} for good? Do this only once the team has the message or has dealt with it. ` +
    "Type yes to delete it:";
  // Without a way to ask, the answer is no.
  const confirmed = confirm ? await confirm(question) : false;
  if (!confirmed) {
    out(`Kept ${label}: nothing was deleted.`);
    return 1;
  }
  await waiting.remove(read.name, "enquiry" in read ? read.enquiry : undefined);
  out(JSON.stringify({ event: "enquiry.discarded", reference: label, at: new Date(now()).toISOString() }));
  out(`Deleted ${label}.`);
  return 0;
}

async function printWaiting(waiting: WaitingEnquiries, now: () => number, out: (line: string) => void) {
  const names = await waiting.names();
  let unreadable = 0;
  const found: WaitingEnquiry[] = [];
  for (const name of names) {
    const read = await waiting.read(name);
    if (!read) continue;
    if ("unreadable" in read) {
      unreadable++;
      out(
        `${name}: unreadable: no key here opens it (${read.unreadable}). Add the key it was sealed under to ` +
          "ENQUIRY_STORE_OLD_KEYS; if that key is lost, the message is lost too: discard it by this name.",
      );
    } else found.push(read.enquiry);
  }
  found.sort((a, b) => a.receivedAt - b.receivedAt);
  out(`${found.length} enquir${found.length === 1 ? "y" : "ies"} waiting.`);
  for (const enquiry of found) out(describe(enquiry, now(), waiting.currentKeyId));
  return unreadable > 0 ? 1 : 0;
}

const when = (time: number) =>
  new Date(time)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");

const STAGE_WORDS = {
  sending: "not sent yet: on the schedule",
  awaiting: "sent: waiting for the mail service to say it was delivered",
  "not-received": "NOT RECEIVED: the mail service says the team's address did not get it",
  held: "HELD: it may already be in the team's inbox, so it is not sent again by itself",
  unreadable: "unreadable",
} as const;

/** One enquiry as the team reads it: where it stands, then the email exactly as it will go. */
export function describe(enquiry: WaitingEnquiry, now: number, keyId: string | null = null): string {
  const last = enquiry.attempts.at(-1);
  const { stage, since } = stageOf(enquiry);
  const alarm = alarmOf({ stage, since, receivedAt: enquiry.receivedAt, keyId }, now, keyId ? [keyId] : []);
  const sends = (enquiry.sends ?? []).map(
    (send) =>
      `${when(send.at)} to the ${send.route === "team" ? "team's address" : "fallback address"}` +
      `${send.outcome ? `: ${send.outcome}` : ""}`,
  );
  return [
    "",
    "=".repeat(72),
    `Reference:     ${enquiry.reference}`,
    `Received:      ${when(enquiry.receivedAt)}`,
    `Stands:        ${STAGE_WORDS[stage]}`,
    ...(alarm ? [`Alarm:         ${ALARM_WORDS[alarm]}`] : []),
    `Attempts:      ${enquiry.attempts.length}${last ? `, the last at ${when(last.at)}: ${last.reason}` : ""}`,
    ...(sends.length > 0 ? [`Accepted:      ${sends.join("; ")}`] : []),
    `Next attempt:  ${enquiry.nextAttemptAt === null ? "none planned: see above" : when(enquiry.nextAttemptAt)}`,
    `Subject:       ${enquiry.email.subject}`,
    ...(enquiry.email.replyTo ? [`Reply to:      ${enquiry.email.replyTo}`] : []),
    "-".repeat(72),
    enquiry.email.text,
  ].join("\n");
}
