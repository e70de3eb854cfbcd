/**
 * Delivered means the team has it: the real handler, delivery rounds, mail-event handler and
 * status check, the real resend SDK against the fake API on loopback (which signs its events as
 * Resend does), a store in memory and a fake clock. Date is faked to the same clock only because
 * the SDK's signature check reads it; nothing here reads the real time.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { createWebhookAlertSender } from "../../src/lib/enquiry/alerts.ts";
import {
  deliveryRound,
  SCHEDULED_ROUND_ATTEMPT_WINDOW_MS,
  type RoundTally,
} from "../../src/lib/enquiry/delivery-round.ts";
import { newWaitingEnquiry } from "../../src/lib/enquiry/delivery.ts";
import { handleEnquiry, type LogEvent } from "../../src/lib/enquiry/handler.ts";
import { handleMailEvent } from "../../src/lib/enquiry/mail-events.ts";
import type { Mailer } from "../../src/lib/enquiry/mailers/mailer.ts";
import { openWaitingEnquiries } from "../../src/lib/enquiry/runtime.ts";
import { handleStatus } from "../../src/lib/enquiry/status.ts";
import { createWaitingEnquiries, recordName, type WaitingEnquiries } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { startFakeResend, type FakeResend } from "../../tools/fakes/resend.ts";
import { loadBuiltPage } from "../support/built-enquiry-pages.ts";
import { formPost } from "../support/form-post.ts";
import { resendMailerOnClock } from "../support/fake-clock-mailer.ts";
import { createMemoryStore, type MemoryStore } from "../../tools/fakes/memory-store.ts";
import { sampleAnswers } from "../support/sample-answers.ts";

// Days of rounds on the fake clock, each a few real requests: seconds on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Friday 20 November 2026, 09:00 UTC: fixed, so no test depends on the day it runs. */
const START = Date.UTC(2026, 10, 20, 9, 0, 0);
const ORIGIN = "https://rj.example";
const TEAM = "team@rj.example";
const FALLBACK = "duty-manager@rj.example";
const TOKEN = "status-token-for-tests";

let clock: number;
const now = () => clock;
let fake: FakeResend;
let store: MemoryStore;
let logs: LogEvent[];
/** What reached the alert webhook: each POST's JSON body. */
let alertBodies: unknown[];

