/**
 * Property-based fuzzing of the enquiry handler: thousands of random and hostile requests go
 * straight into handleEnquiry (src/lib/enquiry/handler.ts) through its seams, as in
 * tests/integration/enquiry-handler.integration.test.ts: the built pages read from dist/, the waiting enquiries in a
 * store in memory, a mailer in memory that keeps Resend's idempotency rules, a fixed clock and
 * the log kept in an array. No preview and no network, so it is fast.
 *
 * For every request an oracle written here, independent of the handler, says what should
 * happen (status, and whether an email is due), and these properties are checked:
 *
 *   1. never a 5xx, nor a thrown error, while the store and the mailer are healthy;
 *   2. an email only for a 200 whose body validates (parseEnquiry on the first value of each
 *      field), marked when the hidden box was filled, exactly one per new enquiry and none for
 *      a repeat, and its record deleted once it is sent;
 *   3. the email carries no visitor markup: the HTML parses to allowed elements only, the
 *      visitor's words come out of it as text exactly, no value holding <, > or " appears raw,
 *      and the subject is the reference alone (after the mark, if any);
 *   4. a 422 page gives the visitor back what they sent, as a browser parsing it reads it;
 *   5. with the mailer failing at random (and now and then the store down), every enquiry the
 *      site took in ends delivered once or waiting in the store, never neither, and the page
 *      says which truthfully: 200 "sent", 202 "we have your message", 503 "not sent";
 *   6. every log line is an event from a closed list with values from closed sets: nothing a
 *      visitor typed can be in one. No response sets a cookie or redirects.
 *
 *   npx vitest run tests/integration/enquiry-fuzz.integration.test.ts
 *   FUZZ_RUNS=20000 FUZZ_SEED=7 npx vitest run tests/integration/enquiry-fuzz.integration.test.ts
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse as parseLikeABrowser } from "parse5";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliveryRound } from "../../src/lib/enquiry/delivery-round.ts";
import { renderEnquiryEmail } from "../../src/lib/enquiry/email.ts";
import { handleEnquiry, MAX_BODY_BYTES, type LogEvent } from "../../src/lib/enquiry/handler.ts";
import type { OutgoingEmail } from "../../src/lib/enquiry/mailers/mailer.ts";
import { writePage } from "../../src/lib/enquiry/page-template.ts";
import type { EnquiryProblemId } from "../../src/lib/enquiry/problems.ts";
import { enquiryPageIn, FORM_PAGE, problemPageIn } from "../../src/lib/enquiry/enquiry-pages.ts";
import { isTranslation, LANGUAGES, type LanguageCode } from "../../src/i18n/languages.ts";
import { uiFor } from "../../src/i18n/ui.ts";
import { enquiryDigest, REFERENCE_PATTERN, type EnquiryMarks } from "../../src/lib/enquiry/reference.ts";
import {
  ENQUIRY_FIELDS,
  HONEYPOT_FIELD,
  parseEnquiry,
  type Enquiry,
  type EnquiryAnswers,
  type EnquiryField,
} from "../../src/lib/enquiry/schema.ts";
import { DEVELOPMENT_STORE_KEY } from "../../src/lib/enquiry/sealed.ts";
import { createWaitingEnquiries, recordName } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { DIST } from "../../tools/project/site-pages.ts";
import { createMemoryMailer, type MemoryMailer } from "../../tools/fakes/memory-mailer.ts";
import { createMemoryStore, type MemoryStore } from "../../tools/fakes/memory-store.ts";
import { loadBuiltPage as loadPage } from "../support/built-enquiry-pages.ts";
import {
  deliverySamples,
  enquirySamples,
  FAILURE_REASONS,
  requestFor,
  type Sample,
  SELF,
  sizeSamples,
  transportSamples,
  utf8,
  wellFormed,
  type World,
} from "../support/enquiry-fuzz-samples.ts";

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

const positiveInteger = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}".`);
  return value;
};

/** Requests in all, shared between the properties below. */
const TOTAL_RUNS = positiveInteger("FUZZ_RUNS", 3000);
/** Fixed by default, so a run can be repeated; fast-check prints it again with any failure. */
const SEED = positiveInteger("FUZZ_SEED", 20_240_611);

