/**
 * The requests of the enquiry responses corpus (tests/integration/enquiry-responses.integration.test.ts),
 * each with a name that says what it is and the world it meets. They are made here, in code,
 * and only their answers are recorded, so the same requests are sent on every run:
 *
 * - every state the form page can be sent back in, every page after it and every refusal the
 *   handler makes (src/lib/enquiry/handler.ts), by name. The rate limit's page is not here:
 *   Netlify shows it before the function is called, so the handler never answers with it;
 * - the fuzz generators' samples (enquiry-fuzz-samples.ts) at a fixed seed, in the worlds the
 *   fuzz test gives them.
 *
 * Cases that name the same sequence share a store and a mailer, in the order listed here: a
 * repeat meets the record its first send left.
 */
import fc from "fast-check";
import { MAX_BODY_BYTES } from "../../src/lib/enquiry/handler.ts";
import type { MailFailure } from "../../tools/fakes/memory-mailer.ts";
import type { LanguageCode } from "../../src/i18n/languages.ts";
import {
  deliverySamples,
  enquirySamples,
  sizeSamples,
  transportSamples,
  utf8,
  wellFormed,
  type Sample,
} from "./enquiry-fuzz-samples.ts";

/** What a case meets besides its request. Left out: the mailer and the store work, as set up locally. */
export interface CaseWorld {
  /** Every send fails with this. */
  failure?: MailFailure;
  /** Every operation of the store throws. */
  storeDown?: boolean;
  /** Set up wrongly on a deploy (no API key, no addresses, no store key): nothing can be kept. */
  missing?: "mailer" | "addresses" | "waiting";
  /** Resend's signed events are set up, so an accepted email waits for `email.delivered`. */
  confirmDelivery?: boolean;
}

export interface CorpusCase {
  /** Unique, and what a failure names. */
  name: string;
  /** Cases in one sequence share a store and a mailer, in order. */
  sequence: string;
  sample: Sample;
  world: CaseWorld;
  /**
   * The named states keep their whole body in the corpus, so a changed one shows as a diff of
   * the page; the fuzz cases keep its SHA-256, which keeps the corpus small.
   */
  keepBody: boolean;
}

// ---------------------------------------------------------------------------------------------
// The named states
// ---------------------------------------------------------------------------------------------

/** A whole, valid enquiry as a browser posts the form: every box filled, the hidden one empty. */
const VALID = {
  message: "Could I write a letter to the person who hurt me?",
  contactMethod: "either",
  phone: "07700 900982",
  voicemail: "no",
  sayWhoWeAre: "no",
  safeTimes: "Weekday mornings before nine",
  email: "sam.writer@example.com",
  interpreter: "no",
  interpreterLanguage: "",
  communication: "Large print, please",
  name: "Samantha Quill",
  careCoordinator: "not-sure",
  website: "",
};
/** Answers to change: `undefined` leaves a field out, as a browser leaves out a radio group not chosen. */
type Changes = Partial<Record<keyof typeof VALID, string | undefined>>;

/** The valid answers with some changed. */
function answersWith(changes: Changes): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...VALID, ...changes };
  return Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Markup, entities and the characters a filler must escape, in every text box. */
const MARKUP = {
  message: '\n</textarea><script>alert(1)</script> Tom &amp; Jerry said "hi" & <b>left</b>',
  safeTimes: "After 6pm <i>only</i> & never \"Fridays\" 'ever'",
  name: 'O\'Brien "Sam" <Q&A> &copy',
};

const urlencoded = (answers: Record<string, string>): Sample =>
  wellFormed({
    contentType: "application/x-www-form-urlencoded",
    body: utf8(new URLSearchParams(answers).toString()),
    entries: null,
  });

