/**
 * The enquiry function's work, free of Netlify: a Request in, a Response out. It checks where
 * the form came from and what it holds, validates it, saves it sealed, tries once to email it
 * and answers with a page of the site: sent, or kept to be delivered. Nothing the visitor
 * wrote reaches a log, a header or an address.
 */
import { enquiryDigest } from "./reference.ts";
import { renderEnquiryEmail } from "./email.ts";
import { fillConfirmationPage, fillFormPage } from "./pages.ts";
import {
  CONFIRMATION_PAGE,
  enquiryPageIn,
  FORM_PAGE,
  KEPT_PAGE,
  problemPageIn,
  type EnquiryPage,
} from "./enquiry-pages.ts";
import { writePage, type PageTemplate } from "./page-template.ts";
import type { EnquiryProblemId } from "./problems.ts";
import { isTranslation, languageOfPath } from "../../i18n/languages.ts";
import { ENQUIRY_FIELDS, HONEYPOT_FIELD, parseEnquiry, type EnquiryAnswers } from "./schema.ts";
import { readBodyWithin, BodyTooLargeError } from "./read-body.ts";
import { SECURITY_HEADERS } from "../security-headers.ts";
import { attemptDelivery, newWaitingEnquiry, type AttemptOutcome } from "./delivery.ts";
import { settleAttempt } from "./delivery-round.ts";
import { errorName } from "./error-name.ts";
import type { EnquiryAddresses } from "./mailers/choose-mailer.ts";
import type { Mailer, OutgoingEmail } from "./mailers/mailer.ts";
import { recordName, stageOf, type WaitingEnquiries, type WaitingEnquiry } from "./waiting-enquiries.ts";

/**
 * Far more than any real form: every field at its longest, in four-byte characters and
 * percent-encoded, is under 64 KiB. A message pasted in at many times the limit is still read,
 * so it comes back as "too long" with every answer kept; only a body past this is refused.
 */
export const MAX_BODY_BYTES = 512 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export {
  CONFIRMATION_PAGE,
  enquiryPageIn,
  ENQUIRY_PAGES,
  FILLED_PAGES,
  FORM_PAGE,
  KEPT_PAGE,
  type EnquiryPage,
} from "./enquiry-pages.ts";

/** One line of the log: event names, references and error names only, never what was typed. */
export type LogEvent = Record<string, string | number>;

export interface EnquiryHandlerOptions {
  /** The template of the built page at that path (page-template.ts), ready to fill. */
  loadPage: (path: EnquiryPage) => Promise<PageTemplate>;
  /** How to send, or why nothing can be sent (say, no API key in production). */
  mailer: Mailer | { error: string };
  addresses: EnquiryAddresses | { error: string };
  /** Where enquiries wait until delivered, or why there is nowhere (say, no store key). */
  waiting: WaitingEnquiries | { error: string };
  /**
   * Resend's signed events are set up: an accepted email waits for `email.delivered`.
   * Without them (local runs), accepted counts as delivered.
   */
  confirmDelivery?: boolean;
  now: () => number;
  log: (event: LogEvent) => void;
}