const SHARE = { enquiries: 0.4, transport: 0.2, sizes: 0.2, delivery: 0.2 };
const runsFor = (share: number) => Math.max(1, Math.round(TOTAL_RUNS * share));

const FORM_PAGE_TEXT_INPUTS = ["phone", "safeTimes", "email", "interpreterLanguage", "name"] as const;

// ---------------------------------------------------------------------------------------------
// The world: built pages, a store and a mailer in memory, a fixed clock, the log
// ---------------------------------------------------------------------------------------------

const TEAM_ADDRESS = "team@rj.example";
const ADDRESSES = { to: TEAM_ADDRESS, from: "Website <enquiries@rj.example>" };
/** A fixed time: nothing here may depend on the day it runs. */
const START = Date.UTC(2026, 10, 20, 9, 0, 0);
const now = () => START;

/** Fresh for each property, shared by its runs so that repeats can be told from new enquiries. */
let store: MemoryStore;
let mailer: MemoryMailer;
const waiting = () => createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY);
beforeEach(() => {
  store = createMemoryStore();
  mailer = createMemoryMailer();
});
/** The handler's log events, in order. */
const logs: LogEvent[] = [];
/** How many of each element the built form page has in each language: filling it in must add none. */
const formPageElements = new Map<LanguageCode, Record<string, number>>();

const stats = {
  runs: 0,
  started: 0,
  statuses: new Map<number, number>(),
  emails: 0,
  repeats: 0,
  kept: 0,
};

beforeAll(async () => {
  for (const code of Object.keys(LANGUAGES) as LanguageCode[])
    formPageElements.set(
      code,
      elementCounts(parseLikeABrowser(writePage(await loadPage(enquiryPageIn(code, FORM_PAGE))))),
    );
  stats.started = performance.now();
});

