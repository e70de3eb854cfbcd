/**
 * Enquiries that are never lost: the handler saves each one sealed before sending, and the
 * delivery rounds retry on their schedule. Time is a fake clock moved by the test; the mail
 * API is the fake Resend on loopback, reached by the real resend SDK; the store is in memory.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { deliveryRound } from "../../src/lib/enquiry/delivery-round.ts";
import {
  ATTEMPT_OFFSETS_MS,
  RETRY_EVERY_MS,
  KEY_WINDOW_MS,
  keyForNextAttempt,
  newWaitingEnquiry,
} from "../../src/lib/enquiry/delivery.ts";
import { handleEnquiry, type LogEvent } from "../../src/lib/enquiry/handler.ts";
import type { Mailer, OutgoingEmail, SendResult } from "../../src/lib/enquiry/mailers/mailer.ts";
import { DEVELOPMENT_STORE_KEY, seal } from "../../src/lib/enquiry/sealed.ts";
import { createWaitingEnquiries, recordName, type WaitingEnquiry } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { startFakeResend, type FakeResend } from "../../tools/fakes/resend.ts";
import { loadBuiltPage } from "../support/built-enquiry-pages.ts";
import { formPost } from "../support/form-post.ts";
import { resendMailerOnClock } from "../support/fake-clock-mailer.ts";
import { createMemoryStore, type MemoryStore } from "../../tools/fakes/memory-store.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A fixed start, so no test depends on the day it runs. */
const START = Date.UTC(2026, 10, 20, 9, 0, 0);
const ORIGIN = "https://rj.example";

let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(() => fake.close());

let clock: number;
let store: MemoryStore;
let logs: LogEvent[];
const now = () => clock;
const waiting = () => createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY);
beforeEach(() => {
  clock = START;
  store = createMemoryStore();
  logs = [];
  fake.failAll(null);
  fake.clearFailures();
  fake.emails.length = 0;
  fake.requests.length = 0;
});

/** The real SDK against the fake; waits between retries pass on the fake clock, not in real time. */
const resendMailer = (deadlineMs = 5000): Mailer =>
  resendMailerOnClock(fake, { now, advance: (ms) => (clock += ms) }, deadlineMs);

const addresses = { to: "team@rj.example", from: "Website <enquiries@rj.example>" };

function post(fields: Record<string, string>) {
  return handleEnquiry(formPost(ORIGIN, fields), {
    loadPage: loadBuiltPage,
    mailer: resendMailer(),
    addresses,
    waiting: waiting(),
    now,
    log: (event) => logs.push(event),
  });
}

const enquiry = (n: number) => ({
  message: `I would like to know if I could meet the person who broke into my home. (${n})`,
  contactMethod: "phone",
  phone: "07700 900982",
  voicemail: "no",
  sayWhoWeAre: "no",
  name: `Sam Example ${n}`,
});

async function readPage(response: Response) {
  const { document } = parseHTML(await response.text());
  return {
    title: document.title,
    reference: document.querySelector("[data-enquiry-reference]")?.textContent ?? "",
    phoneLink: document.querySelector('main a[href^="tel:"]') !== null,
  };
}

const round = (options: { forced?: boolean; mailer?: Mailer } = {}) =>
  deliveryRound({
    waiting: waiting(),
    mailer: options.mailer ?? resendMailer(8000),
    now,
    log: (e) => logs.push(e),
    ...options,
  });

/** Moves the clock in five-minute steps, running a round at each, as the schedule does. */
/** Moves the clock in steps (the schedule's five minutes, or longer for weeks), a round at each. */
async function runScheduleUntil(end: number, step = 5 * MINUTE) {
  while (clock + step <= end) {
    clock += step;
    await round();
  }
}

const subjectsAtTheFake = () => fake.emails.map(({ payload }) => String(payload["subject"]));

