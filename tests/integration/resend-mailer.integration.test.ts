/** The Resend mailer with the real SDK, against the fake Resend API on loopback. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { chooseMailer } from "../../src/lib/enquiry/mailers/choose-mailer.ts";
import type { OutgoingEmail } from "../../src/lib/enquiry/mailers/mailer.ts";
import {
  backoffDelayMs,
  createResendMailer,
  parseRetryAfterMs,
  type ResendMailerOptions,
} from "../../src/lib/enquiry/mailers/resend-mailer.ts";
import { closedPortUrl, startFakeResend, type FakeResend } from "../../tools/fakes/resend.ts";

const email: OutgoingEmail = {
  from: "West Mercia RJ website <enquiries@rj.example>",
  to: "team@rj.example",
  replyTo: "sam@example.com",
  subject: "Restorative justice enquiry RJ-7K3M-9Q2X",
  text: "HOW TO CONTACT THIS PERSON SAFELY\n…",
  html: "<!doctype html><p>How to contact this person safely</p>",
  idempotencyKey: `enquiry/${"ab".repeat(32)}`,
};

let fake: FakeResend;
beforeEach(async () => {
  fake = await startFakeResend();
});
afterEach(async () => {
  await fake.close();
  vi.restoreAllMocks();
});

/** Fast settings: small timeouts and no real waiting unless a test wants it. */
const mailer = (options: Partial<ResendMailerOptions> = {}) =>
  createResendMailer({
    apiKey: fake.apiKey,
    baseUrl: fake.url,
    retry: { baseDelayMs: 10, maxDelayMs: 40 },
    deadlineMs: 2000,
    perAttemptTimeoutMs: 500,
    ...options,
  });

/** A sleep that records each wait and returns at once. */
const recordingSleep = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};