afterAll(() => {
  const seconds = ((performance.now() - stats.started) / 1000).toFixed(1);
  const statuses = [...stats.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  console.log(
    [
      `fuzz: ${stats.runs} runs in ${seconds} s (FUZZ_RUNS=${TOTAL_RUNS}, seed ${SEED})`,
      `fuzz: statuses ${statuses.join(", ")}; ${stats.emails} emails, ${stats.repeats} repeats sent no email, ` +
        `${stats.kept} kept to deliver later`,
    ].join("\n"),
  );
});

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

interface Expected {
  status: number;
  /** The form's language, which every page in answer is in. */
  language: LanguageCode;
  answers?: EnquiryAnswers;
  /** Set for a valid enquiry: sent (200), kept (202) or not taken in (503). */
  enquiry?: Enquiry;
  marks?: EnquiryMarks;
}

const isFormType = (contentType: string | null) =>
  contentType !== null &&
  /^[\t ]*(application\/x-www-form-urlencoded|multipart\/form-data)[\t ]*(;|$)/i.test(contentType);

const HEALTHY: World = { failure: null, storeDown: false };

async function expectedFor(sample: Sample, world: World): Promise<Expected> {
  const language = sample.language ?? "en";
  return { language, ...(await expectedStatus(sample, world, language)) };
}

async function expectedStatus(
  sample: Sample,
  world: World,
  language: LanguageCode,
): Promise<Omit<Expected, "language">> {
  if (sample.method.toUpperCase() !== "POST") return { status: 405 };
  // A browser sends `Origin: null` from a page whose referrer policy is no-referrer, as this
  // site's was; then Sec-Fetch-Site (which a page cannot set) must say it came from this origin.
  const ownPage = sample.origin === SELF || (sample.origin === "null" && sample.secFetchSite === "same-origin");
  if (!ownPage) return { status: 403 };
  if (!isFormType(sample.contentType)) return { status: 415 };
  const declared = sample.contentLength === null ? Number.NaN : Number(sample.contentLength);
  if (declared > MAX_BODY_BYTES || (sample.body?.byteLength ?? 0) > MAX_BODY_BYTES) return { status: 413 };

  let entries = sample.entries;
  if (entries === null) {
    try {
      const form = await new Response(sample.body as BodyInit | null, {
        headers: { "content-type": sample.contentType ?? "" },
      }).formData();
      entries = [...form].map(([name, value]) => [name, typeof value === "string" ? value : { file: value.name }]);
    } catch {
      return { status: 400 };
    }
  }
  const first = (name: string) => {
    const entry = entries.find(([key]) => key === name);
    return entry === undefined ? undefined : typeof entry[1] === "string" ? entry[1] : "";
  };
  const answers: EnquiryAnswers = {};
  for (const field of ENQUIRY_FIELDS) {
    const value = first(field);
    if (value !== undefined) answers[field] = value;
  }
  // A filled hidden box changes nothing but the mark: the enquiry is delivered all the same.
  const marks = {
    possiblyAutomated: (first(HONEYPOT_FIELD) ?? "") !== "",
    ...(isTranslation(language) ? { language } : {}),
  };
  const result = parseEnquiry(answers, language);
  if (!result.ok) return { status: 422, answers };
  // Saved first: a store that is down takes nothing in; a mailer that fails leaves it kept.
  const status = world.storeDown ? 503 : world.failure ? 202 : 200;
  return { status, answers, enquiry: result.enquiry, marks };
}

// ---------------------------------------------------------------------------------------------
// Sending, and checking what came back
// ---------------------------------------------------------------------------------------------

async function send(sample: Sample): Promise<Response> {
  return handleEnquiry(requestFor(sample), {
    loadPage,
    mailer,
    addresses: ADDRESSES,
    waiting: waiting(),
    now,
    log: (event) => logs.push(event),
  });
}

/** The page's title, as a browser shows it. */
function titleOf(html: string): string {
  const title = elements(parseLikeABrowser(html), "title")[0];
  return title ? textOf(title) : "";
}

/** One request through the handler, checked against the oracle and the properties. */
async function check(sample: Sample, world: World = HEALTHY): Promise<void> {
  stats.runs += 1;
  const emailsBefore = mailer.emails.length;
  const attemptsBefore = mailer.attempts.length;
  const logsBefore = logs.length;
  // A copy of what is at rest (reading it is not an operation of the store, so it works when down).
  const entriesBefore = store.entries;
  mailer.failure = world.failure;
  store.down = world.storeDown;
  const expected = await expectedFor(sample, world);
  const response = await send(sample);
  store.down = false;
  const html = await response.text();
  const words = uiFor(expected.language).enquiry;
  stats.statuses.set(response.status, (stats.statuses.get(response.status) ?? 0) + 1);

  // Property 1: nothing fails but what the world makes fail.
  if (!world.storeDown) expect(response.status, "never a 5xx with the store up").toBeLessThan(500);
  expect(response.status, "the status the oracle expects").toBe(expected.status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("set-cookie"), "never a cookie").toBeNull();
  expect(response.headers.get("location"), "never a redirect").toBeNull();
  checkLogs(logs.slice(logsBefore));

  // Properties 2 and 5: an email only for a valid enquiry, one only, and never lost.
  const newEmails = mailer.emails.slice(emailsBefore);
  if (expected.enquiry) {
    const { idempotencyKey, reference } = enquiryDigest(expected.enquiry, expected.marks);
    const name = recordName(idempotencyKey);
    const delivered = (emails: readonly OutgoingEmail[]) =>
      emails.some((email) => email.idempotencyKey === idempotencyKey);
    const sentBefore = delivered(mailer.emails.slice(0, emailsBefore));
    if (expected.status === 200) {
      expect(titleOf(html), "the page says it was sent").toMatch(new RegExp(`^${words.sent.title}`));
      expect(referenceOn(html), "the reference on the confirmation page").toBe(reference);
      expect(newEmails.map((email) => email.idempotencyKey)).toEqual(sentBefore ? [] : [idempotencyKey]);
      expect(store.entries.has(name), "delivered, so its record is deleted").toBe(false);
      if (sentBefore) stats.repeats += 1;
      else stats.emails += 1;
    } else if (expected.status === 202) {
      expect(titleOf(html), "the page says it is kept, not sent").toMatch(new RegExp(`^${words.received.title}`));
      expect(referenceOn(html), "the reference on the kept page").toBe(reference);
      expect(newEmails, "the mailer failed: nothing sent").toEqual([]);
      expect(store.entries.has(name), "not delivered, so it waits").toBe(true);
      stats.kept += 1;
    } else {
      // The store is down: nothing taken in, nothing sent, the form back with the banner.
      checkFormPage(html, expected.language, expected.answers ?? {}, []);
      expect(html).toContain(words.form.sendAgain);
      expect(mailer.attempts.length, "nothing sent when nothing could be kept").toBe(attemptsBefore);
      expect(store.entries, "nothing kept").toEqual(entriesBefore);
    }
    // Never neither: whatever the page said, a message taken in is in the inbox or waiting.
    if (expected.status !== 503)
      expect(delivered(mailer.emails) || store.entries.has(name), "delivered or waiting, never neither").toBe(true);
    expect(mailer.emails.filter((email) => email.idempotencyKey === idempotencyKey).length).toBeLessThanOrEqual(1);
    if (newEmails[0])
      checkEmail(newEmails[0], expected.enquiry, reference, sentValues(sample, expected), expected.marks ?? {});
  } else {
    expect(newEmails, "no email for a request that is not a valid enquiry").toEqual([]);
    expect(mailer.attempts.length, "no attempt either").toBe(attemptsBefore);
    expect(store.entries, "and nothing kept").toEqual(entriesBefore);
  }

  // Property 4: the form comes back as it was sent; anything else is the site's own page for it.
  if (expected.status === 422) checkFormPage(html, expected.language, expected.answers ?? {});
  const problem = PROBLEM_FOR_STATUS[expected.status];
  if (problem)
    expect(html, `the site's page for a ${expected.status}`).toBe(
      builtProblemPage(problemPageIn(expected.language, problem)),
    );
}

/** What the handler answers when it cannot take an enquiry in: a built page of the site each. */
const PROBLEM_FOR_STATUS: Partial<Record<number, EnquiryProblemId>> = {
  400: "not-read",
  403: "other-site",
  405: "use-the-form",
  413: "too-large",
  415: "not-read",
};
const builtProblemPages = new Map<string, string>();
const builtProblemPage = (path: string) => {
  if (!builtProblemPages.has(path)) builtProblemPages.set(path, readFileSync(join(DIST, path, "index.html"), "utf8"));
  return builtProblemPages.get(path)!;
};

function sentValues(sample: Sample, expected: Expected): string[] {
  const fromEntries = (sample.entries ?? []).flatMap(([, value]) => (typeof value === "string" ? [value] : []));
  return [...fromEntries, ...Object.values(expected.answers ?? {})];
}

const isReference = (value: unknown) => typeof value === "string" && REFERENCE_PATTERN.test(value);
const isFieldList = (value: unknown) =>
  typeof value === "string" && value.split(",").every((field) => (ENQUIRY_FIELDS as readonly string[]).includes(field));
/** An error's name, as the handler logs it: letters only, so never anything typed. */
const isErrorName = (value: unknown) => typeof value === "string" && /^[A-Za-z]{1,64}$/.test(value);

/**
 * Property 6: each event the handler may log, and what each of its values may be. Every value
 * comes from a closed set (a reference is a hash), so nothing a visitor typed can be in a log.
 */
const LOG_EVENTS: Record<string, Record<string, (value: unknown) => boolean>> = {
  "enquiry.refused": { reason: (value) => value === "origin" || value === "too-large" },
  "enquiry.possibly-automated": {},
  "enquiry.invalid": { fields: isFieldList },
  "enquiry.saved": { reference: isReference },
  "enquiry.sent": { reference: isReference },
  "enquiry.already-accepted": { reference: isReference },
  "enquiry.waiting": { reference: isReference, reason: (value) => FAILURE_REASONS.has(String(value)) },
  "enquiry.not-kept": {
    reference: isReference,
    reason: (value) => typeof value === "string" && /^store: [A-Za-z]{1,64}$/.test(value),
  },
  "enquiry.remove-failed": { reference: isReference, reason: isErrorName },
  "enquiry.record-attempt-failed": { reference: isReference, reason: isErrorName },
};

function checkLogs(events: LogEvent[]) {
  for (const { event, ...rest } of events) {
    const schema = LOG_EVENTS[String(event)];
    expect(schema, `log event ${String(event)}`).toBeDefined();
    for (const [key, value] of Object.entries(rest)) {
      expect(Object.hasOwn(schema!, key), `log key ${key} in ${String(event)}`).toBe(true);
      expect(schema![key]!(value), `log value ${key}=${JSON.stringify(value)} in ${String(event)}`).toBe(true);
    }
    // What the event always carries: a saved, sent or kept enquiry is always named by reference.
    for (const key of Object.keys(schema!)) expect(rest, `${String(event)} has ${key}`).toHaveProperty(key);
  }
}

// --- reading HTML as a browser does (parse5 follows the HTML standard's parser) ---

interface P5Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
  value?: string;
  data?: string;
}

