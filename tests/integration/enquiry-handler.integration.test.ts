/**
 * The enquiry handler, called directly through its seams: the built pages read from dist/, the
 * waiting enquiries in a store in memory, a fixed clock, the log kept in an array, and either a
 * mailer in memory or the real resend SDK talking to the fake Resend API on loopback. The one
 * journey through the preview, as Netlify's tools run it, is in
 * tests/enquiry-preview.integration.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { parse as parseLikeABrowser } from "parse5";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config as enquiryConfig } from "../../netlify/functions/enquiry.mts";
import {
  CONFIRMATION_PAGE,
  FORM_PAGE,
  handleEnquiry,
  KEPT_PAGE,
  MAX_BODY_BYTES,
  type EnquiryHandlerOptions,
  type EnquiryPage,
  type LogEvent,
} from "../../src/lib/enquiry/handler.ts";
import { ATTEMPT_OFFSETS_MS } from "../../src/lib/enquiry/delivery.ts";
import { deliveryRound } from "../../src/lib/enquiry/delivery-round.ts";
import { enquiryAddresses, type EnquiryAddresses } from "../../src/lib/enquiry/mailers/choose-mailer.ts";
import { createResendMailer } from "../../src/lib/enquiry/mailers/resend-mailer.ts";
import { REFERENCE_PATTERN } from "../../src/lib/enquiry/reference.ts";
import { openWaitingEnquiries } from "../../src/lib/enquiry/runtime.ts";
import { DEVELOPMENT_STORE_KEY } from "../../src/lib/enquiry/sealed.ts";
import { createWaitingEnquiries, type WaitingEnquiry } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { ENQUIRY_ACTION, PHONE } from "../../src/site.ts";
import { enquiryActionIn, ENQUIRY_ACTIONS, enquiryPageIn } from "../../src/lib/enquiry/enquiry-pages.ts";
import { ENQUIRY_PROBLEMS } from "../../src/lib/enquiry/problems.ts";
import { LANGUAGES, TRANSLATIONS, type LanguageCode } from "../../src/i18n/languages.ts";
import { closedPortUrl, startFakeResend, type FakeResend } from "../../tools/fakes/resend.ts";
import { DIST } from "../../tools/project/site-pages.ts";
import { createMemoryMailer, type MemoryMailer } from "../../tools/fakes/memory-mailer.ts";
import { sampleAnswers } from "../support/sample-answers.ts";
import { loadBuiltPage } from "../support/built-enquiry-pages.ts";
import { createMemoryStore, type MemoryStore } from "../../tools/fakes/memory-store.ts";

const MINUTE = 60_000;
/** A fixed start, so no test depends on the day it runs. */
const START = Date.UTC(2026, 10, 20, 9, 0, 0);
const ORIGIN = "https://rj.example";
const TEAM = "team@rj.example";
const ADDRESSES: EnquiryAddresses = { to: TEAM, from: "Website <enquiries@rj.example>" };
const PHONE_LINK = `main a[href="tel:${PHONE.tel}"]`;

let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(() => fake.close());

let clock: number;
let store: MemoryStore;
let mailer: MemoryMailer;
let logs: LogEvent[];
/** How long the resend mailer was told to wait, in order: the waits pass on the fake clock. */
let sleeps: number[];
const now = () => clock;
beforeEach(() => {
  clock = START;
  store = createMemoryStore();
  mailer = createMemoryMailer();
  logs = [];
  sleeps = [];
  fake.failAll(null);
  fake.clearFailures();
  fake.emails.length = 0;
  fake.requests.length = 0;
});

/** The real SDK against the fake API; its waits move the fake clock instead of taking time. */
const resendMailer = (baseUrl = fake.url) =>
  createResendMailer({
    apiKey: fake.apiKey,
    baseUrl,
    deadlineMs: 5000,
    perAttemptTimeoutMs: 300,
    now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
  });

/** A fresh enquiry for each test, with something typed in every free-text field. */
let answers: Record<string, string>;
let count = 0;
beforeEach(() => {
  count += 1;
  answers = sampleAnswers(String(count));
});

/** What a visitor types, as opposed to the choices the form offers: none of it may leak. */
const TYPED_FIELDS = ["message", "phone", "safeTimes", "email", "name", "website"];
const typedIn = (fields: Record<string, string>) =>
  TYPED_FIELDS.flatMap((field) => (fields[field] && fields[field].length >= 3 ? [fields[field]] : []));

/** Everything typed in this test, and every response, to check for leaks when it ends. */
let typed: string[];
let responses: Response[];
beforeEach(() => {
  typed = [];
  responses = [];
});

type CallOptions = Partial<EnquiryHandlerOptions> & {
  origin?: string | null;
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit | null;
};

/** Calls the handler with a request like a browser's, posting the form from the site's page. */
async function call({
  origin = ORIGIN,
  url = `${ORIGIN}${ENQUIRY_ACTION}`,
  method = "POST",
  headers: extra = {},
  body = null,
  ...seams
}: CallOptions = {}) {
  const headers = new Headers(extra);
  if (origin !== null) headers.set("origin", origin);
  const response = await handleEnquiry(new Request(url, { method, headers, body }), {
    loadPage: loadBuiltPage,
    mailer,
    addresses: ADDRESSES,
    waiting: createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY),
    now,
    log: (event) => logs.push(event),
    ...seams,
  });
  responses.push(response);
  return response;
}