beforeAll(async () => {
  fake = await startFakeResend({ now });
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterAll(async () => {
  vi.useRealTimers();
  await fake.close();
});

beforeEach(() => {
  clock = START;
  store = createMemoryStore();
  logs = [];
  alertBodies = [];
  fake.failAll(null);
  fake.clearFailures();
  fake.emails.length = 0;
  fake.requests.length = 0;
  fake.pendingEvents.length = 0;
  fake.setFate(TEAM, "delivered");
  fake.setFate(FALLBACK, "delivered");
});
afterEach(() => vi.setSystemTime(new Date(0)));

/** The real webhook sender, with its POST caught here instead of going anywhere. */
const alert = createWebhookAlertSender("https://alerts.rj.example/hook", {
  fetchImpl: async (_url, init) => {
    // Read as the webhook's server would, whatever form the body was given in.
    alertBodies.push(await new Response(init?.body).json());
    return new Response(null, { status: 202 });
  },
});
const alertTexts = () => alertBodies.map((body) => JSON.stringify(body));

const waiting = (keys: Buffer | { current: Buffer; old: Buffer[] } = DEV_KEY): WaitingEnquiries =>
  createWaitingEnquiries(store, keys);
const DEV_KEY = Buffer.alloc(32, 1);

/** The real SDK against the fake; its waits pass on the fake clock. */
const resendMailer = (deadlineMs = 5000): Mailer =>
  resendMailerOnClock(fake, { now, advance: (ms) => (clock += ms) }, deadlineMs);

function post(fields: Record<string, string>, { fallback = true } = {}) {
  return handleEnquiry(formPost(ORIGIN, fields), {
    loadPage: loadBuiltPage,
    mailer: resendMailer(),
    addresses: { to: TEAM, from: "Website <enquiries@rj.example>", ...(fallback ? { fallbackTo: FALLBACK } : {}) },
    waiting: waiting(),
    confirmDelivery: true,
    now,
    log: (event) => logs.push(event),
  });
}

/** The mail-event function, as Resend reaches it; the SDK's check reads Date, set to our clock. */
const mailEvents =
  ({ fallback = true, secret = fake.webhookSecret } = {}) =>
  (request: Request) => {
    vi.setSystemTime(clock);
    return handleMailEvent(request, {
      secret,
      waiting: waiting(),
      mailer: resendMailer(),
      fallbackTo: fallback ? FALLBACK : undefined,
      alert,
      now,
      log: (event) => logs.push(event),
    });
  };

const round = (options: { fallbackTo?: string; keys?: Parameters<typeof waiting>[0] } = {}) =>
  deliveryRound({
    waiting: waiting(options.keys),
    mailer: resendMailer(8000),
    now,
    log: (event) => logs.push(event),
    confirmDelivery: true,
    fallbackTo: options.fallbackTo,
    alert,
    startAttemptsWithinMs: SCHEDULED_ROUND_ATTEMPT_WINDOW_MS,
  });

async function status(keys: Parameters<typeof waiting>[0] = DEV_KEY) {
  const response = await handleStatus(
    new Request(`${ORIGIN}/enquire/status`, { headers: { authorization: `Bearer ${TOKEN}` } }),
    { waiting: waiting(keys), token: TOKEN, warnings: [], expectRounds: false, now, log: () => {} },
  );
  return {
    code: response.status,
    body: (await response.json()) as Record<string, unknown> & { alarms?: Record<string, number> },
  };
}

const referenceOf = async (response: Response) => /RJ-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await response.text())?.[0] ?? "";

const typedWords = (answers: ReturnType<typeof sampleAnswers>) => [
  answers.message,
  "07700",
  answers.email,
  answers.name,
  answers.safeTimes,
];

describe("a team address that does not receive", () => {
  it("bounced: keeps the enquiry, turns the status to 503, alerts with the reference alone, and sends it once to the fallback", async () => {
    fake.setFate(TEAM, "bounced");
    const answers = sampleAnswers("bounce");
    const response = await post(answers);
    expect(response.status).toBe(200);
    const reference = await referenceOf(response);
    expect(store.records.size, "kept while the provider has not said it arrived").toBe(1);
    expect((await status()).code).toBe(200);

    expect(await fake.sendEvents(mailEvents())).toEqual([200]);
    expect(store.records.size).toBe(1);
    const { code, body } = await status();
    expect(code).toBe(503);
    expect(body.alarms?.["not-received"]).toBe(1);
    expect(JSON.stringify(body)).not.toContain(reference);

    expect(alertBodies).toHaveLength(1);
    expect(alertTexts()[0]).toContain(reference);
    expect(alertTexts()[0]).toContain("email.bounced");
    for (const typed of typedWords(answers)) expect(alertTexts()[0]).not.toContain(typed);

    // Sent on at once to the fallback, with a line saying why, under its own key.
    const fallback = fake.emails.filter(({ payload }) => [payload["to"]].flat().includes(FALLBACK));
    expect(fallback).toHaveLength(1);
    expect(fallback[0]?.idempotencyKey).toMatch(/\/fallback$/);
    expect(String(fallback[0]?.payload["text"])).toMatch(
      /^This enquiry was sent to the restorative justice team's address/,
    );
    expect(String(fallback[0]?.payload["text"])).toContain(answers.message);

    // The fallback's delivered event ends it; the schedule sends nothing more, ever.
    expect(await fake.sendEvents(mailEvents())).toEqual([200]);
    expect(store.records.size).toBe(0);
    expect((await status()).code).toBe(200);
    for (let hour = 0; hour < 48; hour++) {
      clock += HOUR;
      await round({ fallbackTo: FALLBACK });
    }
    expect(fake.emails).toHaveLength(2);
    expect(alertBodies).toHaveLength(1);
  });

  it("suppressed, with no fallback: kept and retried every six hours on a new key, alarmed once a day, delivered once the address is fixed", async () => {
    fake.setFate(TEAM, "suppressed");
    const response = await post(sampleAnswers("suppressed"), { fallback: false });
    const reference = await referenceOf(response);
    await fake.sendEvents(mailEvents({ fallback: false }));
    expect(alertBodies).toHaveLength(1);
    for (let step = 0; step < (20 * HOUR) / (5 * MINUTE); step++) {
      clock += 5 * MINUTE;
      await round();
      await fake.sendEvents(mailEvents({ fallback: false }));
    }
    const teamEmails = () => fake.emails.filter(({ payload }) => [payload["to"]].flat().includes(TEAM));
    expect(teamEmails().length).toBeGreaterThanOrEqual(4);
    expect(new Set(teamEmails().map(({ idempotencyKey }) => idempotencyKey)).size).toBe(teamEmails().length);
    expect(alertBodies, "one alarm, not one a round").toHaveLength(1);
    expect(store.records.size).toBe(1);
    expect((await status()).code).toBe(503);

    // Someone removes the suppression: the next six-hourly attempt gets through.
    fake.setFate(TEAM, "delivered");
    for (let step = 0; step < (7 * HOUR) / (5 * MINUTE) && store.records.size > 0; step++) {
      clock += 5 * MINUTE;
      await round();
      await fake.sendEvents(mailEvents({ fallback: false }));
    }
    expect(store.records.size).toBe(0);
    expect(logs).toContainEqual(expect.objectContaining({ event: "enquiry.delivered", reference }));
    expect((await status()).code).toBe(200);
  });

  it("accepted but never confirmed: the alarm after three hours, and nothing sent twice by itself", async () => {
    fake.setFate(TEAM, "silent");
    await post(sampleAnswers("silent"));
    for (let step = 0; step < 36; step++) {
      clock += 5 * MINUTE;
      await round();
    }
    expect((await status()).body.alarms?.["not-confirmed"]).toBe(1);
    expect(alertTexts().join("\n")).toMatch(/not confirmed/);
    expect(fake.emails).toHaveLength(1);
  });
});

describe("the mail events", () => {
  it("email.delivered deletes the record and its index; nothing else does", async () => {
    const response = await post(sampleAnswers("delivered"));
    expect(response.status).toBe(200);
    expect(store.records.size).toBe(1);
    expect([...store.entries.keys()].some((name) => name.startsWith("email-id-"))).toBe(true);
    await fake.sendEvents(mailEvents());
    expect(store.records.size).toBe(0);
    expect([...store.entries.keys()].some((name) => name.startsWith("email-id-"))).toBe(false);
  });

  it("a forged, stale, unsigned or replayed event changes nothing", async () => {
    fake.setFate(TEAM, "silent");
    await post(sampleAnswers("forged"));
    const emailId = fake.emails[0]!.id;
    const before = new Map(store.entries);
    const send = (event: { headers: Record<string, string>; body: string }) =>
      mailEvents()(new Request(`${ORIGIN}/enquire/mail-events`, { method: "POST", ...event }));

    const other = await startFakeResend({ now });
    try {
      other.emails.push({ id: emailId, idempotencyKey: undefined, payload: {} });
      expect((await send(other.signEvent("email.delivered", emailId))).status, "another secret").toBe(400);
    } finally {
      await other.close();
    }
    const genuine = fake.signEvent("email.delivered", emailId);
    expect((await send({ ...genuine, body: genuine.body.replace("delivered", "bounced") })).status).toBe(400);
    expect((await send({ headers: { "content-type": "application/json" }, body: genuine.body })).status).toBe(400);
    const old = fake.signEvent("email.bounced", emailId, { at: clock - 10 * MINUTE });
    expect((await send(old)).status, "ten minutes old").toBe(400);
    const early = fake.signEvent("email.bounced", emailId, { at: clock + 10 * MINUTE });
    expect((await send(early)).status, "from the future").toBe(400);
    expect((await send(fake.signEvent("email.delivered", "0b7e1c3a-unknown"))).status, "unknown id").toBe(200);
    expect((await send(fake.signEvent("email.opened", emailId))).status, "not one we act on").toBe(200);
    expect(store.entries).toEqual(before);
    expect(alertBodies).toHaveLength(0);

    // The same bounce twice: one alarm, one fallback.
    const bounce = fake.signEvent("email.bounced", emailId);
    expect((await send(bounce)).status).toBe(200);
    expect((await send(bounce)).status).toBe(200);
    expect(alertBodies).toHaveLength(1);
    expect(fake.emails.filter(({ payload }) => [payload["to"]].flat().includes(FALLBACK))).toHaveLength(1);
  });

  it("without a webhook secret, answers 503 and changes nothing", async () => {
    fake.setFate(TEAM, "silent");
    await post(sampleAnswers("no secret"));
    const before = new Map(store.entries);
    const event = fake.signEvent("email.delivered", fake.emails[0]!.id);
    const response = await mailEvents({ secret: "" })(
      new Request(`${ORIGIN}/enquire/mail-events`, { method: "POST", ...event }),
    );
    expect(response.status).toBe(503);
    expect(store.entries).toEqual(before);
  });
});

describe("a sending key revoked from Friday 18:00 to Monday 09:00", () => {
  it("reaches the team with all four weekend enquiries, each once", async () => {
    const friday1800 = START + 9 * HOUR;
    const monday0900 = START + 3 * 24 * HOUR;
    const arrivals = [friday1800 + HOUR, friday1800 + 16 * HOUR, friday1800 + 45 * HOUR, monday0900 - HOUR];
    const references: string[] = [];
    clock = friday1800;
    fake.failAll({ status: 403, name: "invalid_api_key" });
    while (clock < monday0900 + 8 * HOUR) {
      clock += 5 * MINUTE;
      if (clock === monday0900) fake.failAll(null);
      if (arrivals.includes(clock)) {
        const response = await post(sampleAnswers(`weekend ${references.length}`));
        expect(response.status, "kept, and the page says so").toBe(202);
        references.push(await referenceOf(response));
      }
      await round({ fallbackTo: FALLBACK });
      await fake.sendEvents(mailEvents());
    }
    expect(references).toHaveLength(4);
    const subjects = fake.emails.map(({ payload }) => String(payload["subject"]));
    for (const reference of references) expect(subjects.filter((s) => s.endsWith(reference))).toHaveLength(1);
    expect(fake.emails).toHaveLength(4);
    expect(store.records.size).toBe(0);
    // Each was alarmed while it waited, with its reference, and nothing typed.
    for (const reference of references.slice(0, 3)) expect(alertTexts().join("\n")).toContain(reference);
    expect(alertTexts().join("\n")).not.toContain("07700");
  });
});

describe("a used-up daily quota", () => {
  it("is an outage: kept, retried, alarmed after an hour, delivered once the quota is back", async () => {
    fake.failAll({ status: 429, name: "daily_quota_exceeded" });
    const response = await post(sampleAnswers("quota"));
    expect(response.status).toBe(202);
    const reference = await referenceOf(response);
    for (let step = 0; step < 14; step++) {
      clock += 5 * MINUTE;
      await round();
    }
    expect(store.records.size).toBe(1);
    expect(alertTexts().join("\n")).toContain(reference);
    expect(alertTexts().join("\n")).toContain("daily_quota_exceeded");
    expect((await status()).body.alarms?.["delayed"]).toBe(1);
    fake.failAll(null);
    for (let step = 0; step < 24 && store.records.size > 0; step++) {
      clock += 5 * MINUTE;
      await round();
      await fake.sendEvents(mailEvents());
    }
    expect(store.records.size).toBe(0);
    expect(fake.emails).toHaveLength(1);
  });
});

describe("a backlog of 500, each read taking 50 ms", () => {
  it("delivers every one over successive rounds, none twice, no round over 30 s of its clock", async () => {
    const records = waiting();
    for (let n = 0; n < 500; n++) {
      const idempotencyKey = `enquiry/${n.toString(16).padStart(64, "0")}`;
      const email = {
        to: TEAM,
        from: "Website <enquiries@rj.example>",
        subject: `Restorative justice enquiry RJ-BULK-${String(n).padStart(4, "0")}`,
        text: `Message ${n}`,
        html: `<p>Message ${n}</p>`,
        idempotencyKey,
      };
      await records.save(newWaitingEnquiry(email, `RJ-BULK-${n}`, START));
    }
    // Reads started together overlap, as parallel requests do: each batch costs 50 ms.
    store.beforeRead = async () => {
      const startedAt = clock;
      await Promise.resolve();
      clock = Math.max(clock, startedAt + 50);
    };
    const slowMailer = resendMailer(8000);
    const rounds: { ms: number; tally: RoundTally }[] = [];
    clock = START + 5 * MINUTE;
    while (store.records.size > 0 && rounds.length < 40) {
      const startedAt = clock;
      const tally = await deliveryRound({
        waiting: waiting(),
        // Each send takes 150 ms on the clock, as a request to the provider does.
        mailer: { name: "slow", send: async (email) => ((clock += 150), slowMailer.send(email)) },
        now,
        log: (event) => logs.push(event),
        confirmDelivery: true,
        startAttemptsWithinMs: SCHEDULED_ROUND_ATTEMPT_WINDOW_MS,
      });
      rounds.push({ ms: clock - startedAt, tally });
      await fake.sendEvents(mailEvents());
      clock = startedAt + 5 * MINUTE;
    }
    const longest = Math.max(...rounds.map(({ ms }) => ms));
    console.log(
      `backlog of 500: ${rounds.length} rounds; accepted per round ${rounds.map(({ tally }) => tally.awaiting).join(", ")}; ` +
        `longest round ${longest} ms, times ${rounds.map(({ ms }) => ms).join(", ")} ms`,
    );
    expect(store.records.size).toBe(0);
    expect(fake.emails).toHaveLength(500);
    expect(new Set(fake.emails.map(({ idempotencyKey }) => idempotencyKey)).size).toBe(500);
    expect(longest).toBeLessThanOrEqual(30_000);
    expect(rounds.every(({ tally }) => tally.awaiting > 0 || tally.delivered > 0 || store.records.size === 0)).toBe(
      true,
    );
  });
});

describe("keys and contexts", () => {
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);
  /** Netlify Blobs as the functions see it: one store per name. */
  const stores = new Map<string, MemoryStore>();
  const openStore = (name: string) => stores.get(name) ?? stores.set(name, createMemoryStore()).get(name)!;
  beforeEach(() => stores.clear());

  it("a deploy preview cannot read production's enquiries: another store, another key", async () => {
    const production = openWaitingEnquiries(
      { CONTEXT: "production", ENQUIRY_STORE_KEY: keyA.toString("base64") },
      openStore,
    );
    if ("error" in production) throw new Error(production.error);
    const email = {
      to: TEAM,
      from: "x@rj.example",
      subject: "s",
      text: "t",
      html: "h",
      idempotencyKey: `enquiry/${"a".repeat(64)}`,
    };
    await production.save(newWaitingEnquiry(email, "RJ-PROD-0001", clock));

    const previewEnv = { CONTEXT: "deploy-preview", ENQUIRY_STORE_KEY: keyB.toString("base64") };
    const preview = openWaitingEnquiries(previewEnv, openStore);
    if ("error" in preview) throw new Error(preview.error);
    expect(await preview.names()).toEqual([]);
    // Even pointed at production's store by branch code, its key opens nothing there.
    const snooping = createWaitingEnquiries(openStore("enquiries"), keyB);
    const read = await snooping.read(recordName(email.idempotencyKey));
    expect(read).toHaveProperty("unreadable");
    expect(JSON.stringify(read)).not.toContain("RJ-PROD-0001");
    // And without a key of its own, a preview keeps nothing at all.
    expect(openWaitingEnquiries({ CONTEXT: "branch-deploy" }, openStore)).toHaveProperty("error");
  });

  it("after a rotation, records under the old key are delivered, and re-sealed under the new one meanwhile", async () => {
    store = openStore("enquiries");
    const old = createWaitingEnquiries(store, keyA);
    const emailOf = (n: number) => ({
      to: TEAM,
      from: "x@rj.example",
      subject: `Restorative justice enquiry RJ-ROT-000${n}`,
      text: `Message ${n}`,
      html: `<p>${n}</p>`,
      idempotencyKey: `enquiry/${String(n).repeat(64)}`,
    });
    await old.save(newWaitingEnquiry(emailOf(1), "RJ-ROT-0001", clock));
    await old.save({ ...newWaitingEnquiry(emailOf(2), "RJ-ROT-0002", clock), nextAttemptAt: clock + 10 * HOUR });

    const rotated = { current: keyB, old: [keyA] };
    expect((await status(keyB)).body.alarms?.["unreadable"], "the new key alone opens neither").toBe(2);
    clock += 5 * MINUTE;
    await round({ keys: rotated });
    expect(fake.emails.map(({ payload }) => payload["subject"])).toEqual(["Restorative justice enquiry RJ-ROT-0001"]);
    // The one not yet due is now sealed under the new key: the old one can go.
    const remaining = await createWaitingEnquiries(store, keyB).read(recordName(emailOf(2).idempotencyKey));
    expect(remaining).toHaveProperty("enquiry.reference", "RJ-ROT-0002");
    expect((await status(keyB)).body.alarms?.["unreadable"]).toBe(0);
  });
});