describe("the schedule", () => {
  it("doubles the waits for the first 8 attempts, then tries every six hours, never giving up", () => {
    expect(ATTEMPT_OFFSETS_MS).toHaveLength(8);
    const waits = ATTEMPT_OFFSETS_MS.slice(1).map((offset, i) => offset - ATTEMPT_OFFSETS_MS[i]!);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBe(2 * waits[i - 1]!);
    expect(ATTEMPT_OFFSETS_MS[1]).toBe(5 * MINUTE);
    expect(RETRY_EVERY_MS).toBe(6 * HOUR);
  });

  it("keeps one idempotency key while Resend remembers it, and needs certainty to take another", () => {
    const email = { idempotencyKey: "enquiry/abc" } as OutgoingEmail;
    const base = newWaitingEnquiry(email, "RJ-AAAA-AAAA", START);
    const failed = (at: number, maybeAccepted: boolean) => ({ at, reason: "x", maybeAccepted, keyGeneration: 0 });
    expect(keyForNextAttempt(base, START)).toEqual({ key: "enquiry/abc", generation: 0 });
    const certain = { ...base, attempts: [failed(START, false)] };
    expect(keyForNextAttempt(certain, START + KEY_WINDOW_MS - 1)).toEqual({ key: "enquiry/abc", generation: 0 });
    expect(keyForNextAttempt(certain, START + KEY_WINDOW_MS)).toEqual({ key: "enquiry/abc/retry-1", generation: 1 });
    const unsure = { ...base, attempts: [failed(START, true), failed(START + HOUR, false)] };
    expect(keyForNextAttempt(unsure, START + KEY_WINDOW_MS)).toBeNull();
  });
});

describe("mail down for an hour, then back", () => {
  it("gives every person a truthful page and every enquiry reaches the team exactly once", async () => {
    fake.failAll({ status: 503, name: "internal_server_error" });
    const seen: { reference: string; title: string }[] = [];
    for (let n = 0; n < 6; n++) {
      const response = await post(enquiry(n));
      expect(response.status).toBe(202);
      const page = await readPage(response);
      expect(page.title).toMatch(/^We have your message/);
      expect(page.phoneLink).toBe(true);
      seen.push(page);
      // People keep arriving through the outage; the schedule keeps failing.
      await runScheduleUntil(clock + 10 * MINUTE);
    }
    await runScheduleUntil(START + HOUR);
    expect(fake.emails).toHaveLength(0);
    expect(store.records.size).toBe(6);

    fake.failAll(null);
    await runScheduleUntil(START + 4 * HOUR);
    expect(store.records.size).toBe(0);
    const subjects = subjectsAtTheFake();
    expect(subjects).toHaveLength(6);
    for (const { reference } of seen) expect(subjects.filter((s) => s.includes(reference))).toHaveLength(1);
    expect(new Set(fake.emails.map(({ idempotencyKey }) => idempotencyKey)).size).toBe(6);
    // Nothing more, however long the schedule runs.
    await runScheduleUntil(START + 50 * HOUR);
    expect(fake.emails).toHaveLength(6);
  });

  it("sends once even when an attempt timed out after the API took it", async () => {
    // The API takes the email but the answer never comes back: the attempt counts as a failure.
    const replies: SendResult[] = [];
    const sent: OutgoingEmail[] = [];
    const lossyMailer: Mailer = {
      name: "lossy",
      async send(email) {
        const resend = await resendMailer(8000).send(email);
        sent.push(email);
        const reply = replies.length === 0 ? { ok: false as const, reason: "timeout", maybeAccepted: true } : resend;
        replies.push(reply);
        return reply;
      },
    };
    const response = await handleEnquiry(formPost(ORIGIN, enquiry(101)), {
      loadPage: loadBuiltPage,
      mailer: lossyMailer,
      addresses,
      waiting: waiting(),
      now,
      log: (e) => logs.push(e),
    });
    expect(response.status).toBe(202);
    clock += 5 * MINUTE;
    await round({ mailer: lossyMailer });
    expect(sent).toHaveLength(2);
    expect(fake.emails).toHaveLength(1);
    expect(store.records.size).toBe(0);
  });
});