export async function handleEnquiry(request: Request, options: EnquiryHandlerOptions): Promise<Response> {
  // The form posts to its own language's address (/pl/enquire/send), so even an answer given
  // before anything is read is in the person's language.
  const language = languageOfPath(new URL(request.url).pathname);
  const formPage = async () => options.loadPage(enquiryPageIn(language, FORM_PAGE));
  // Every answer is a page of the site, with the quick exit, the phone number and a way on.
  const problem = async (status: number, id: EnquiryProblemId, extra: Record<string, string> = {}) =>
    page(status, writePage(await options.loadPage(problemPageIn(language, id))), extra);
  if (request.method !== "POST") return problem(405, "use-the-form", { Allow: "POST" });
  if (!isFromOurOwnPage(request)) {
    options.log({ event: "enquiry.refused", reason: "origin" });
    return problem(403, "other-site");
  }
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.includes(mediaType)) return problem(415, "not-read");

  let body: Uint8Array;
  try {
    body = await readBodyWithin(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    options.log({ event: "enquiry.refused", reason: "too-large" });
    return problem(413, "too-large");
  }

  let answers: EnquiryAnswers;
  let honeypot: string;
  try {
    const form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    answers = answersFrom(form);
    honeypot = firstText(form, HONEYPOT_FIELD);
  } catch {
    return problem(400, "not-read");
  }

  // A filled hidden box may be a program, or a person's browser filling forms in by itself:
  // never dropped, delivered marked so the team can tell. The rate limit brakes floods.
  // A translated form's language goes to the team, so they can arrange an interpreter.
  const marks = { possiblyAutomated: honeypot !== "", ...(isTranslation(language) ? { language } : {}) };
  if (marks.possiblyAutomated) options.log({ event: "enquiry.possibly-automated" });
  const result = parseEnquiry(answers, language);
  if (!result.ok) {
    options.log({ event: "enquiry.invalid", fields: result.errors.map(({ field }) => field).join(",") });
    return page(422, fillFormPage(await formPage(), { answers, errors: result.errors }));
  }

  const { enquiry } = result;
  const { idempotencyKey, reference } = enquiryDigest(enquiry, marks);
  const notKept = async (reason: string) => {
    options.log({ event: "enquiry.not-kept", reference, reason });
    return page(503, fillFormPage(await formPage(), { answers, sendFailed: true }));
  };
  // Set up wrongly (no sending key in production, no addresses, no store key): nothing could
  // ever deliver it, so nothing is kept, and the person is told honestly it was not sent.
  if ("error" in options.mailer) return notKept(options.mailer.error);
  if ("error" in options.addresses) return notKept(options.addresses.error);
  if ("error" in options.waiting) return notKept(options.waiting.error);
  const { mailer } = options;

  const { to, from, subjectMark = "", fallbackTo } = options.addresses;
  const rendered = renderEnquiryEmail(enquiry, reference, marks);
  const email: OutgoingEmail = {
    to,
    from,
    ...(enquiry.email ? { replyTo: enquiry.email } : {}),
    ...rendered,
    subject: `${subjectMark}${rendered.subject}`,
    idempotencyKey,
  };

  // Saved first, sealed: from here on the message cannot be lost, whatever happens to the send.
  let kept: { enquiry: WaitingEnquiry; sentBefore: boolean };
  try {
    kept = await saveOrFind(options.waiting, newWaitingEnquiry(email, reference, options.now()));
  } catch (error) {
    return notKept(`store: ${errorName(error)}`);
  }
  options.log({ event: "enquiry.saved", reference });

  const sentPage = async () =>
    page(200, fillConfirmationPage(await options.loadPage(enquiryPageIn(language, CONFIRMATION_PAGE)), reference));
  // Sent again (a refresh, "try again") after the provider took it: nothing to send twice.
  if (kept.sentBefore && stageOf(kept.enquiry).stage === "awaiting") return sentPage();

  // Sent again otherwise: a person's attempt, which leaves the schedule as it was.
  const outcome = await attemptDelivery(kept.enquiry, mailer, options.now, {
    forced: kept.sentBefore,
    confirmDelivery: options.confirmDelivery ?? false,
    fallbackTo,
  });
  if (outcome.kind === "delivered") {
    // Already accepted under this key: the team has it, perhaps from before a change of template.
    options.log({ event: outcome.alreadyAccepted ? "enquiry.already-accepted" : "enquiry.sent", reference });
    await forget(options.waiting, idempotencyKey, kept.enquiry, options.log);
    return sentPage();
  }
  // Sent, and kept until the provider says the team's inbox has it.
  const settled = await recordAttempt(options.waiting, idempotencyKey, outcome, options.log);
  if (outcome.kind === "accepted") {
    options.log({ event: "enquiry.sent", reference, confirmation: settled === "accepted" ? "awaited" : "unrecorded" });
    return sentPage();
  }

  // Not in the inbox yet, but kept: the schedule delivers it, and the page says just that.
  options.log({ event: "enquiry.waiting", reference, reason: outcome.reason });
  return page(202, fillConfirmationPage(await options.loadPage(enquiryPageIn(language, KEPT_PAGE)), reference));
}