function* walk(node: P5Node): Generator<P5Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
  if (node.content) yield* walk(node.content);
}
const elements = (root: P5Node, tagName?: string) =>
  [...walk(root)].filter((node) => node.tagName !== undefined && (tagName === undefined || node.tagName === tagName));
const attr = (node: P5Node, name: string) => node.attrs?.find((found) => found.name === name)?.value;
/** Text as a reader sees it, with <br> as a line break. */
function textOf(node: P5Node): string {
  if (node.nodeName === "#text") return node.value ?? "";
  if (node.tagName === "br") return "\n";
  return (node.childNodes ?? []).map(textOf).join("");
}

function elementCounts(root: P5Node): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { tagName } of elements(root)) counts[tagName!] = (counts[tagName!] ?? 0) + 1;
  return counts;
}

function referenceOn(html: string): string | undefined {
  const document: P5Node = parseLikeABrowser(html);
  const slot = elements(document).find((node) => attr(node, "data-enquiry-reference") !== undefined);
  return slot ? textOf(slot) : undefined;
}

/**
 * What a browser must read back for a value put in a page, whatever the page does: the HTML
 * parser turns CR LF and CR into LF, and NUL into U+FFFD, in text boxes and attributes alike.
 */
const asParsed = (value: string) => value.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD");