describe("a round", () => {
  async function saveWaiting(n: number, receivedAt = clock): Promise<WaitingEnquiry> {
    const email: OutgoingEmail = {
      ...addresses,
      subject: `Restorative justice enquiry RJ-TEST-000${n}`,
      text: `Message ${n}`,
      html: `<p>Message ${n}</p>`,
      idempotencyKey: `enquiry/${String(n).repeat(64).slice(0, 64)}`,
    };
    const record = newWaitingEnquiry(email, `RJ-TEST-000${n}`, receivedAt);
    await waiting().save(record);
    return record;
  }

  it("leaves an enquiry until its attempt is due, unless a person asks for every one now", async () => {
    await saveWaiting(1);
    expect((await round()).waiting).toBe(1);
    expect(fake.emails).toHaveLength(0);
    expect((await round({ forced: true })).delivered).toBe(1);
    expect(fake.emails).toHaveLength(1);
    expect(store.records.size).toBe(0);
  });

  it("keeps trying every six hours after the doubling waits, on a new key once Resend has forgotten the old", async () => {
    fake.failAll({ status: 429, name: "rate_limit_exceeded" });
    await saveWaiting(2);
    // Hour by hour: each attempt is made at the first round after it is due, as on the schedule.
    await runScheduleUntil(START + 60 * 24 * HOUR, HOUR);
    // Never deleted, never given up: 8 attempts, then one every six hours for 60 days.
    expect(store.entries.has(recordName(`enquiry/${"2".repeat(64)}`))).toBe(true);
    const attempts = fake.requests.length;
    expect(attempts).toBeGreaterThanOrEqual(7 + (60 * 24 - 11) / 6);
    const keys = new Set(fake.requests.map((request) => request.idempotencyKey));
    expect([...keys].some((key) => key?.endsWith("/retry-1"))).toBe(true);
    fake.failAll(null);
    await runScheduleUntil(clock + 6 * HOUR);
    expect(fake.emails).toHaveLength(1);
    expect(store.entries.has(recordName(`enquiry/${"2".repeat(64)}`))).toBe(false);
  }, 20_000);

  it("holds an enquiry that may have gone, rather than risk a second copy under a new key", async () => {
    fake.failAll({ status: 500 });
    await saveWaiting(3);
    await runScheduleUntil(START + 48 * HOUR);
    expect(fake.requests.every((request) => !request.idempotencyKey?.includes("/retry-"))).toBe(true);
    expect(logs.filter((event) => event["event"] === "enquiry.held")).toEqual([
      expect.objectContaining({ reference: "RJ-TEST-0003", reason: "maybe-sent" }),
    ]);
    // A person's `deliver` does not send it either: they are told to look for it in the inbox.
    fake.failAll(null);
    const tally = await round({ forced: true });
    expect(tally.heldReferences).toEqual(["RJ-TEST-0003"]);
    expect(fake.emails).toHaveLength(0);
  });

  it("keeps a record it cannot open, and says so by name only", async () => {
    const name = recordName(`enquiry/${"9".repeat(64)}`);
    await store.create(name, seal(Buffer.alloc(32, 7), "{}", name));
    const tally = await round({ forced: true });
    expect(tally.unreadable).toBe(1);
    expect(store.entries.has(name)).toBe(true);
    expect(logs).toContainEqual({ event: "enquiry.unreadable", record: name });
  });

  it("sends once when two rounds run at the same time", async () => {
    await saveWaiting(4);
    await saveWaiting(5);
    const [a, b] = await Promise.all([round({ forced: true }), round({ forced: true })]);
    expect(a.delivered + b.delivered).toBeGreaterThanOrEqual(2);
    expect(fake.emails).toHaveLength(2);
    expect(store.records.size).toBe(0);
  });

  it("writes nothing readable at rest", async () => {
    fake.failAll({ status: 503 });
    const answers = { ...enquiry(7), contactMethod: "either", email: "sam.private@example.com" };
    expect((await post(answers)).status).toBe(202);
    const atRest = [...store.entries].flat().join("\n");
    for (const typed of [answers.message, "07700900982", "900982", answers.email, "Sam Example", "broke into"]) {
      expect(atRest).not.toContain(typed);
      expect(atRest).not.toContain(Buffer.from(typed).toString("base64"));
      expect(atRest).not.toContain(encodeURIComponent(typed));
    }
  });
});

describe("when the store is down", () => {
  it("sends nothing and says honestly that the enquiry was not sent, keeping every answer", async () => {
    store.down = true;
    const answers = enquiry(8);
    const response = await post(answers);
    expect(response.status).toBe(503);
    const { document } = parseHTML(await response.text());
    expect(document.querySelector("[data-send-failed]")?.hasAttribute("hidden")).toBe(false);
    expect(document.querySelector("textarea[name=message]")?.textContent?.trim()).toBe(answers.message);
    expect(fake.requests).toHaveLength(0);
    expect(logs).toContainEqual(
      expect.objectContaining({ event: "enquiry.not-kept", reason: "store: StoreDownError" }),
    );
  });
});