describe("a successful send", () => {
  it("sends exactly one email, with the idempotency key and reply-to", async () => {
    const result = await mailer().send(email);
    expect(fake.emails).toHaveLength(1);
    const [sent] = fake.emails;
    expect(result).toEqual({ ok: true, id: sent?.id });
    expect(sent?.idempotencyKey).toBe(email.idempotencyKey);
    expect(sent?.payload).toMatchObject({
      from: email.from,
      to: email.to,
      reply_to: email.replyTo,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
  });

  it("sends no reply-to when there is none", async () => {
    const withoutReplyTo: OutgoingEmail = { ...email };
    delete withoutReplyTo.replyTo;
    await mailer().send(withoutReplyTo);
    expect(fake.emails[0]?.payload).not.toHaveProperty("reply_to");
  });

  it("reaches the team once when the same email is sent twice", async () => {
    const first = await mailer().send(email);
    const second = await mailer().send(email);
    expect(second).toEqual(first);
    expect(fake.emails).toHaveLength(1);
    expect(fake.requests.map((request) => request.outcome)).toEqual(["accepted", "replayed"]);
  });
});

describe("retrying", () => {
  it("retries a 500 and sends one email", async () => {
    fake.failNext(1, { status: 500 });
    const result = await mailer().send(email);
    expect(result.ok).toBe(true);
    expect(fake.requests.map((request) => request.status)).toEqual([500, 200]);
    expect(fake.emails).toHaveLength(1);
  });

  it("retries a 502 from a proxy whose body is not JSON", async () => {
    fake.failNext(1, { status: 502, rawBody: "<html>Bad gateway</html>" });
    expect((await mailer().send(email)).ok).toBe(true);
    expect(fake.emails).toHaveLength(1);
  });

  it("waits as long as a 429's retry-after says, then sends one email", async () => {
    fake.failNext(1, { status: 429, retryAfter: 1 });
    const started = performance.now();
    const result = await mailer({ deadlineMs: 3000 }).send(email);
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(1800);
    expect(fake.emails).toHaveLength(1);
  });

  it("passes retry-after to its sleep in milliseconds", async () => {
    fake.failNext(1, { status: 429, retryAfter: 2 });
    const { waits, sleep } = recordingSleep();
    expect((await mailer({ deadlineMs: 5000, sleep }).send(email)).ok).toBe(true);
    expect(waits).toEqual([2000]);
  });

  it("gives up at once when retry-after would end past the deadline, without sleeping", async () => {
    fake.failNext(1, { status: 429, retryAfter: 30 });
    const { waits, sleep } = recordingSleep();
    expect(await mailer({ sleep }).send(email)).toEqual({
      ok: false,
      reason: "429 rate_limit_exceeded",
      maybeAccepted: false,
    });
    expect(waits).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it("does not retry a used-up quota", async () => {
    fake.failNext(1, { status: 429, name: "daily_quota_exceeded" });
    expect(await mailer().send(email)).toEqual({ ok: false, reason: "429 daily_quota_exceeded", maybeAccepted: false });
    expect(fake.requests).toHaveLength(1);
  });

  it("retries while Resend is still working on the same key", async () => {
    fake.failNext(1, { status: 409, name: "concurrent_idempotent_requests" });
    expect((await mailer().send(email)).ok).toBe(true);
    expect(fake.requests).toHaveLength(2);
  });

  it("aborts a hanging request and retries it", async () => {
    fake.failNext(1, { hang: true });
    const started = performance.now();
    const result = await mailer({ perAttemptTimeoutMs: 300 }).send(email);
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fake.requests.map((request) => request.outcome)).toEqual(["hung", "accepted"]);
    expect(fake.emails).toHaveLength(1);
  });

  it("fails with a timeout, inside the deadline, when every request hangs", async () => {
    fake.failNext(10, { hang: true });
    const started = performance.now();
    const result = await mailer({ deadlineMs: 1000, perAttemptTimeoutMs: 300 }).send(email);
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, reason: "timeout", maybeAccepted: true });
    expect(elapsed).toBeLessThan(1100);
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    expect(fake.emails).toHaveLength(0);
  });

  it("stops after 3 retries", async () => {
    fake.failNext(10, { status: 500 });
    const { waits, sleep } = recordingSleep();
    expect(await mailer({ sleep }).send(email)).toEqual({
      ok: false,
      reason: "500 internal_server_error",
      maybeAccepted: true,
    });
    expect(fake.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it("takes maxRetries from its options", async () => {
    fake.failNext(10, { status: 503 });
    const { sleep } = recordingSleep();
    await mailer({ sleep, retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 40 } }).send(email);
    expect(fake.requests).toHaveLength(2);
  });
});

describe("failing at once", () => {
  it.each([
    [400, "validation_error"],
    [422, "missing_required_field"],
  ])("does not retry a %s", async (status, name) => {
    fake.failNext(1, { status, name });
    expect(await mailer().send(email)).toEqual({ ok: false, reason: `${status} ${name}`, maybeAccepted: false });
    expect(fake.requests).toHaveLength(1);
  });

  it("does not retry a wrong API key", async () => {
    const wrongKey = createResendMailer({ apiKey: "re_wrong", baseUrl: fake.url });
    expect(await wrongKey.send(email)).toEqual({ ok: false, reason: "403 invalid_api_key", maybeAccepted: false });
    expect(fake.requests).toHaveLength(1);
  });

  it("takes Resend's 409 for a used key with a different email as already accepted, without retrying", async () => {
    // A changed team address or template within 24 hours must not make "Try sending again" fail.
    await mailer().send(email);
    expect(await mailer().send({ ...email, text: "changed" })).toEqual({ ok: true, alreadyAccepted: true });
    expect(fake.requests).toHaveLength(2);
    expect(fake.emails).toHaveLength(1);
  });

  it("reports a refused connection by name, without throwing, after retrying", async () => {
    const { waits, sleep } = recordingSleep();
    const refused = mailer({ baseUrl: await closedPortUrl(), sleep });
    await expect(refused.send(email)).resolves.toEqual({ ok: false, reason: "network_error", maybeAccepted: true });
    expect(waits).toHaveLength(3);
  });

  it("logs nothing, so nothing personal reaches the logs", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    fake.failNext(1, { status: 500 });
    fake.failNext(1, { status: 400 });
    await mailer().send(email);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe("chooseMailer's Resend mailer", () => {
  it("sends to RESEND_BASE_URL with RESEND_API_KEY", async () => {
    const chosen = chooseMailer({ RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: `${fake.url}/` });
    if (!("mailer" in chosen)) throw new Error(chosen.error);
    expect(chosen.mailer.name).toBe("resend");
    expect((await chosen.mailer.send(email)).ok).toBe(true);
    expect(fake.emails).toHaveLength(1);
  });
});

describe("backoffDelayMs", () => {
  const options = { baseDelayMs: 300, maxDelayMs: 2000 };

  it("doubles each retry, with half of each step random", () => {
    expect([0, 1, 2].map((retry) => backoffDelayMs(retry, options, () => 0))).toEqual([150, 300, 600]);
    expect([0, 1, 2].map((retry) => backoffDelayMs(retry, options, () => 1))).toEqual([300, 600, 1200]);
  });

  it("never waits longer than maxDelayMs", () => {
    expect(backoffDelayMs(10, options, () => 1)).toBe(2000);
  });
});

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2026-11-24T10:00:00Z");

  it.each([
    ["1", 1000],
    ["1.5", 1500],
    ["0", 0],
    ["Tue, 24 Nov 2026 10:00:03 GMT", 3000],
    ["Tue, 24 Nov 2026 09:59:00 GMT", 0],
  ])("reads %s as %s ms", (value, ms) => {
    expect(parseRetryAfterMs(value, now)).toBe(ms);
  });

  it.each([undefined, "", "soon", "-1"])("ignores %s", (value) => {
    expect(parseRetryAfterMs(value, now)).toBeUndefined();
  });
});