/** A fixed boundary, so the body is the same on every run (a FormData body's is random). */
const BOUNDARY = "----EnquiryCorpusBoundary7MA4YWxkTrZu0gW";
function multipart(answers: Record<string, string>): Sample {
  const parts = Object.entries(answers).map(
    ([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return wellFormed({
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: utf8(`${parts.join("")}--${BOUNDARY}--\r\n`),
    entries: null,
  });
}

const VALID_FORM = urlencoded(VALID);

/** A named state alone in its own sequence, or in a shared one. */
const state = (name: string, sample: Sample, world: CaseWorld = {}, sequence = name): CorpusCase => ({
  name,
  sequence,
  sample,
  world,
  keepBody: true,
});

const invalid = (what: string, changes: Changes) => state(`422 ${what}`, urlencoded(answersWith(changes)));

const EVERY_FIELD_WRONG: Changes = {
  message: "",
  phone: "12",
  voicemail: undefined,
  sayWhoWeAre: undefined,
  safeTimes: "s".repeat(501),
  email: "not an address",
  interpreter: "maybe",
  interpreterLanguage: "l".repeat(101),
  communication: "c".repeat(501),
  name: "n".repeat(101),
  careCoordinator: "maybe",
};

/** Every validation error, each field alone, then together. */
const VALIDATION_STATES: CorpusCase[] = [
  invalid("message missing", { message: "" }),
  invalid("message too long", { message: "a".repeat(3001) }),
  invalid("contactMethod missing", { contactMethod: undefined }),
  invalid("contactMethod not an option", { contactMethod: "sms" }),
  invalid("phone missing", { phone: "" }),
  invalid("phone invalid", { phone: "12345" }),
  invalid("voicemail missing", { voicemail: undefined }),
  invalid("voicemail not an option", { voicemail: "maybe" }),
  invalid("sayWhoWeAre missing", { sayWhoWeAre: undefined }),
  invalid("safeTimes too long", { safeTimes: "s".repeat(501) }),
  invalid("email missing", { email: "" }),
  invalid("email invalid", { email: "not an address" }),
  invalid("email too long", { email: `${"e".repeat(243)}@example.com` }),
  invalid("name too long", { name: "n".repeat(101) }),
  invalid("interpreter not an option", { interpreter: "maybe" }),
  invalid("interpreterLanguage too long", { interpreter: "yes", interpreterLanguage: "l".repeat(101) }),
  invalid("communication too long", { communication: "c".repeat(501) }),
  invalid("careCoordinator not an option", { careCoordinator: "maybe" }),
  invalid("every field wrong at once", EVERY_FIELD_WRONG),
  invalid("phone questions wrong, contact by phone", {
    contactMethod: "phone",
    phone: "",
    voicemail: undefined,
    sayWhoWeAre: undefined,
    email: "not asked, so not checked",
  }),
  invalid("nothing answered, as a browser posts the empty form", {
    message: "",
    contactMethod: undefined,
    phone: "",
    voicemail: undefined,
    sayWhoWeAre: undefined,
    safeTimes: "",
    email: "",
    interpreter: undefined,
    interpreterLanguage: "",
    communication: "",
    name: "",
    careCoordinator: undefined,
  }),
  state("422 an empty body", urlencoded({})),
  invalid("markup in every text box, answers kept as typed", { ...MARKUP, contactMethod: undefined }),
  state("422 multipart/form-data, email invalid", multipart(answersWith({ email: "not an address" }))),
];

/** The pages after a valid enquiry: sent, kept, not sent, and repeats. */
const AFTER_SENDING_STATES: CorpusCase[] = [
  state("200 sent", VALID_FORM),
  state("200 sent, contact by phone only", urlencoded(answersWith({ contactMethod: "phone", email: "" }))),
  state("200 sent, contact by email only", urlencoded(answersWith({ contactMethod: "email", phone: "" }))),
  state("200 sent, markup in the answers", urlencoded(answersWith(MARKUP))),
  state(
    "200 sent, the hidden box filled (possibly automated)",
    urlencoded(answersWith({ website: "https://spam.example" })),
  ),
  state("200 sent as multipart/form-data", multipart(VALID)),
  state("200 sent from a page open from before (Origin: null, same-origin)", {
    ...VALID_FORM,
    origin: "null",
    secFetchSite: "same-origin",
  }),
  state("200 sent, then sent again: first", VALID_FORM, {}, "repeat after delivery"),
  state("200 sent, then sent again: the repeat", VALID_FORM, {}, "repeat after delivery"),
  state("200 sent, awaiting Resend's confirmation", VALID_FORM, { confirmDelivery: true }, "repeat while awaiting"),
  state(
    "200 sent again while awaiting confirmation: nothing sent twice",
    VALID_FORM,
    { confirmDelivery: true },
    "repeat while awaiting",
  ),
  state("202 kept: the mail API unreachable", VALID_FORM, {
    failure: { reason: "network_error", maybeAccepted: true },
  }),
  state("202 kept: the mail API refusing", VALID_FORM, { failure: { reason: "422 validation_error" } }),
  state(
    "202 kept, then sent again: kept",
    VALID_FORM,
    { failure: { reason: "timeout", maybeAccepted: true } },
    "kept, then sent",
  ),
  state("202 kept, then sent again: sent", VALID_FORM, {}, "kept, then sent"),
  state("503 not sent: the store down", VALID_FORM, { storeDown: true }),
  state("503 not sent: the store down, markup in the answers", urlencoded(answersWith(MARKUP)), { storeDown: true }),
  state("503 not sent: no way to send (no API key on a deploy)", VALID_FORM, { missing: "mailer" }),
  state("503 not sent: no addresses set", VALID_FORM, { missing: "addresses" }),
  state("503 not sent: no store key set", VALID_FORM, { missing: "waiting" }),
];

/** Every refusal: a problem page of the site each, the request's answers unread or untrusted. */
const REFUSALS: CorpusCase[] = [
  ...["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"].map((method) =>
    state(`405 ${method}`, { ...VALID_FORM, method, body: ["GET", "HEAD"].includes(method) ? null : VALID_FORM.body }),
  ),
  state("403 another site's Origin", { ...VALID_FORM, origin: "https://evil.example" }),
  state("403 another site's Origin claiming same-origin", {
    ...VALID_FORM,
    origin: "https://evil.example",
    secFetchSite: "same-origin",
  }),
  state("403 our host over http", { ...VALID_FORM, origin: "http://rj.example" }),
  state("403 no Origin", { ...VALID_FORM, origin: null }),
  state("403 Origin: null without Sec-Fetch-Site", { ...VALID_FORM, origin: "null" }),
  state("403 Origin: null, cross-site", { ...VALID_FORM, origin: "null", secFetchSite: "cross-site" }),
  state("415 JSON", { ...VALID_FORM, contentType: "application/json", body: utf8(JSON.stringify(VALID)) }),
  state("415 text/plain", { ...VALID_FORM, contentType: "text/plain" }),
  state("415 no Content-Type", { ...VALID_FORM, contentType: null }),
  state("413 a body over 512 KiB", urlencoded(answersWith({ message: "x".repeat(MAX_BODY_BYTES) }))),
  state("413 streamed, over 512 KiB", {
    ...urlencoded(answersWith({ message: "x".repeat(MAX_BODY_BYTES) })),
    stream: true,
  }),
  state("413 Content-Length over 512 KiB", { ...VALID_FORM, contentLength: String(MAX_BODY_BYTES + 1) }),
  state("400 multipart/form-data without its boundary", {
    ...VALID_FORM,
    contentType: "multipart/form-data; boundary=nothing-here",
  }),
  state("400 multipart/form-data with no boundary at all", { ...VALID_FORM, contentType: "multipart/form-data" }),
];

/** A translated form's answers are in its language: each language's answers, one state each at least. */
const inLanguage = (language: LanguageCode, sample: Sample): Sample => ({ ...sample, language });
const NEEDS_AN_INTERPRETER = { interpreter: "yes", interpreterLanguage: "polski" };
const TRANSLATED_STATES: CorpusCase[] = [
  state("422 Polish: every field wrong at once", inLanguage("pl", urlencoded(answersWith(EVERY_FIELD_WRONG)))),
  state("422 Romanian: phone invalid", inLanguage("ro", urlencoded(answersWith({ phone: "12345" })))),
  state("422 Urdu: every field wrong at once", inLanguage("ur", urlencoded(answersWith(EVERY_FIELD_WRONG)))),
  state(
    "422 Panjabi: markup in every text box, answers kept as typed",
    inLanguage("pa", urlencoded(answersWith({ ...MARKUP, contactMethod: undefined }))),
  ),
  state("200 Polish: sent, an interpreter needed", inLanguage("pl", urlencoded(answersWith(NEEDS_AN_INTERPRETER)))),
  state("200 Urdu: sent", inLanguage("ur", VALID_FORM)),
  state("202 Romanian: kept, the mail API unreachable", inLanguage("ro", VALID_FORM), {
    failure: { reason: "network_error", maybeAccepted: true },
  }),
  state("202 Panjabi: kept, the mail API refusing", inLanguage("pa", VALID_FORM), {
    failure: { reason: "422 validation_error" },
  }),
  state("503 Urdu: not sent, the store down", inLanguage("ur", VALID_FORM), { storeDown: true }),
  state("405 Polish: GET", inLanguage("pl", { ...VALID_FORM, method: "GET", body: null })),
  state("403 Romanian: another site's Origin", inLanguage("ro", { ...VALID_FORM, origin: "https://evil.example" })),
  state("415 Urdu: JSON", inLanguage("ur", { ...VALID_FORM, contentType: "application/json" })),
  state(
    "413 Panjabi: a body over 512 KiB",
    inLanguage("pa", urlencoded(answersWith({ message: "x".repeat(MAX_BODY_BYTES) }))),
  ),
  state(
    "400 Polish: multipart/form-data without its boundary",
    inLanguage("pl", { ...VALID_FORM, contentType: "multipart/form-data; boundary=nothing-here" }),
  ),
];

export const NAMED_STATES: readonly CorpusCase[] = [
  ...VALIDATION_STATES,
  ...AFTER_SENDING_STATES,
  ...REFUSALS,
  ...TRANSLATED_STATES,
];

// ---------------------------------------------------------------------------------------------
// The fuzz generators' samples
// ---------------------------------------------------------------------------------------------

/** Fixed, so the same samples come every run (and the same as long as fast-check generates alike). */
export const CORPUS_SEED = 20_261_120;
/** Per generator: enough for every kind of sample, few enough to replay in seconds. */
export const SAMPLES_PER_GENERATOR = 200;

function fuzzCases(generator: string, samples: readonly (readonly [Sample, CaseWorld])[]): CorpusCase[] {
  const digits = String(samples.length - 1).length;
  return samples.map(([sample, world], index) => ({
    name: `${generator} #${String(index).padStart(digits, "0")}`,
    // One store and mailer per generator, as the fuzz test has one per property.
    sequence: generator,
    sample,
    world,
    keepBody: false,
  }));
}

const sampled = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.sample(arbitrary, { seed: CORPUS_SEED, numRuns: SAMPLES_PER_GENERATOR });
const healthy = (samples: Sample[]) => samples.map((sample) => [sample, {}] as const);

export function fuzzSamples(): CorpusCase[] {
  return [
    ...fuzzCases("enquirySamples", healthy(sampled(enquirySamples))),
    ...fuzzCases("transportSamples", healthy(sampled(transportSamples))),
    ...fuzzCases("sizeSamples", healthy(sampled(sizeSamples))),
    // The world as the fuzz test applies it: the mailer failing with it, the store down or not.
    ...fuzzCases(
      "deliverySamples",
      sampled(deliverySamples).map(([sample, { failure, storeDown }]) => {
        const world: CaseWorld = { ...(failure ? { failure } : {}), ...(storeDown ? { storeDown } : {}) };
        return [sample, world] as const;
      }),
    ),
  ];
}

/** Every case, the named states first. */
export function corpusCases(): CorpusCase[] {
  const cases = [...NAMED_STATES, ...fuzzSamples()];
  const names = new Set(cases.map(({ name }) => name));
  if (names.size !== cases.length) throw new Error("Two corpus cases have the same name.");
  return cases;
}