function expectShownAsSent(shown: string | undefined, sent: string, what: string) {
  expect(shown, `${what} as a browser reads it`).toBe(asParsed(sent));
}

/** Property 4: every answer back as sent, the right errors shown, nothing added to the page. */
function checkFormPage(html: string, language: LanguageCode, answers: EnquiryAnswers, errorFields?: EnquiryField[]) {
  const document: P5Node = parseLikeABrowser(html);
  const forms = elements(document, "form");
  expect(forms).toHaveLength(1);
  expect(elementCounts(document), "the same elements as the built page: none added").toEqual(
    formPageElements.get(language),
  );
  const controls = elements(forms[0]!).filter((node) => attr(node, "name") !== undefined);

  for (const field of ENQUIRY_FIELDS) {
    const sent = answers[field];
    const fieldControls = controls.filter((node) => attr(node, "name") === field);
    expect(fieldControls.length, `controls named ${field}`).toBeGreaterThan(0);
    for (const control of fieldControls) {
      if (control.tagName === "textarea") {
        const shown = (control.childNodes ?? []).map((child) => child.value ?? "").join("");
        if (sent === undefined) expect(shown).toBe("");
        else expectShownAsSent(shown, sent, field);
      } else if (attr(control, "type") === "radio") {
        const checked = attr(control, "checked") !== undefined;
        expect(checked, `${field}=${attr(control, "value")} checked`).toBe(
          sent !== undefined && attr(control, "value") === sent,
        );
      } else {
        expect((FORM_PAGE_TEXT_INPUTS as readonly string[]).includes(field), `${field} is a text box`).toBe(true);
        const shown = attr(control, "value");
        if (sent === undefined) expect(shown).toBeUndefined();
        else expectShownAsSent(shown, sent, field);
      }
    }
  }
  const honeypot = controls.find((node) => attr(node, "name") === HONEYPOT_FIELD);
  expect(honeypot && attr(honeypot, "value"), "the honeypot is never filled in").toBeUndefined();

  const wanted =
    errorFields ??
    (() => {
      const result = parseEnquiry(answers, language);
      return result.ok ? [] : result.errors.map(({ field }) => field);
    })();
  const shownErrors = elements(document)
    .filter((node) => attr(node, "data-summary-for") !== undefined && attr(node, "hidden") === undefined)
    .map((node) => attr(node, "data-summary-for"));
  expect(shownErrors, "the error summary").toEqual(wanted);
}

