/**
 * The team's two commands on the waiting enquiries, `waiting` and `deliver`, on the local store
 * (the one `npm start` and `npm run preview` use) or, with `--live`, on the live site's.
 * Everything they need comes in as arguments, so a test can run them against any store and clock.
 */
import { deliveryRound } from "../../../src/lib/enquiry/delivery-round.ts";
import { KEEP_FOR_MS } from "../../../src/lib/enquiry/delivery.ts";
import { chooseMailer, type Env } from "../../../src/lib/enquiry/mailers/choose-mailer.ts";
import { storeKeyFrom } from "../../../src/lib/enquiry/sealed.ts";
import type { EnquiryStore } from "../../../src/lib/enquiry/store.ts";
import { createWaitingEnquiries, type WaitingEnquiry } from "../../../src/lib/enquiry/waiting-enquiries.ts";

export const USAGE = `Usage: npm run enquiries -- <waiting | deliver> [--live | --blobs-folder DIR]

  waiting   prints every enquiry not yet in the team's inbox, decrypted
  deliver   tries to deliver every waiting enquiry now, whatever its next attempt's time

Without --live: the store in this project folder, which npm start and npm run preview use
(.netlify/blobs-serve/), or the one in DIR.
With --live: the live site's store. Set NETLIFY_SITE_ID, NETLIFY_AUTH_TOKEN and
ENQUIRY_STORE_KEY (and for deliver RESEND_API_KEY) in the shell first. See docs/enquiries.md.

The output holds people's own words: run it on a trusted machine and do not copy it anywhere.`;

export interface CommandOptions {
  command: string | undefined;
  live: boolean;
  env: Env;
  store: EnquiryStore;
  now: () => number;
  out: (line: string) => void;
}

/** Runs one command; the exit code: 0 done, 1 something needs a person, 2 a wrong command. */
export async function runEnquiriesCommand(options: CommandOptions): Promise<number> {
  const { command, live, out, now } = options;
  if (command !== "waiting" && command !== "deliver") {
    out(USAGE);
    return 2;
  }
  // The live store's key must be a real one; locally the development key is fine.
  const env = { ...options.env, CONTEXT: live ? "production" : "dev" };
  const key = storeKeyFrom(env);
  if ("error" in key) {
    out(key.error);
    return 1;
  }
  const waiting = createWaitingEnquiries(options.store, key.key);
  if (command === "waiting") return printWaiting(waiting, now, out);

  const chosen = chooseMailer(env);
  if ("error" in chosen) {
    out(chosen.error);
    return 1;
  }
  const tally = await deliveryRound({
    waiting,
    mailer: chosen.mailer,
    now,
    forced: true,
    // The events, as the function would log them: references and error names only.
    log: (event) => out(JSON.stringify(event)),
  });
  out(
    `Delivered ${tally.delivered}. Still waiting: ${tally.waiting}. Held: ${tally.held}. ` +
      `Deleted after 30 days: ${tally.expired}. Unreadable: ${tally.unreadable}.`,
  );
  if (tally.heldReferences.length > 0) {
    out(
      `Held, not sent again: ${tally.heldReferences.join(", ")}. Look for each reference in the team's inbox; ` +
        "`npm run enquiries -- waiting` shows the message, to pass on by hand if it is not there.",
    );
  }
  return tally.waiting + tally.held + tally.unreadable > 0 ? 1 : 0;
}

async function printWaiting(
  waiting: ReturnType<typeof createWaitingEnquiries>,
  now: () => number,
  out: (line: string) => void,
): Promise<number> {
  const names = await waiting.names();
  let unreadable = 0;
  const found: WaitingEnquiry[] = [];
  for (const name of names) {
    const read = await waiting.read(name);
    if (!read) continue;
    if ("unreadable" in read) {
      unreadable++;
      out(`${name}: cannot be opened with this ENQUIRY_STORE_KEY (${read.unreadable})`);
    } else found.push(read.enquiry);
  }
  found.sort((a, b) => a.receivedAt - b.receivedAt);
  out(`${found.length} enquir${found.length === 1 ? "y" : "ies"} waiting.`);
  for (const enquiry of found) out(describe(enquiry, now()));
  return unreadable > 0 ? 1 : 0;
}

const when = (time: number) =>
  new Date(time)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");

/** One enquiry as the team reads it: where it stands, then the email exactly as it will go. */
export function describe(enquiry: WaitingEnquiry, now: number): string {
  const last = enquiry.attempts.at(-1);
  const next =
    enquiry.nextAttemptAt === null
      ? enquiry.heldBecause === "maybe-sent"
        ? "none: it may already be in the inbox, so it is not sent again by itself"
        : "none: every scheduled attempt has been made"
      : when(enquiry.nextAttemptAt);
  return [
    "",
    "=".repeat(72),
    `Reference:     ${enquiry.reference}`,
    `Received:      ${when(enquiry.receivedAt)}`,
    `Attempts:      ${enquiry.attempts.length}${last ? `, the last at ${when(last.at)}: ${last.reason}` : ""}`,
    `Next attempt:  ${next}`,
    `Deleted after: ${when(enquiry.receivedAt + KEEP_FOR_MS)}${now >= enquiry.receivedAt + KEEP_FOR_MS ? " (due now)" : ""}`,
    `Subject:       ${enquiry.email.subject}`,
    ...(enquiry.email.replyTo ? [`Reply to:      ${enquiry.email.replyTo}`] : []),
    "-".repeat(72),
    enquiry.email.text,
  ].join("\n");
}
