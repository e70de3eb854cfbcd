/**
 * "Accepted is not received", through the preview as Netlify's tools run the functions: with
 * RESEND_WEBHOOK_SECRET set, an enquiry the mail service accepted stays in the preview's Blobs
 * until the fake Resend's signed `email.delivered` reaches POST /enquire/mail-events; a signed
 * `email.bounced` keeps it, marked not received, turns GET /enquire/status to 503 and sends one
 * alarm to the (loopback) alert receiver. Forged, tampered and replayed events change nothing.
 * The handlers' other paths are tested in-process; this is the one real journey.
 */
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENQUIRY_ACTION } from "../../src/site.ts";
import { REFERENCE_PATTERN } from "../../src/lib/enquiry/reference.ts";
import { DEVELOPMENT_STORE_KEY } from "../../src/lib/enquiry/sealed.ts";
import { createBlobsStore, ENQUIRY_STORE_NAME, type EnquiryStore } from "../../src/lib/enquiry/store.ts";
import { createWaitingEnquiries, type ReadEnquiry } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { runEnquiriesCommand } from "../../src/lib/enquiry/enquiries-command.ts";
import { alertWords, type FakeAlertReceiver } from "../../tools/fakes/alert-receiver.ts";
import { startFakeResend, type FakeResend, type SignedEvent } from "../../tools/fakes/resend.ts";
import { startLocalBlobs, type LocalBlobs } from "../../tools/netlify/local-blobs.ts";
import type { Preview } from "../../tools/netlify/preview.ts";
import { startEnquiryHarness, TEAM_ADDRESS, type EnquiryHarness } from "../support/enquiry-harness.ts";
import { captureFunctionLogs } from "../support/function-logs.ts";
import { sampleAnswers } from "../support/sample-answers.ts";

const MINUTE = 60_000;
const STATUS_TOKEN = "status-token-for-the-mail-events-journey";

let harness: EnquiryHarness;
let fake: FakeResend;
let preview: Preview;
let alerts: FakeAlertReceiver;
/** A second local Blobs server on the preview's folder: the store as `npm run enquiries` opens it. */
let blobs: LocalBlobs;
let store: EnquiryStore;
const previewLogs: string[] = [];
const logs = captureFunctionLogs();

beforeAll(async () => {
  harness = await startEnquiryHarness({
    logs: previewLogs,
    confirmDelivery: true,
    alertReceiver: true,
    statusToken: STATUS_TOKEN,
  });
  ({ fake, preview } = harness);
  alerts = harness.alerts!;
  blobs = await startLocalBlobs(harness.blobsDirectory);
  store = createBlobsStore(ENQUIRY_STORE_NAME, blobs.location);
}, 60_000);

afterAll(async () => {
  logs.restore();
  await blobs?.stop();
  await harness?.close();
});

const waiting = () => createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY);
const mailEventsUrl = () => new URL("/enquire/mail-events", preview.url).href;

/** The words typed into each enquiry that must never show outside the sealed record and the email. */
const TYPED = ["letter to the person", "hurt me", "sam.writer", "Samantha", "Quill", "07700", "900982", "Weekday"];