/**
 * Saves a new enquiry, or finds the same one already waiting (sent twice, or sent again). One
 * that cannot be opened (sealed under an older key) is the same enquiry, so a readable copy
 * replaces it; if that fails, this throws, and the person is told honestly it was not kept.
 */
async function saveOrFind(
  waiting: WaitingEnquiries,
  enquiry: WaitingEnquiry,
): Promise<{ enquiry: WaitingEnquiry; sentBefore: boolean }> {
  if ((await waiting.save(enquiry)) === "created") return { enquiry, sentBefore: false };
  const found = await waiting.read(recordName(enquiry.email.idempotencyKey));
  if (found && "enquiry" in found) return { enquiry: found.enquiry, sentBefore: true };
  if (found && (await waiting.update(found, enquiry))) return { enquiry, sentBefore: false };
  // Delivered and deleted between the two steps, or changed again: save it anew.
  if ((await waiting.save(enquiry)) === "created") return { enquiry, sentBefore: false };
  throw new StoreRaceError("The waiting enquiry changed while it was being saved.");
}

class StoreRaceError extends Error {
  override name = "StoreRaceError";
}

/** Delivered: the record goes. If that fails, the next round's send is a repeat Resend ignores. */
async function forget(waiting: WaitingEnquiries, key: string, enquiry: WaitingEnquiry, log: (event: LogEvent) => void) {
  try {
    await waiting.remove(recordName(key), enquiry);
  } catch (error) {
    log({ event: "enquiry.remove-failed", reference: enquiry.reference, reason: errorName(error) });
  }
}

/**
 * Writes the attempt into the record. If that fails, the record still waits with its schedule:
 * an accepted email is then sent again under the same key, which Resend answers with the same id.
 */
async function recordAttempt(
  waiting: WaitingEnquiries,
  key: string,
  outcome: Exclude<AttemptOutcome, { kind: "delivered" }>,
  log: (event: LogEvent) => void,
) {
  try {
    const read = await waiting.read(recordName(key));
    if (read && "enquiry" in read) return await settleAttempt(waiting, read, outcome, () => {});
  } catch (error) {
    log({ event: "enquiry.record-attempt-failed", reference: outcome.enquiry.reference, reason: errorName(error) });
  }
  return "changed";
}

/**
 * Whether the form was posted from a page of this site. Its `same-origin` referrer policy makes
 * every browser send this site's Origin with the form. A page still open from before, under
 * the old `no-referrer`, sends `Origin: null`: accepted only when Sec-Fetch-Site, which no page
 * can set, says same-origin; a page elsewhere gets "cross-site" there whatever its own policy.
 */
function isFromOurOwnPage(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === new URL(request.url).origin) return true;
  return origin === "null" && request.headers.get("sec-fetch-site") === "same-origin";
}

/** The form's own fields, first value of each: repeats and unknown fields are dropped. */
function answersFrom(form: FormData): EnquiryAnswers {
  const answers: EnquiryAnswers = {};
  for (const field of ENQUIRY_FIELDS) {
    if (form.has(field)) answers[field] = firstText(form, field);
  }
  return answers;
}

function firstText(form: FormData, field: string): string {
  const value = form.get(field);
  return typeof value === "string" ? value : "";
}

// SECURITY_HEADERS include Cache-Control: no-store, so no browser, proxy or CDN keeps answers.
const responseHeaders = (extra: Record<string, string>) => ({ ...SECURITY_HEADERS, ...extra });

function page(status: number, html: string, extra: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: responseHeaders({ "Content-Type": "text/html; charset=utf-8", ...extra }),
  });
}