function post(fields: Record<string, string>, options: CallOptions = {}) {
  typed.push(...typedIn(fields));
  return call({
    body: new URLSearchParams(fields).toString(),
    ...options,
    headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
  });
}

const pageOf = async (response: Response) => parseHTML(await response.clone().text()).document;
const referenceOn = async (response: Response) =>
  (await pageOf(response)).querySelector("[data-enquiry-reference]")?.textContent ?? "";
/**
 * The message box as a browser reads it: linkedom does not decode the escaped text of a
 * textarea, so the standard's parser (parse5) reads it, dropping the one newline after the tag.
 */
async function messageBoxOf(response: Response): Promise<string | undefined> {
  type Node = { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };
  const walk = (node: Node): Node[] => [node, ...(node.childNodes ?? []).flatMap(walk)];
  const box = walk(parseLikeABrowser(await response.clone().text()) as unknown as Node).find(
    (node) =>
      node.tagName === "textarea" && node.attrs?.some(({ name, value }) => name === "name" && value === "message"),
  );
  return box && (box.childNodes ?? []).map((child) => child.value ?? "").join("");
}
const events = () => logs.map(({ event }) => event);
const waitingRecords = () => createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY);

/** Every waiting enquiry, opened with the key: what the schedule will send. */
async function opened(): Promise<WaitingEnquiry[]> {
  const waiting = waitingRecords();
  const found: WaitingEnquiry[] = [];
  for (const name of await waiting.names()) {
    const read = await waiting.read(name);
    if (read && "enquiry" in read) found.push(read.enquiry);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Nothing typed leaks: checked after every test, over every response and log line it made
// ---------------------------------------------------------------------------------------------

const LOG_EVENTS = new Set([
  "enquiry.refused",
  "enquiry.possibly-automated",
  "enquiry.invalid",
  "enquiry.not-kept",
  "enquiry.saved",
  "enquiry.sent",
  "enquiry.already-accepted",
  "enquiry.waiting",
  "enquiry.remove-failed",
  "enquiry.record-attempt-failed",
]);

/** The ways a value could be written out by accident: plain, escaped, or encoded. */
function encodings(value: string): string[] {
  const forms = new Set([
    value,
    value.toLowerCase(),
    encodeURIComponent(value),
    new URLSearchParams({ x: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    Buffer.from(value).toString("hex"),
    value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
  ]);
  // Base64 of the value wherever it starts in the encoded data: each of the three alignments,
  // without the groups at either end that also hold other bytes.
  for (const shift of [0, 1, 2]) {
    const bytes = Buffer.concat([Buffer.alloc(shift), Buffer.from(value)]);
    for (const encoding of ["base64", "base64url"] as const) {
      const encoded = bytes.toString(encoding).replace(/=+$/, "");
      const inner = encoded.slice(shift === 0 ? 0 : 4, Math.floor(encoded.length / 4) * 4 - 4);
      if (inner.length >= 4) forms.add(inner);
    }
  }
  return [...forms].filter((form) => form.length >= 3);
}

/** The first of the values found in the text in any of its encodings, or undefined. */
function leakIn(text: string, values: readonly string[]): string | undefined {
  return values.find((value) => encodings(value).some((form) => text.includes(form)));
}

afterEach(() => {
  const everyLogLine = logs.map((event) => JSON.stringify(event)).join("\n");
  expect(leakIn(everyLogLine, typed), "typed text in a log line").toBeUndefined();
  for (const event of logs) {
    expect(LOG_EVENTS.has(String(event["event"])), `log event ${event["event"]}`).toBe(true);
    if (event["reference"] !== undefined) expect(event["reference"]).toMatch(REFERENCE_PATTERN);
  }
  for (const response of responses) {
    expect(response.headers.get("set-cookie"), "a cookie").toBeNull();
    expect(response.headers.get("location"), "a redirect").toBeNull();
    expect(response.url, "the response's own address").toBe("");
    const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
    expect(leakIn(headers, typed), "typed text in a header").toBeUndefined();
    expect(response.headers.get("cache-control")).toBe("no-store");
  }
});

describe("the leak check itself", () => {
  it("finds a value written plain, escaped, url-encoded or in base64 at any alignment", () => {
    const value = "Samantha Quill <sam.writer@example.com>";
    expect(leakIn(`x${value}x`, [value])).toBe(value);
    expect(leakIn(encodeURIComponent(value), [value])).toBe(value);
    expect(leakIn(`a=${new URLSearchParams({ m: value })}`, [value])).toBe(value);
    for (const prefix of ["", "a", "ab", "abc"]) {
      expect(leakIn(Buffer.from(`${prefix}${value}!`).toString("base64"), [value])).toBe(value);
      expect(leakIn(Buffer.from(`${prefix}${value}!`).toString("base64url"), [value])).toBe(value);
    }
    expect(leakIn(Buffer.from(value).toString("hex"), [value])).toBe(value);
    expect(leakIn("nothing of it here", [value])).toBeUndefined();
  });
});

/** Nothing readable at rest: every record is sealed, named by a hash, and holds none of the words. */
function expectSealedAtRest(values: readonly string[]) {
  expect(store.records.size).toBeGreaterThan(0);
  for (const [name, text] of store.entries) {
    expect(name).toMatch(/^enquiry-[0-9a-f]{64}$/);
    expect(text).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(leakIn(`${name}\n${text}`, values), "typed text at rest").toBeUndefined();
  }
}

// ---------------------------------------------------------------------------------------------
// Sent at once
// ---------------------------------------------------------------------------------------------

describe("a valid enquiry", () => {
  it("is saved, sent as one email, answered with the confirmation page and its reference, then deleted", async () => {
    // Saved before it is sent: at the moment of sending, its sealed record is in the store.
    const atSend: number[] = [];
    mailer.onSend = () => atSend.push(store.records.size);
    const response = await post({ ...answers, website: "" });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    const document = await pageOf(response);
    expect(document.title).toMatch(/^Your enquiry has been sent/);
    const reference = await referenceOn(response);
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(document.querySelector("[data-quick-exit-link]")).not.toBeNull();

    expect(atSend).toEqual([1]);
    expect(mailer.emails).toHaveLength(1);
    const [email] = mailer.emails;
    expect(email).toMatchObject({ to: TEAM, from: ADDRESSES.from, replyTo: "sam.writer@example.com" });
    expect(email?.subject).toBe(`Restorative justice enquiry ${reference}`);
    expect(email?.text).toContain(answers.message);
    expect(email?.idempotencyKey).toMatch(/^enquiry\/[0-9a-f]{64}$/);
    expect(store.records.size, "delivered, so deleted").toBe(0);
    expect(logs).toEqual([
      { event: "enquiry.saved", reference },
      { event: "enquiry.sent", reference },
    ]);
  });

  it("accepts multipart forms too", async () => {
    const body = new FormData();
    for (const [key, value] of Object.entries(answers)) body.append(key, value);
    typed.push(...typedIn(answers));
    const response = await call({ body });
    expect(response.status).toBe(200);
    expect(mailer.emails).toHaveLength(1);
    expect(mailer.emails[0]?.text).toContain(answers.message);
  });

  it("reaches the team once when the same enquiry is sent twice, with the same reference", async () => {
    const first = await post(answers);
    const second = await post(answers);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(mailer.attempts).toHaveLength(2);
    expect(mailer.emails).toHaveLength(1);
    expect(await referenceOn(second)).toBe(await referenceOn(first));
    expect(store.records.size).toBe(0);
  });

  it("through the real SDK: one email at the fake API, under the enquiry's idempotency key", async () => {
    const response = await post(answers, { mailer: resendMailer() });
    expect(response.status).toBe(200);
    expect(fake.emails).toHaveLength(1);
    const [email] = fake.emails;
    expect(email?.payload).toMatchObject({ to: TEAM, reply_to: answers.email });
    expect(email?.payload["subject"]).toBe(`Restorative justice enquiry ${await referenceOn(response)}`);
    expect(email?.idempotencyKey).toMatch(/^enquiry\/[0-9a-f]{64}$/);
    expect(store.records.size).toBe(0);
  });

  it("is confirmed, not sent again, when Resend says the key was used for another email (409)", async () => {
    // Resend refuses a changed email under a used key for 24 hours: that means it was accepted.
    expect((await post(answers, { mailer: resendMailer() })).status).toBe(200);
    const again = await post(answers, {
      mailer: resendMailer(),
      addresses: { ...ADDRESSES, to: "new-team-address@rj.example" },
    });
    expect(again.status).toBe(200);
    expect(await referenceOn(again)).toMatch(REFERENCE_PATTERN);
    expect(fake.requests.map((request) => [request.status, request.outcome])).toEqual([
      [200, "accepted"],
      [409, "rejected"],
    ]);
    expect(fake.emails).toHaveLength(1);
    expect(store.records.size, "the team has it, so the record goes").toBe(0);
    expect(events()).toContain("enquiry.already-accepted");
    expect(logs.at(-1)).toEqual({ event: "enquiry.already-accepted", reference: await referenceOn(again) });
  });

  it("is confirmed by the memory mailer the same way: another email under a used key was accepted before", async () => {
    await post(answers);
    const again = await post(answers, { addresses: { ...ADDRESSES, to: "new-team-address@rj.example" } });
    expect(again.status).toBe(200);
    expect(mailer.emails.map(({ to }) => to)).toEqual([TEAM]);
    expect(events().filter((event) => event === "enquiry.already-accepted")).toHaveLength(1);
  });

  it("on a deploy preview, writes only to the preview's address, marked as a test", async () => {
    const addresses = enquiryAddresses({
      CONTEXT: "deploy-preview",
      ENQUIRY_TO_EMAIL: TEAM,
      ENQUIRY_PREVIEW_TO_EMAIL: "tester@rj.example",
      ENQUIRY_FROM_EMAIL: ADDRESSES.from,
    });
    const response = await post(answers, { addresses });
    expect(response.status).toBe(200);
    expect(mailer.emails.map(({ to }) => to)).toEqual(["tester@rj.example"]);
    expect(mailer.emails[0]?.subject).toMatch(/^Test from a deploy preview: Restorative justice enquiry RJ-/);
  });

  it("on a deploy preview with no preview address, is not kept or sent: the honest failure", async () => {
    const addresses = enquiryAddresses({ CONTEXT: "deploy-preview", ENQUIRY_TO_EMAIL: TEAM, ENQUIRY_FROM_EMAIL: "x" });
    const response = await post(answers, { addresses });
    expect(response.status).toBe(503);
    expect(mailer.attempts).toHaveLength(0);
    expect(store.records.size).toBe(0);
    expect(logs.at(-1)).toMatchObject({ event: "enquiry.not-kept", reason: expect.stringMatching(/PREVIEW_TO_EMAIL/) });
  });

  it("sets a reply-to address only when the visitor chose email", async () => {
    const byPhone = {
      message: "Hello",
      contactMethod: "phone",
      phone: "07700 900982",
      voicemail: "no",
      sayWhoWeAre: "no",
    };
    expect((await post(byPhone)).status).toBe(200);
    expect(mailer.emails).toHaveLength(1);
    expect(mailer.emails[0]).not.toHaveProperty("replyTo");
  });
});

describe("an invalid enquiry", () => {
  it("comes back as the form with every answer kept and the errors shown, and nothing kept or sent", async () => {
    const given = {
      message: "My answers <b>stay</b>",
      contactMethod: "either",
      phone: "12",
      email: "not an address",
      name: "Sam Okafor",
    };
    const response = await post(given);
    expect(response.status).toBe(422);
    const document = await pageOf(response);
    expect(document.title).toMatch(/^Error: /);
    expect(await messageBoxOf(response)).toBe("My answers <b>stay</b>");
    expect(document.querySelector("input[name=phone]")?.getAttribute("value")).toBe("12");
    expect(document.querySelector("input[name=email]")?.getAttribute("value")).toBe("not an address");
    expect(document.querySelector("input[name=name]")?.getAttribute("value")).toBe("Sam Okafor");
    expect(document.querySelector("input[name=contactMethod][value=either]")?.hasAttribute("checked")).toBe(true);
    const summary = [...document.querySelectorAll("[data-summary-for]:not([hidden]) a")].map((a) =>
      a.getAttribute("href"),
    );
    expect(summary).toEqual(["#phone", "#voicemail", "#sayWhoWeAre", "#email"]);
    expect(mailer.attempts).toHaveLength(0);
    expect(store.records.size).toBe(0);
    expect(logs).toEqual([{ event: "enquiry.invalid", fields: expect.stringMatching(/phone/) }]);
  });

  it("gives back a message far over the limit as too long, with every answer kept", async () => {
    // Pasted in at many times the limit: still read, so nothing typed is lost.
    const response = await post({ ...answers, message: "x".repeat(70_000) });
    expect(response.status).toBe(422);
    const document = await pageOf(response);
    expect(document.querySelector("[data-error-summary] li:not([hidden])")?.textContent).toContain(
      "3,000 characters or less",
    );
    expect(document.querySelector("textarea[name=message]")?.textContent).toContain("x".repeat(70_000));
    expect(document.querySelector("input[name=email]")?.getAttribute("value")).toBe(answers.email);
    expect(mailer.attempts).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Kept, to be delivered: the mail API is down
// ---------------------------------------------------------------------------------------------

describe("when the email cannot be sent", () => {
  /** Kept, not yet in the inbox: the page says just that, with the reference and the phone number. */
  async function expectKept(response: Response) {
    expect(response.status).toBe(202);
    const document = await pageOf(response);
    expect(document.title).toMatch(/^We have your message/);
    expect(document.querySelector("h1")?.textContent).toBe("We have your message");
    const reference = await referenceOn(response);
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(document.querySelector(PHONE_LINK)).not.toBeNull();
    const [kept] = await opened();
    expect(kept?.reference).toBe(reference);
    return { reference, kept: kept! };
  }

  it("answers 202 'We have your message', keeps the enquiry sealed with its next attempt planned, sends nothing", async () => {
    mailer.failure = { reason: "503 internal_server_error", maybeAccepted: true };
    const response = await post(answers);
    const { reference, kept } = await expectKept(response);

    expect(mailer.attempts).toHaveLength(1);
    expect(mailer.emails).toHaveLength(0);
    expect(store.records.size).toBe(1);
    expectSealedAtRest(typedIn(answers));
    // What waits is the email exactly as it will go, the attempt made and the next one on the clock.
    expect(kept.email.text).toContain(answers.message);
    expect(kept.email.replyTo).toBe(answers.email);
    expect(kept.receivedAt).toBe(START);
    expect(kept.attempts).toEqual([
      { at: START, reason: "503 internal_server_error", maybeAccepted: true, keyGeneration: 0 },
    ]);
    expect(kept.nextAttemptAt).toBe(START + ATTEMPT_OFFSETS_MS[1]!);
    expect(kept.nextAttemptAt).toBe(START + 5 * MINUTE);
    expect(logs).toEqual([
      { event: "enquiry.saved", reference },
      { event: "enquiry.waiting", reference, reason: "503 internal_server_error" },
    ]);
  });

  it("does not let a person sending it again use up the retry schedule while the API is down", async () => {
    // Sent again while it waits (a refresh, "try again"): a person's attempt, so ten refreshes in
    // a minute of outage cannot push the schedule on to its six-hourly attempts.
    mailer.failure = { reason: "503 internal_server_error", maybeAccepted: true };
    for (let i = 0; i < 12; i++) {
      expect((await post(answers)).status).toBe(202);
      clock += 5_000;
    }
    mailer.failure = null;
    clock += 10 * MINUTE;
    await deliveryRound({ waiting: waitingRecords(), mailer, now, log: () => {} });
    expect(mailer.emails, "the schedule delivers it once the API is back").toHaveLength(1);
    expect(store.records.size).toBe(0);
  });

  it("never says 'we have your message' when the only copy kept cannot be opened", async () => {
    // A record of the same name sealed under another key (ENQUIRY_STORE_KEY changed) is the same
    // enquiry: a readable copy must replace it, or the page must not say it is kept.
    mailer.failure = { reason: "network_error" };
    const oldKey = openWaitingEnquiries(
      { CONTEXT: "production", ENQUIRY_STORE_KEY: Buffer.alloc(32, 1).toString("base64") },
      () => store,
    );
    if ("error" in oldKey) throw new Error(oldKey.error);
    expect((await post(answers, { waiting: oldKey })).status).toBe(202);

    const response = await post(answers);
    if (response.status === 202) {
      expect(await opened(), "a copy the schedule can open and deliver").toHaveLength(1);
    } else {
      expect(response.status, "or the honest failure").toBe(503);
    }
  });

  it("reaches the team once when the form is sent twice at the same moment (a double click)", async () => {
    const [first, second] = await Promise.all([post(answers), post(answers)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(mailer.emails).toHaveLength(1);
    expect(await referenceOn(second)).toBe(await referenceOn(first));
    expect(store.records.size).toBe(0);
  });

  it("sends it once, and deletes it, when the same enquiry is sent again after the API is back", async () => {
    mailer.failure = { reason: "network_error", maybeAccepted: true };
    const first = await post(answers);
    await expectKept(first);
    mailer.failure = null;
    clock += MINUTE;
    const again = await post(answers);
    expect(again.status).toBe(200);
    expect(await referenceOn(again)).toBe(await referenceOn(first));
    expect(mailer.emails).toHaveLength(1);
    expect(store.records.size).toBe(0);
  });

  it("through the real SDK: an outage (503 every time) is retried within the deadline, then kept", async () => {
    fake.failAll({ status: 503 });
    const response = await post(answers, { mailer: resendMailer() });
    const { kept } = await expectKept(response);
    expect(fake.requests.length).toBeGreaterThan(1);
    expect(fake.requests.every(({ outcome }) => outcome === "failed")).toBe(true);
    expect(fake.emails).toHaveLength(0);
    expect(kept.attempts).toHaveLength(1);
    expect(kept.attempts[0]).toMatchObject({ reason: expect.stringMatching(/^503 /), maybeAccepted: true });
    expectSealedAtRest(typedIn(answers));
  });

  it("through the real SDK: a server error is retried and sends exactly one email", async () => {
    fake.failNext(1, { status: 500 });
    const response = await post(answers, { mailer: resendMailer() });
    expect(response.status).toBe(200);
    expect(fake.requests.map((request) => request.outcome)).toEqual(["failed", "accepted"]);
    expect(fake.emails).toHaveLength(1);
    expect(store.records.size).toBe(0);
  });

  it("through the real SDK: waits as long as a rate limit asks (on the clock), then sends one email", async () => {
    fake.failNext(1, { status: 429, retryAfter: 2 });
    const response = await post(answers, { mailer: resendMailer() });
    expect(response.status).toBe(200);
    expect(sleeps).toEqual([2000]);
    expect(fake.emails).toHaveLength(1);
  });

  it("through the real SDK: an API that never answers is given up on, kept, and sent once later", async () => {
    fake.failNext(20, { hang: true });
    const response = await post(answers, { mailer: resendMailer() });
    const { kept } = await expectKept(response);
    expect(kept.attempts[0]).toMatchObject({ reason: "timeout", maybeAccepted: true });
    expect(fake.emails).toHaveLength(0);

    fake.clearFailures();
    clock += MINUTE;
    expect((await post(answers, { mailer: resendMailer() })).status).toBe(200);
    expect(fake.emails).toHaveLength(1);
    expect(store.records.size).toBe(0);
  }, 20_000);

  it("through the real SDK: a refused connection keeps it", async () => {
    const response = await post(answers, { mailer: resendMailer(await closedPortUrl()) });
    const { kept } = await expectKept(response);
    expect(kept.attempts[0]).toMatchObject({ reason: "network_error", maybeAccepted: true });
  });

  it("through the real SDK: an error that retrying cannot fix is not retried, and the enquiry is kept", async () => {
    fake.failNext(1, { status: 422 });
    const { kept } = await expectKept(await post(answers, { mailer: resendMailer() }));
    expect(fake.requests).toHaveLength(1);
    expect(kept.attempts[0]).toMatchObject({ reason: "422 validation_error", maybeAccepted: false });
  });

  it("still answers 202 when the store fails after saving, and the record waits as it was saved", async () => {
    mailer.failure = { reason: "503 internal_server_error", maybeAccepted: true };
    mailer.onSend = () => {
      store.down = true;
    };
    const response = await post(answers);
    expect(response.status).toBe(202);
    expect(events()).toContain("enquiry.record-attempt-failed");
    store.down = false;
    const [kept] = await opened();
    expect(kept?.attempts).toEqual([]);
    expect(kept?.nextAttemptAt).toBe(START + 5 * MINUTE);
  });

  it("still confirms a sent enquiry when its record cannot be deleted, and logs that", async () => {
    mailer.onSend = () => {
      store.down = true;
    };
    const response = await post(answers);
    expect(response.status).toBe(200);
    expect(mailer.emails).toHaveLength(1);
    expect(logs.at(-1)).toMatchObject({ event: "enquiry.remove-failed", reason: "StoreDownError" });
  });
});

// ---------------------------------------------------------------------------------------------
// Not kept at all: the honest failure
// ---------------------------------------------------------------------------------------------

describe("when the enquiry cannot be kept", () => {
  /** Not sent: the form with every answer, the banner saying so, "Try sending again" and the phone. */
  async function expectNotSent(response: Response, given: Record<string, string>) {
    expect(response.status).toBe(503);
    const document = await pageOf(response);
    expect(document.title).not.toMatch(/^Error: /);
    const banner = document.querySelector("[data-send-failed]");
    expect(banner?.hasAttribute("hidden")).toBe(false);
    expect(banner?.textContent).toContain("has not been sent");
    expect(banner?.querySelector(`a[href="tel:${PHONE.tel}"]`)).not.toBeNull();
    expect(document.querySelector("[data-submit-button]")?.textContent).toBe("Try sending again");
    expect(await messageBoxOf(response)).toBe(given["message"]);
    for (const field of ["phone", "safeTimes", "email", "name"]) {
      expect(document.querySelector(`input[name=${field}]`)?.getAttribute("value"), field).toBe(given[field]);
    }
    for (const field of ["contactMethod", "voicemail", "sayWhoWeAre"]) {
      expect(document.querySelector(`input[name=${field}][value="${given[field]}"]`)?.hasAttribute("checked")).toBe(
        true,
      );
    }
    expect(mailer.attempts, "nothing sent").toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
  }

  it("answers 503 with the form, every answer kept, when the store is down", async () => {
    store.down = true;
    const response = await post(answers);
    await expectNotSent(response, answers);
    expect(logs.at(-1)).toMatchObject({ event: "enquiry.not-kept", reason: "store: StoreDownError" });
    expect(events()).not.toContain("enquiry.saved");
  });

  it("sends the same enquiry, once, when it is sent again after the store is back", async () => {
    store.down = true;
    await expectNotSent(await post(answers), answers);
    store.down = false;
    expect((await post(answers)).status).toBe(200);
    expect(mailer.emails).toHaveLength(1);
  });

  const BAD_KEYS: Record<string, string | undefined> = {
    missing: undefined,
    empty: "  ",
    "not base64": "this is not a key at all, just words!!!!!!!",
    "too short": Buffer.alloc(16, 7).toString("base64"),
    "the public development key": DEVELOPMENT_STORE_KEY.toString("base64"),
  };
  for (const [what, key] of Object.entries(BAD_KEYS)) {
    it(`answers 503 and logs why when ENQUIRY_STORE_KEY is ${what} in production`, async () => {
      const waiting = openWaitingEnquiries(
        { CONTEXT: "production", ...(key === undefined ? {} : { ENQUIRY_STORE_KEY: key }) },
        () => store,
      );
      expect(waiting).toHaveProperty("error");
      const response = await post(answers, { waiting });
      await expectNotSent(response, answers);
      expect(store.records.size).toBe(0);
      expect(logs.at(-1)).toEqual({
        event: "enquiry.not-kept",
        reference: expect.stringMatching(REFERENCE_PATTERN),
        reason: expect.stringMatching(/^ENQUIRY_STORE_KEY (is|must)/),
      });
    });
  }

  it("answers 503, keeping nothing, when there is no way to send at all (no API key in production)", async () => {
    const response = await post(answers, { mailer: { error: "RESEND_API_KEY is missing in production" } });
    await expectNotSent(response, answers);
    expect(store.records.size).toBe(0);
    expect(logs.at(-1)).toEqual({
      event: "enquiry.not-kept",
      reference: expect.stringMatching(REFERENCE_PATTERN),
      reason: "RESEND_API_KEY is missing in production",
    });
  });

  it("answers 503 on any hosted deploy without a key, as in production", async () => {
    const waiting = openWaitingEnquiries({ CONTEXT: "deploy-preview", LAMBDA_TASK_ROOT: "/var/task" }, () => store);
    await expectNotSent(await post(answers, { waiting }), answers);
    expect(logs.at(-1)?.["reason"]).toMatch(/ENQUIRY_STORE_KEY is missing on a hosted deploy/);
  });

  it("takes the enquiry in with a good key in production", async () => {
    const key = Buffer.alloc(32, 9).toString("base64");
    const waiting = openWaitingEnquiries({ CONTEXT: "production", ENQUIRY_STORE_KEY: key }, () => store);
    mailer.failure = { reason: "network_error" };
    expect((await post(answers, { waiting })).status).toBe(202);
    expectSealedAtRest(typedIn(answers));
    // Sealed under that key, not the development one.
    const [name] = store.entries.keys();
    expect(await createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY).read(name!)).toHaveProperty("unreadable");
  });
});

// ---------------------------------------------------------------------------------------------
// Abuse
// ---------------------------------------------------------------------------------------------

describe("abuse", () => {
  it("delivers an enquiry that filled in the hidden box, marked for the team, never dropping it", async () => {
    // Autofill or an assistive tool can fill the box too: the person's words must still arrive.
    const response = await post({ ...answers, message: "Filled in by my browser", website: "https://spam.example" });
    expect(response.status).toBe(200);
    const reference = await referenceOn(response);
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(mailer.emails).toHaveLength(1);
    const [email] = mailer.emails;
    expect(email?.subject).toBe(`Possibly automated: Restorative justice enquiry ${reference}`);
    expect(email?.text).toContain("Filled in by my browser");
    expect(JSON.stringify(email)).not.toContain("spam.example");
    expect(logs[0]).toEqual({ event: "enquiry.possibly-automated" });
    expect(events()).toContain("enquiry.sent");
  });

  it("is a different enquiry with the hidden box filled: its own reference and email", async () => {
    const plain = await referenceOn(await post(answers));
    const marked = await referenceOn(await post({ ...answers, website: "x" }));
    expect(marked).not.toBe(plain);
    expect(mailer.emails).toHaveLength(2);
  });

  it("refuses a form posted from another site, or with no origin", async () => {
    expect((await post(answers, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(answers, { origin: null })).status).toBe(403);
    // A page elsewhere with its own no-referrer policy also sends Origin: null.
    const crossSite = { origin: "null", headers: { "sec-fetch-site": "cross-site" } };
    expect((await post(answers, crossSite)).status).toBe(403);
    expect((await post(answers, { origin: "null" })).status).toBe(403);
    expect(mailer.attempts).toHaveLength(0);
    expect(store.records.size).toBe(0);
    expect(logs.every((event) => event["event"] === "enquiry.refused" && event["reason"] === "origin")).toBe(true);
  });

  it("accepts our own Origin without Sec-Fetch-Site, as Safari before 16.4 posts it", async () => {
    // The same-origin referrer policy makes browsers send our Origin; older ones send no Sec-Fetch-Site.
    const response = await post(answers, { origin: ORIGIN });
    expect(response.status).toBe(200);
    expect(mailer.emails).toHaveLength(1);
  });

  it("refuses another site's Origin, with or without Sec-Fetch-Site", async () => {
    for (const headers of [{}, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-origin" }]) {
      expect((await post(answers, { origin: "https://evil.example", headers })).status).toBe(403);
    }
    // Close to ours, but not it.
    for (const origin of [`${ORIGIN}.evil.example`, "http://rj.example", "https://rj.example:8443"]) {
      expect((await post(answers, { origin })).status).toBe(403);
    }
    expect(mailer.attempts).toHaveLength(0);
  });

  it("accepts the null Origin a page open from before (no-referrer) sends, only when the browser says same-origin", async () => {
    const response = await post(answers, { origin: "null", headers: { "sec-fetch-site": "same-origin" } });
    expect(response.status).toBe(200);
    expect(mailer.emails).toHaveLength(1);
    for (const site of ["same-site", "none", "cross-site"]) {
      expect((await post(answers, { origin: "null", headers: { "sec-fetch-site": site } })).status).toBe(403);
    }
  });

  it("answers from its own packaged pages whatever Host it is called with, after sending", async () => {
    // It once fetched its pages from the request's own host: a wrong one sent the email, then a 500.
    const elsewhere = "http://wrong-host.invalid:9";
    const asked: EnquiryPage[] = [];
    const response = await post(answers, {
      url: `${elsewhere}${ENQUIRY_ACTION}`,
      origin: elsewhere,
      loadPage: (path) => {
        asked.push(path);
        return loadBuiltPage(path);
      },
    });
    expect(response.status).toBe(200);
    expect(await referenceOn(response)).toMatch(REFERENCE_PATTERN);
    expect(mailer.emails).toHaveLength(1);
    expect(asked).toEqual([CONFIRMATION_PAGE]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every answer is a page of the site
// ---------------------------------------------------------------------------------------------

describe("every answer a person can meet", () => {
  /** A page of the site: its layout, the quick exit, the phone number and a way on. */
  async function expectSitePage(response: Response, status: number, title: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const document = await pageOf(response);
    expect(document.querySelector("h1")?.textContent).toBe(title);
    expect(document.querySelector("a.quick-exit__link[data-quick-exit-link]")).not.toBeNull();
    expect(document.querySelector(PHONE_LINK)).not.toBeNull();
    const wayOn = document.querySelector(
      `main a[href="/enquire/"], main a[href="/"], main form[action="${ENQUIRY_ACTION}"]`,
    );
    expect(wayOn, "a way on: the form, a link to it, or home").not.toBeNull();
    expect(document.querySelector("nav[aria-label=Main]")).not.toBeNull();
    return document;
  }

  it("200: the confirmation page", async () => {
    await expectSitePage(await post(answers), 200, "Your enquiry has been sent");
  });

  it("202: the 'We have your message' page", async () => {
    mailer.failure = { reason: "network_error" };
    await expectSitePage(await post(answers), 202, "We have your message");
  });

  it("400: a form body that cannot be read", async () => {
    const broken = { "content-type": "multipart/form-data; boundary=nothing-here" };
    await expectSitePage(await post(answers, { headers: broken }), 400, "Your message was not sent");
    expect(mailer.attempts).toHaveLength(0);
  });

  it("403: a post from another site, saying nothing was kept", async () => {
    await expectSitePage(await post(answers, { origin: "https://evil.example" }), 403, "Your message was not sent");
  });

  it("405: anything but POST, with Allow and a page pointing to the form", async () => {
    for (const method of ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]) {
      const response = await call({ method });
      expect(response.headers.get("allow")).toBe("POST");
      if (method !== "HEAD") await expectSitePage(response, 405, "Use the form to send us a message");
      else expect(response.status).toBe(405);
    }
  });

  it("413: a body far beyond any real form", async () => {
    await expectSitePage(
      await post({ ...answers, message: "x".repeat(MAX_BODY_BYTES) }),
      413,
      "Your message was too long to send",
    );
    expect(logs.at(-1)).toEqual({ event: "enquiry.refused", reason: "too-large" });
    expect(mailer.attempts).toHaveLength(0);
  });

  it("415: a body that is not a form", async () => {
    await expectSitePage(
      await post(answers, { headers: { "content-type": "application/json" } }),
      415,
      "Your message was not sent",
    );
  });

  it("422: the form, with the answers kept", async () => {
    const document = await expectSitePage(
      await post({ ...answers, email: "not an address" }),
      422,
      "Send us a message",
    );
    expect(document.querySelector("input[name=email]")?.getAttribute("value")).toBe("not an address");
    expect(document.querySelector("input[name=name]")?.getAttribute("value")).toBe(answers.name);
  });

  it("503: the form, with the answers kept and the banner", async () => {
    store.down = true;
    const document = await expectSitePage(await post(answers), 503, "Send us a message");
    expect(document.querySelector("input[name=name]")?.getAttribute("value")).toBe(answers.name);
    expect(document.querySelector("[data-send-failed]")?.hasAttribute("hidden")).toBe(false);
  });

  it("reads every page it answers with from the built files, never from anywhere else", async () => {
    const asked: EnquiryPage[] = [];
    const loadBuilt = (path: EnquiryPage) => {
      asked.push(path);
      return loadBuiltPage(path);
    };
    await call({ method: "GET", loadPage: loadBuilt });
    await post({ ...answers, email: "x" }, { loadPage: loadBuilt });
    mailer.failure = { reason: "network_error" };
    await post(answers, { loadPage: loadBuilt });
    expect(asked).toEqual(["/enquire/problem/use-the-form/", FORM_PAGE, KEPT_PAGE]);
  });
});

// ---------------------------------------------------------------------------------------------
// How Netlify runs it
// ---------------------------------------------------------------------------------------------

describe("the function's config", () => {
  it("rate limits to the site's own page, set high enough that a person correcting mistakes never meets it", () => {
    const { rateLimit } = enquiryConfig;
    expect(rateLimit).toMatchObject({ action: "rewrite", aggregateBy: ["ip", "domain"] });
    expect(rateLimit?.windowLimit).toBeGreaterThanOrEqual(20);
    expect(rateLimit?.windowSize).toBeLessThanOrEqual(60);
    const page = readFileSync(join(DIST, `${String(rateLimit?.to)}index.html`), "utf8");
    const document = parseHTML(page).document;
    expect(document.querySelector("h1")?.textContent).toBe(ENQUIRY_PROBLEMS["too-many"].title.en);
    // Netlify shows this one page whatever the form's language: it says it in each of them.
    for (const code of TRANSLATIONS) {
      const section = document.querySelector(`section[lang="${LANGUAGES[code].tag}"]`);
      expect(section?.getAttribute("dir"), code).toBe(LANGUAGES[code].dir);
      expect(section?.querySelector("h2")?.textContent, code).toBe(ENQUIRY_PROBLEMS["too-many"].title[code]);
      expect(section?.querySelector(`a[href="/${code}/enquire/"]`), code).not.toBeNull();
    }
  });

  it("is at the paths the form posts to in each language, written out in full where Netlify reads it without running it", () => {
    expect(enquiryConfig.path).toEqual(ENQUIRY_ACTIONS);
    expect(ENQUIRY_ACTIONS[0]).toBe(ENQUIRY_ACTION);
    const source = readFileSync(join(import.meta.dirname, "..", "..", "netlify", "functions", "enquiry.mts"), "utf8");
    expect(source).toContain(`path: [${ENQUIRY_ACTIONS.map((path) => `"${path}"`).join(", ")}]`);
    for (const code of Object.keys(LANGUAGES) as LanguageCode[]) {
      const file = join(DIST, ...enquiryPageIn(code, FORM_PAGE).split("/").filter(Boolean), "index.html");
      const form = parseHTML(readFileSync(file, "utf8")).document.querySelector("form");
      expect(form?.getAttribute("action"), code).toBe(enquiryActionIn(code));
      expect(form?.getAttribute("method")?.toLowerCase()).toBe("post");
    }
  });
});