/** As a browser posts the form from the site's own page. */
async function postEnquiry(tag: string) {
  const response = await fetch(new URL(ENQUIRY_ACTION, preview.url), {
    method: "POST",
    headers: { origin: preview.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(sampleAnswers(tag)).toString(),
  });
  const { document } = parseHTML(await response.text());
  return {
    status: response.status,
    title: document.title,
    reference: document.querySelector("[data-enquiry-reference]")?.textContent ?? "",
  };
}

const postEvent = ({ headers, body }: SignedEvent) => fetch(mailEventsUrl(), { method: "POST", headers, body });

async function status(token?: string) {
  const response = await fetch(new URL("/enquire/status", preview.url), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return { status: response.status, cacheControl: response.headers.get("cache-control"), text };
}

/** The one record with this reference, opened as the delivery code opens it. */
async function recordOf(reference: string): Promise<ReadEnquiry | null> {
  for (const name of await waiting().names()) {
    const read = await waiting().read(name);
    if (read && "enquiry" in read && read.enquiry.reference === reference) return read;
  }
  return null;
}

/** The bounced enquiry, from step 1 on. */
let bounced: { reference: string; emailId: string };

describe("mail events through the preview", () => {
  it("says all is well at /enquire/status while nothing waits", async () => {
    const open = await status();
    expect(open.status).toBe(200);
    expect(JSON.parse(open.text)).toEqual({ status: "ok" });
    expect(open.cacheControl).toBe("no-store");
    const detailed = await status(STATUS_TOKEN);
    expect(detailed.status).toBe(200);
    expect(JSON.parse(detailed.text)).toMatchObject({ status: "ok", waiting: 0, oldestMinutes: null });
  }, 30_000);

  it("keeps a bounced enquiry: the person sees it sent, the signed bounce is taken, the record stays", async () => {
    fake.setFate(TEAM_ADDRESS, "bounced");
    const page = await postEnquiry("bounced at the team's server");
    // Accepted by the mail service: as far as the person can know, it is sent.
    expect(page.status).toBe(200);
    expect(page.title).toMatch(/^Your enquiry has been sent/);
    expect(page.reference).toMatch(REFERENCE_PATTERN);
    expect(fake.emails).toHaveLength(1);
    const emailId = fake.emails[0]!.id;
    bounced = { reference: page.reference, emailId };

    // Accepted is not received: it waits for the provider's word, findable by the email's id.
    const before = await recordOf(page.reference);
    expect(before?.summary.stage).toBe("awaiting");
    expect(await store.names("email-id-")).toEqual([`email-id-${emailId}`]);
    expect(fake.pendingEvents).toEqual([{ type: "email.bounced", emailId }]);

    expect(await fake.sendEvents(mailEventsUrl())).toEqual([200]);
    const after = await recordOf(page.reference);
    expect(after?.summary.stage).toBe("not-received");
    expect(after?.enquiry.sends).toEqual([expect.objectContaining({ emailId, route: "team", outcome: "bounced" })]);
    // Tried again on the schedule; no fallback address is set, so nothing else was sent.
    expect(after?.enquiry.nextAttemptAt).toBe(after!.enquiry.sends![0]!.outcomeAt! + 6 * 60 * MINUTE);
    expect(fake.emails).toHaveLength(1);
  }, 30_000);

  it("turns /enquire/status to 503, with counts only for the token and nothing personal", async () => {
    const open = await status();
    expect(open.status).toBe(503);
    expect(JSON.parse(open.text)).toEqual({ status: "attention" });
    expect(open.cacheControl).toBe("no-store");
    // A wrong token is no token.
    expect(JSON.parse((await status("not-the-token")).text)).toEqual({ status: "attention" });

    const detailed = await status(STATUS_TOKEN);
    expect(detailed.status).toBe(503);
    expect(detailed.cacheControl).toBe("no-store");
    const details = JSON.parse(detailed.text) as Record<string, unknown>;
    expect(details).toMatchObject({ status: "attention", waiting: 1, warnings: [] });
    expect(details["alarms"]).toEqual({ delayed: 0, held: 0, "not-received": 1, "not-confirmed": 0, unreadable: 0 });
    expect(detailed.text).not.toContain(bounced.reference);
    expect(detailed.text).not.toMatch(/RJ-/);
    for (const typed of TYPED) expect(detailed.text).not.toContain(typed);
  }, 30_000);

  it("sends exactly one alarm, naming the reference and nothing typed", () => {
    expect(alerts.received).toHaveLength(1);
    const [alert] = alerts.received;
    // Not a Slack address, so the Teams Workflows shape: an Adaptive Card.
    expect(alert).toMatchObject({
      type: "message",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive" }],
    });
    const words = alertWords(alert);
    expect(words).toContain(bounced.reference);
    expect(words).toContain("email.bounced");
    expect(words).toMatch(/not received/);
    const raw = JSON.stringify(alert);
    for (const typed of TYPED) expect(raw).not.toContain(typed);
  });

  it("shows the team the enquiry as NOT RECEIVED in `npm run enquiries -- waiting`", async () => {
    const receivedAt = (await recordOf(bounced.reference))!.enquiry.receivedAt;
    const lines: string[] = [];
    const code = await runEnquiriesCommand({
      command: "waiting",
      live: false,
      env: {},
      store,
      now: () => receivedAt + 2 * MINUTE,
      out: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    const output = lines.join("\n");
    expect(output).toContain("1 enquiry waiting.");
    expect(output).toContain(`Reference:     ${bounced.reference}`);
    expect(output).toMatch(/Stands: +NOT RECEIVED/);
    expect(output).toMatch(/Alarm: +not received/);
    expect(output).toMatch(/Accepted: +.* to the team's address: bounced/);
    expect(output).toContain("hurt me");
  }, 30_000);

  it("deletes a delivered enquiry only on its signed email.delivered, and ignores forged or stale ones", async () => {
    fake.setFate(TEAM_ADDRESS, "delivered");
    const alertsBefore = alerts.received.length;
    const page = await postEnquiry("delivered to the team");
    expect(page.status).toBe(200);
    expect(page.title).toMatch(/^Your enquiry has been sent/);
    const emailId = fake.emails.at(-1)!.id;
    expect(fake.pendingEvents).toEqual([{ type: "email.delivered", emailId }]);

    // Before its event: in the store, awaiting, with its index entry.
    const kept = await recordOf(page.reference);
    expect(kept?.summary.stage).toBe("awaiting");
    expect(kept?.enquiry.sends).toEqual([expect.objectContaining({ emailId, route: "team" })]);
    expect((await store.names("email-id-")).sort()).toEqual(
      [`email-id-${bounced.emailId}`, `email-id-${emailId}`].sort(),
    );

    // Not events Resend sent: each is refused, and the record stands exactly as it was.
    const other = await startFakeResend();
    const genuineOpened = fake.signEvent("email.opened", emailId);
    const refusals: [string, SignedEvent][] = [
      ["signed with another secret", other.signEvent("email.delivered", emailId)],
      [
        "tampered after signing",
        { ...genuineOpened, body: genuineOpened.body.replace('"email.opened"', '"email.delivered"') },
      ],
      // A real signature from ten minutes ago: a replay. The preview's functions run on the real
      // clock, so the event's time has to be set from it too.
      ["replayed", fake.signEvent("email.delivered", emailId, { at: Date.now() - 10 * MINUTE })],
      ["unsigned", { headers: { ...genuineOpened.headers, "svix-signature": "" }, body: genuineOpened.body }],
      ["a bounce signed with another secret", other.signEvent("email.bounced", emailId)],
    ];
    await other.close();
    for (const [what, event] of refusals) {
      const response = await postEvent(event);
      expect(response.status, what).toBe(400);
      expect(response.headers.get("cache-control"), what).toBe("no-store");
      await response.body?.cancel();
      const now = await recordOf(page.reference);
      expect(now?.version, what).toBe(kept?.version);
    }
    expect(alerts.received).toHaveLength(alertsBefore);

    // A genuine event of no consequence is taken and changes nothing.
    const opened = await postEvent(fake.signEvent("email.opened", emailId));
    expect(opened.status).toBe(200);
    expect(opened.headers.get("cache-control")).toBe("no-store");
    await opened.body?.cancel();
    expect((await recordOf(page.reference))?.version).toBe(kept?.version);

    // Resend's own word that it is in the inbox: the record and its index entry go.
    expect(await fake.sendEvents(mailEventsUrl())).toEqual([200]);
    expect(await recordOf(page.reference)).toBeNull();
    expect(await store.names("email-id-")).toEqual([`email-id-${bounced.emailId}`]);
    // The bounced one is untouched, and still needs a person.
    expect((await recordOf(bounced.reference))?.summary.stage).toBe("not-received");
    expect((await status()).status).toBe(503);
    expect(alerts.received).toHaveLength(alertsBefore);
    expect(fake.emails).toHaveLength(2);
  }, 60_000);

  it("logs event types and references only, and no word typed", () => {
    const events = logs.events();
    expect(events).toContainEqual({
      event: "enquiry.not-received",
      reference: bounced.reference,
      type: "email.bounced",
    });
    expect(events).toContainEqual(
      expect.objectContaining({ event: "enquiry.alarm", reference: bounced.reference, alarm: "not-received" }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: "enquiry.delivered", confirmedBy: "email.delivered" }),
    );
    const refused = events.filter((event) => event["event"] === "mail-event.refused").map((event) => event["reason"]);
    expect(refused.sort()).toEqual(["signature", "signature", "signature", "stale", "unsigned"]);
    const everything = [logs.text(), ...previewLogs].join("\n");
    for (const typed of TYPED) expect(everything).not.toContain(typed);
  });
});