// --- the email ---

const EMAIL_TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "body",
  "div",
  "h1",
  "h2",
  "table",
  "tbody",
  "tr",
  "th",
  "td",
  "a",
  "strong",
  "p",
  "br",
]);
const EMAIL_ATTRIBUTES = new Set(["lang", "charset", "name", "content", "style", "scope", "href"]);
const SAFE_HREF = /^(tel:\+?\d{7,15}|mailto:[A-Za-z0-9._'+-]+@[A-Za-z0-9.-]+)$/;

/** Every fixed part of the email, for telling the template's own markup from a visitor's. */
const TEMPLATES = (["phone", "email", "either"] as const).flatMap((contactMethod) =>
  (["yes", "no"] as const).map(
    (yesNo) =>
      renderEnquiryEmail(
        {
          message: "a\nb\n\nc",
          contactMethod,
          ...(contactMethod === "email"
            ? {}
            : { phone: "07700900982", voicemail: yesNo, sayWhoWeAre: yesNo, safeTimes: "a\nb" }),
          ...(contactMethod === "phone" ? {} : { email: "sam@example.com" }),
          ...(yesNo === "yes" ? { name: "n", careCoordinator: "not-sure" as const } : {}),
        },
        "RJ-2222-2222",
        // The marked email holds every fixed part of the unmarked one, and its note besides.
        { possiblyAutomated: true },
      ).html,
  ),
);

/** NUL is dropped from the text of a page's body by the HTML parser, as every email client's would. */
const withoutNul = (text: string) => text.replace(/\0/g, "");

/** Property 3: no visitor markup in the email, and the visitor's words in it exactly. */
function checkEmail(email: OutgoingEmail, enquiry: Enquiry, reference: string, values: string[], marks: EnquiryMarks) {
  const prefix = marks.possiblyAutomated ? "Possibly automated: " : "";
  expect(email.subject, "the subject is the reference alone").toBe(`${prefix}Restorative justice enquiry ${reference}`);
  expect(email.to).toBe(TEAM_ADDRESS);
  expect(email.from).toBe(ADDRESSES.from);
  expect(email.replyTo).toBe(enquiry.email);
  expect(email.text).toContain(`\n${enquiry.message}\n(end of message)`);

  const html = email.html;
  const document: P5Node = parseLikeABrowser(html);
  for (const node of walk(document)) {
    if (node.nodeName === "#comment") expect.unreachable("a comment in the email");
    if (node.tagName === undefined) continue;
    expect(EMAIL_TAGS.has(node.tagName), `<${node.tagName}> in the email`).toBe(true);
    for (const { name, value } of node.attrs ?? []) {
      expect(EMAIL_ATTRIBUTES.has(name), `attribute ${name} in the email`).toBe(true);
      if (name === "href") expect(value).toMatch(SAFE_HREF);
    }
  }

  // The visitor's words, read back from the HTML as a mail client would show them.
  const rows = new Map(
    elements(document, "tr").map((row) => [
      textOf(elements(row, "th")[0] ?? row),
      textOf(elements(row, "td")[0] ?? row),
    ]),
  );
  expect(rows.get("Name to use")).toBe(withoutNul(enquiry.name?.replace(/\s+/g, " ") ?? "not given"));
  if (enquiry.phone !== undefined)
    expect(rows.get("Safe times to call")).toBe(withoutNul(enquiry.safeTimes ?? "not given"));
  if (enquiry.email !== undefined)
    expect(rows.get("Email")).toBe(`${enquiry.email} (replying to this email writes to this address)`);
  const messageBlock = elements(document, "div").find((div) =>
    (div.childNodes ?? []).some((child) => child.tagName === "h2" && textOf(child) === "Their message"),
  );
  const paragraphs = elements(messageBlock ?? document, "p").map(textOf);
  expect(paragraphs.join("\n\n"), "the message, read from the email").toBe(withoutNul(enquiry.message));

  // And the literal check: no value the visitor sent that holds markup characters is in the
  // HTML as it was typed (unless the template itself has that text, such as `">`).
  for (const value of values) {
    if (!/[<>"]/.test(value) || TEMPLATES.some((template) => template.includes(value))) continue;
    expect(html.includes(value), `raw ${JSON.stringify(value)} in the email HTML`).toBe(false);
  }
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

const assertProperty = (samples: fc.Arbitrary<Sample>, share: number) =>
  fc.assert(
    fc.asyncProperty(samples, (sample) => check(sample)),
    { numRuns: runsFor(share), seed: SEED },
  );

// Generous per test: a few seconds in all for the default 3,000 runs on 2 cores.
const TIMEOUT = Math.max(60_000, TOTAL_RUNS * 60);

describe("fuzzing the enquiry handler", () => {
  it(
    "hostile answers in well-formed forms: right status, one email per valid enquiry, nothing unescaped, answers kept",
    () => assertProperty(enquirySamples, SHARE.enquiries),
    TIMEOUT,
  );

  it(
    "wrong methods, origins, content types and lengths, and broken bodies: refused, never a 5xx, never an email",
    () => assertProperty(transportSamples, SHARE.transport),
    TIMEOUT,
  );

  it(
    "fields near and over their limits, and bodies near and over the 512 KiB limit",
    () => assertProperty(sizeSamples, SHARE.sizes),
    TIMEOUT,
  );

  it(
    "the mailer failing at random: every enquiry taken in is delivered once or waiting, and the page says which",
    async () => {
      /** Every enquiry the site said it had (200 or 202), by idempotency key. */
      const takenIn = new Set<string>();
      await fc.assert(
        fc.asyncProperty(deliverySamples, async ([sample, world]) => {
          await check(sample, world);
          const expected = await expectedFor(sample, world);
          if (expected.enquiry && expected.status !== 503)
            takenIn.add(enquiryDigest(expected.enquiry, expected.marks).idempotencyKey);
        }),
        { numRuns: runsFor(SHARE.delivery), seed: SEED },
      );
      expect(stats.kept, "some enquiries were kept to deliver later").toBeGreaterThan(0);

      // Then the API is back and the schedule runs: each one reaches the team exactly once.
      mailer.failure = null;
      const roundLog: LogEvent[] = [];
      const tally = await deliveryRound({
        waiting: waiting(),
        mailer,
        now,
        log: (e) => roundLog.push(e),
        forced: true,
      });
      expect(tally).toMatchObject({ waiting: 0, held: 0, unreadable: 0 });
      expect(store.records.size, "nothing left waiting").toBe(0);
      const keys = mailer.emails.map((email) => email.idempotencyKey);
      expect(new Set(keys).size, "no enquiry twice").toBe(keys.length);
      expect(new Set(keys)).toEqual(takenIn);
    },
    TIMEOUT,
  );
});

// Two bugs the fuzzing found, fixed in src/lib/enquiry/pages.ts; kept as the smallest cases.
describe("regressions the fuzzing found", () => {
  const post = (body: string) =>
    send(wellFormed({ contentType: "application/x-www-form-urlencoded", body: utf8(body), entries: null }));
  const page = async (response: Response): Promise<P5Node> => parseLikeABrowser(await response.text());

  it('an "&" in a text box comes back as typed: name=Tom &amp; Jerry is not read as "Tom & Jerry"', async () => {
    const response = await post("message=Hello&name=Tom%20%26amp%3B%20Jerry");
    expect(response.status).toBe(422);
    const name = elements(await page(response), "input").find((node) => attr(node, "name") === "name");
    expect(name && attr(name, "value")).toBe("Tom &amp; Jerry");
  });

  it("a message that starts with a line break keeps it (the parser drops one after <textarea>)", async () => {
    const response = await post("message=%0AHello");
    expect(response.status).toBe(422);
    const textarea = elements(await page(response), "textarea")[0];
    expect(textarea && textOf(textarea)).toBe("\nHello");
  });
});
