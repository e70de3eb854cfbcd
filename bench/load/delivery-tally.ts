/**
 * What a load test's enquiries came to: the status each request got against the one it should
 * have (200 sent or 202 kept for a valid enquiry, 422 for an invalid one, never a 5xx), and the
 * emails the fake Resend API accepted, counted by idempotency key: every distinct valid enquiry
 * exactly once, none lost, none duplicated, none the load test never sent.
 */
import type { AcceptedEmail } from "../../tools/fakes/resend.ts";
import type { Job, Kind } from "./enquiry-mix.ts";

export interface Answer {
  status: number;
  /** The reference on the page, for a 200 or 202. */
  reference: string | undefined;
}

export interface Tally {
  kinds: Record<Kind, number>;
  statuses: Record<string, number>;
  /** Requests with no answer: a timeout, a refused connection, or the time limit. */
  unanswered: number;
  /** Distinct valid enquiries sent, and where their emails came from. */
  enquiries: number;
  deliveredAtOnce: number;
  deliveredByRound: number;
  lost: number;
  duplicated: number;
  /** Emails for a key the load test never sent. */
  unexpected: number;
  problems: string[];
}

/** The reference on the confirmation page, however the attribute is written (`attr` or `attr=""`). */
const REFERENCE_ON_PAGE = /\sdata-enquiry-reference(?:="")?(?=[\s>])[^>]*>\s*(RJ-[0-9A-Z]{4}-[0-9A-Z]{4})\s*</;

export const referenceOnPage = (html: string) => REFERENCE_ON_PAGE.exec(html)?.[1];

const EXPECTED: Record<Kind, number[]> = { valid: [200, 202], repeat: [200, 202], invalid: [422] };

/** `emails` as the fake has them; the first `acceptedDuringLoad` came while the requests ran. */
export function tallyDelivery(
  jobs: Job[],
  answers: (Answer | undefined)[],
  emails: AcceptedEmail[],
  acceptedDuringLoad: number,
): Tally {
  const problems: string[] = [];
  const statuses: Record<string, number> = {};
  const kinds: Record<Kind, number> = { valid: 0, invalid: 0, repeat: 0 };
  let unanswered = 0;
  const keys = new Map<string, string>();
  for (const job of jobs) {
    kinds[job.kind]++;
    if (job.idempotencyKey) keys.set(job.idempotencyKey, job.reference!);
    const answer = answers[job.index];
    if (!answer) {
      unanswered++;
      continue;
    }
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if (!EXPECTED[job.kind].includes(answer.status))
      problems.push(
        `request ${job.index} (${job.kind}): ${answer.status}, expected ${EXPECTED[job.kind].join(" or ")}`,
      );
    else if (job.reference && answer.reference !== job.reference)
      problems.push(`request ${job.index}: the page shows ${answer.reference ?? "no reference"}, not ${job.reference}`);
  }
  if (unanswered > 0) problems.push(`${unanswered} requests had no answer`);

  // Later keys for the same enquiry (after Resend forgets the first) end in /retry-N.
  const emailsByKey = new Map<string, number>();
  let unexpected = 0;
  for (const email of emails) {
    const key = email.idempotencyKey?.replace(/\/retry-\d+$/, "") ?? "(none)";
    const reference = keys.get(key);
    if (!reference) unexpected++;
    else if (!String(email.payload["subject"]).includes(reference))
      problems.push(`the email for ${reference} has the subject "${String(email.payload["subject"])}"`);
    emailsByKey.set(key, (emailsByKey.get(key) ?? 0) + 1);
  }
  let lost = 0;
  let duplicated = 0;
  for (const [key, reference] of keys) {
    const count = emailsByKey.get(key) ?? 0;
    if (count === 0) lost++;
    if (count > 1) {
      duplicated += count - 1;
      problems.push(`${count} emails for ${reference}`);
    }
  }
  if (lost > 0) problems.push(`${lost} enquiries never reached the team`);
  if (unexpected > 0) problems.push(`${unexpected} emails for enquiries the load test did not send`);
  const fiveHundreds = Object.entries(statuses).filter(([status]) => status.startsWith("5"));
  if (fiveHundreds.length > 0) problems.push(`5xx answers: ${fiveHundreds.map(([s, n]) => `${n} × ${s}`).join(", ")}`);
  return {
    kinds,
    statuses,
    unanswered,
    enquiries: keys.size,
    deliveredAtOnce: acceptedDuringLoad,
    deliveredByRound: emails.length - acceptedDuringLoad,
    lost,
    duplicated,
    unexpected,
    problems,
  };
}
