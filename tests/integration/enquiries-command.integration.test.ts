/**
 * The team's commands, `npm run enquiries -- waiting | deliver | discard`: run in-process against
 * a store in memory and a fake clock (the outbox or the fake Resend standing in for the mail
 * service), and once for real, as `npm run enquiries` runs, on a local Blobs folder.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attemptDelivery, newWaitingEnquiry, recordNotReceived } from "../../src/lib/enquiry/delivery.ts";
import type { Mailer } from "../../src/lib/enquiry/mailers/mailer.ts";
import { DEVELOPMENT_STORE_KEY, seal } from "../../src/lib/enquiry/sealed.ts";
import { createBlobsStore, ENQUIRY_STORE_NAME } from "../../src/lib/enquiry/store.ts";
import { createWaitingEnquiries, recordName, type WaitingEnquiry } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { runEnquiriesCommand } from "../../src/lib/enquiry/enquiries-command.ts";
import { startFakeResend, type FakeResend } from "../../tools/fakes/resend.ts";
import { startLocalBlobs } from "../../tools/netlify/local-blobs.ts";
import { createMemoryStore, type MemoryStore } from "../../tools/fakes/memory-store.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2026, 10, 20, 9, 0, 0);
/** Every command runs at this time. */
const NOW = START + 10 * MINUTE;

const email = (n: number) => ({
  to: "team@rj.example",
  from: "Website <enquiries@rj.example>",
  replyTo: `person${n}@example.com`,
  subject: `Restorative justice enquiry RJ-TEST-000${n}`,
  text: `THEIR MESSAGE\nPlease call me after six. (${n})`,
  html: `<p>Please call me after six. (${n})</p>`,
  idempotencyKey: `enquiry/${String(n).repeat(64)}`,
});

let fake: FakeResend;
let store: MemoryStore;
let outbox: string;
let lines: string[];
/** The questions the command asked, and the answer it gets. */
let asked: string[];
let answer: boolean;
beforeEach(async () => {
  // A new one each time: like Resend, it remembers every idempotency key it has seen.
  fake = await startFakeResend({ now: () => NOW });
  store = createMemoryStore();
  outbox = mkdtempSync(join(tmpdir(), "enquiries-command-"));
  lines = [];
  asked = [];
  answer = false;
});
afterEach(async () => {
  await fake.close();
  rmSync(outbox, { recursive: true, force: true });
});

interface RunOptions {
  live?: boolean;
  env?: Record<string, string>;
  target?: string;
  notReceived?: boolean;
}

const run = (command: string | undefined, { live = false, env = {}, target, notReceived }: RunOptions = {}) =>
  runEnquiriesCommand({
    command,
    target,
    ...(notReceived ? { notReceived } : {}),
    live,
    env: { ENQUIRY_OUTBOX_DIR: outbox, ...env },
    store,
    now: () => NOW,
    out: (line) => lines.push(line),
    confirm: async (question) => {
      asked.push(question);
      return answer;
    },
  });

/** The fake Resend as the mail service, as `RESEND_API_KEY=… npm run enquiries` would use it. */
const viaFakeResend = () => ({ RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url });

const waiting = () => createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY);
const nameOf = (n: number) => recordName(email(n).idempotencyKey);
const records = () => store.names("enquiry-");

async function keep(n: number, receivedAt = START) {
  await waiting().save(newWaitingEnquiry(email(n), `RJ-TEST-000${n}`, receivedAt));
}

/** A mail service that may have taken each email: a timeout, or a 500. */
const unsureMailer: Mailer = {
  name: "unsure",
  send: async () => ({ ok: false, reason: "500 internal_server_error", maybeAccepted: true }),
};
/** A mail service that accepts each email under this id. */
const acceptingMailer = (id: string): Mailer => ({ name: "accepting", send: async () => ({ ok: true, id }) });

/**
 * Held, as the schedule leaves it: the first attempt may have reached the mail service, and a
 * day later Resend has forgotten its key, so no attempt can be made without risking a copy.
 */
async function keepHeld(n: number): Promise<WaitingEnquiry> {
  const receivedAt = START - 2 * 24 * HOUR;
  const first = await attemptDelivery(
    newWaitingEnquiry(email(n), `RJ-TEST-000${n}`, receivedAt),
    unsureMailer,
    () => receivedAt,
    {},
  );
  if (first.kind !== "failed") throw new Error("the first attempt should fail");
  const held = await attemptDelivery(first.enquiry, unsureMailer, () => receivedAt + 24 * HOUR, {});
  if (held.kind !== "failed" || held.enquiry.heldBecause !== "maybe-sent") throw new Error("it should be held");
  await waiting().save(held.enquiry);
  return held.enquiry;
}

/** Accepted by the mail service at `at`, waiting for its word, with its index entry. */
async function keepAccepted(n: number, at: number): Promise<WaitingEnquiry> {
  const record = newWaitingEnquiry(email(n), `RJ-TEST-000${n}`, at);
  const accepted = await attemptDelivery(record, acceptingMailer(`email-${n}`), () => at, { confirmDelivery: true });
  if (accepted.kind !== "accepted") throw new Error("it should be accepted");
  await waiting().save(accepted.enquiry);
  await waiting().index(`email-${n}`, nameOf(n));
  return accepted.enquiry;
}

/** The mail service said the team's address bounced it. */
async function keepBounced(n: number): Promise<WaitingEnquiry> {
  const accepted = await keepAccepted(n, START);
  const bounced = recordNotReceived(accepted, `email-${n}`, "bounced", START + 2 * MINUTE, undefined)!;
  const read = await waiting().read(nameOf(n));
  if (!read || !(await waiting().update(read, bounced))) throw new Error("the bounce should be written");
  return bounced;
}

describe("waiting", () => {
  it("prints each waiting enquiry, decrypted, oldest first, with where it stands", async () => {
    await keep(2);
    await keep(1, START + MINUTE);
    expect(await run("waiting")).toBe(0);
    const output = lines.join("\n");
    expect(output).toContain("2 enquiries waiting.");
    expect(output).toContain("Reference:     RJ-TEST-0002");
    expect(output).toContain("Received:      2026-11-20 09:00:00 UTC");
    expect(output).toContain("Next attempt:  2026-11-20 09:05:00 UTC");
    expect(output).toContain("Stands:        not sent yet: on the schedule");
    // Nothing is deleted by the calendar any more: only delivery, or a person, ends one.
    expect(output).not.toContain("Deleted after");
    expect(output).toContain("Please call me after six. (1)");
    expect(output).toContain("Reply to:      person2@example.com");
    // Oldest first, though the store lists the newer one's name first.
    expect(output.indexOf("RJ-TEST-0002")).toBeLessThan(output.indexOf("RJ-TEST-0001"));
  });

  it("shows which enquiries are held or not received, with their alarm and what the mail service said", async () => {
    await keepHeld(6);
    await keepBounced(7);
    await keepAccepted(8, NOW - MINUTE);
    expect(await run("waiting")).toBe(0);
    const [held, bounced, awaiting] = lines.join("\n").split("=".repeat(72)).slice(1);
    expect(held).toContain("Reference:     RJ-TEST-0006");
    expect(held).toContain("Stands:        HELD: it may already be in the team's inbox");
    expect(held).toContain("Alarm:         held:");
    expect(held).toContain("Attempts:      1, the last at 2026-11-18 09:00:00 UTC: 500 internal_server_error");
    expect(held).toContain("Next attempt:  none planned: see above");

    expect(bounced).toContain("Reference:     RJ-TEST-0007");
    expect(bounced).toContain("Stands:        NOT RECEIVED: the mail service says the team's address did not get it");
    expect(bounced).toContain("Alarm:         not received:");
    expect(bounced).toContain("Accepted:      2026-11-20 09:00:00 UTC to the team's address: bounced");
    expect(bounced).toContain("Next attempt:  2026-11-20 15:02:00 UTC");

    // Accepted a minute ago: waiting for the word, with no alarm yet.
    expect(awaiting).toContain("Reference:     RJ-TEST-0008");
    expect(awaiting).toContain("Stands:        sent: waiting for the mail service to say it was delivered");
    expect(awaiting).not.toContain("Alarm:");
  });

  it("names a record no key opens, and says how to discard it", async () => {
    await keep(1);
    const name = nameOf(9);
    await store.create(name, seal(Buffer.alloc(32, 7), "{}", name));
    expect(await run("waiting")).toBe(1);
    const output = lines.join("\n");
    expect(output).toContain(`${name}: unreadable: no key here opens it`);
    expect(output).toContain("discard it by this name");
    expect(output).toContain("1 enquiry waiting.");
  });

  it("refuses the development key for the live store", async () => {
    expect(await run("waiting", { live: true })).toBe(1);
    expect(lines.join("\n")).toMatch(/ENQUIRY_STORE_KEY is missing on a hosted deploy/);
  });

  it("explains itself when the command is missing or wrong", async () => {
    expect(await run(undefined)).toBe(2);
    expect(lines[0]).toMatch(/^Usage: npm run enquiries -- <command>/);
    for (const command of ["waiting", "deliver --not-received RJ-…", "discard RJ-…"]) {
      expect(lines[0]).toContain(`  ${command} `);
    }
    // A reference where none is taken, or none where one is needed: the usage again.
    expect(await run("waiting", { target: "RJ-TEST-0001" })).toBe(2);
    expect(await run("discard")).toBe(2);
    expect(await run("deliver", { notReceived: true })).toBe(2);
    expect(await run("delete", { target: "RJ-TEST-0001" })).toBe(2);
    expect(lines).toHaveLength(5);
  });
});

describe("deliver", () => {
  it("delivers every waiting enquiry now, before its time, and leaves nothing", async () => {
    await keep(3);
    expect(await run("deliver")).toBe(0);
    expect(readdirSync(outbox).filter((file) => file.endsWith(".eml"))).toHaveLength(1);
    expect(await records()).toEqual([]);
    expect(lines.at(-1)).toBe(
      "Delivered 1. Sent, waiting for the mail service to confirm: 0. Still waiting: 0. Held: 0. " +
        "Not received: 0. Unreadable: 0.",
    );
  });

  it("does not send a held enquiry by itself, and says how to look for it and send it again", async () => {
    await keepHeld(6);
    expect(await run("deliver", { env: viaFakeResend() })).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect(lines).toContain(
      "Delivered 0. Sent, waiting for the mail service to confirm: 0. Still waiting: 0. Held: 1. " +
        "Not received: 0. Unreadable: 0.",
    );
    expect(lines.at(-1)).toMatch(/^Held, not sent again: RJ-TEST-0006\. Look for each reference in the team's inbox/);
    expect(await records()).toEqual([nameOf(6)]);
  });

  it("on the live store, will not write to a local outbox", async () => {
    await keep(4);
    const key = Buffer.alloc(32, 1).toString("base64");
    // Sealed under the development key, so not readable with the live key: kept, and said.
    expect(await run("deliver", { live: true, env: { ENQUIRY_STORE_KEY: key } })).toBe(1);
    expect(lines.join("\n")).toMatch(/RESEND_API_KEY is missing in production/);
    expect(store.records.size).toBe(1);
  });
});

describe("deliver --not-received", () => {
  it("sends a held enquiry again, once a person has looked, on a new idempotency key", async () => {
    const held = await keepHeld(6);
    const code = await run("deliver", { target: "RJ-TEST-0006", notReceived: true, env: viaFakeResend() });
    expect(lines.at(-1)).toBe("RJ-TEST-0006 sent again.");
    expect(code).toBe(0);
    expect(fake.emails).toHaveLength(1);
    const [sent] = fake.emails;
    // Not the key the unsure attempt used: Resend has forgotten it, and it may have gone.
    expect(sent?.idempotencyKey).toBe(`${held.email.idempotencyKey}/retry-1`);
    expect(sent?.payload["subject"]).toBe("Restorative justice enquiry RJ-TEST-0006");
    // Without the mail service's signed events, accepted counts as delivered: the record goes.
    expect(await records()).toEqual([]);
    expect(lines).toContain('{"event":"enquiry.delivered","reference":"RJ-TEST-0006"}');
  });

  it("with delivery confirmed by events, keeps the record sent again until the mail service says", async () => {
    await keepHeld(6);
    const env = { ...viaFakeResend(), RESEND_WEBHOOK_SECRET: fake.webhookSecret };
    expect(await run("deliver", { target: "rj-test-0006", notReceived: true, env })).toBe(0);
    const read = await waiting().read(nameOf(6));
    if (!read || !("enquiry" in read)) throw new Error("the record should be readable");
    expect(read.summary.stage).toBe("awaiting");
    expect(read.enquiry.heldBecause).toBeUndefined();
    expect(read.enquiry.sends).toEqual([{ emailId: fake.emails[0]!.id, at: NOW, route: "team", keyGeneration: 1 }]);
    expect(await store.names("email-id-")).toEqual([`email-id-${fake.emails[0]!.id}`]);
  });

  it("sends one not confirmed for hours again on the next key, marking the first released", async () => {
    await keepAccepted(8, NOW - 4 * HOUR);
    const code = await run("deliver", { target: "RJ-TEST-0008", notReceived: true, env: viaFakeResend() });
    expect(code).toBe(0);
    expect(fake.emails.map(({ idempotencyKey }) => idempotencyKey)).toEqual([`${email(8).idempotencyKey}/retry-1`]);
    // Accepted counts as delivered here (no signed events): the record goes, and its index entry.
    expect(await records()).toEqual([]);
    expect(await store.names("email-id-")).toEqual([]);
  });

  it("refuses one that is simply on the schedule: `deliver` tries it without risking a copy", async () => {
    await keep(1);
    const before = await waiting().read(nameOf(1));
    const code = await run("deliver", { target: "RJ-TEST-0001", notReceived: true, env: viaFakeResend() });
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe("RJ-TEST-0001 is on the schedule already: `npm run enquiries -- deliver` tries it now.");
    expect(fake.requests).toHaveLength(0);
    expect((await waiting().read(nameOf(1)))?.version).toBe(before?.version);
  });

  it("refuses one the mail service said bounced: that is on the schedule too, on a new key", async () => {
    await keepBounced(7);
    expect(await run("deliver", { target: "RJ-TEST-0007", notReceived: true, env: viaFakeResend() })).toBe(1);
    expect(lines.at(-1)).toMatch(/^RJ-TEST-0007 is on the schedule already/);
    expect(fake.requests).toHaveLength(0);
  });

  it("says when there is no such enquiry", async () => {
    await keep(1);
    expect(await run("deliver", { target: "RJ-NONE-0000", notReceived: true, env: viaFakeResend() })).toBe(1);
    expect(lines.at(-1)).toBe("No waiting enquiry RJ-NONE-0000.");
    expect(fake.requests).toHaveLength(0);
  });
});

describe("discard", () => {
  it("deletes an enquiry, and its index entries, only after a clear yes, and logs that it did", async () => {
    await keepBounced(7);
    await keep(1);
    answer = true;
    expect(await run("discard", { target: "RJ-TEST-0007" })).toBe(0);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^Delete RJ-TEST-0007 for good\?/);
    // The person saw what they are deleting before being asked.
    expect(lines.join("\n")).toContain("Reference:     RJ-TEST-0007");
    expect(lines).toContain('{"event":"enquiry.discarded","reference":"RJ-TEST-0007","at":"2026-11-20T09:10:00.000Z"}');
    expect(lines.at(-1)).toBe("Deleted RJ-TEST-0007.");
    expect(await records()).toEqual([nameOf(1)]);
    expect(await store.names("email-id-")).toEqual([]);
  });

  it("keeps the enquiry when the answer is anything but yes", async () => {
    await keepHeld(6);
    const before = await waiting().read(nameOf(6));
    answer = false;
    expect(await run("discard", { target: "RJ-TEST-0006" })).toBe(1);
    expect(asked).toHaveLength(1);
    expect(lines.at(-1)).toBe("Kept RJ-TEST-0006: nothing was deleted.");
    expect(lines.join("\n")).not.toContain("enquiry.discarded");
    expect((await waiting().read(nameOf(6)))?.version).toBe(before?.version);
  });

  it("keeps it when nobody can be asked", async () => {
    await keep(1);
    const code = await runEnquiriesCommand({
      command: "discard",
      target: "RJ-TEST-0001",
      live: false,
      env: {},
      store,
      now: () => NOW,
      out: (line) => lines.push(line),
    });
    expect(code).toBe(1);
    expect(await records()).toEqual([nameOf(1)]);
  });

  it("discards a record no key opens, by its name", async () => {
    await keep(1);
    const name = nameOf(9);
    await store.create(name, seal(Buffer.alloc(32, 7), "{}", name));
    answer = true;
    expect(await run("discard", { target: name })).toBe(0);
    expect(lines).toContain(`${name}: no key here opens it.`);
    expect(asked[0]).toMatch(new RegExp(`^Delete ${name} for good\\?`));
    expect(lines).toContain(
      JSON.stringify({ event: "enquiry.discarded", reference: name, at: "2026-11-20T09:10:00.000Z" }),
    );
    expect(await records()).toEqual([nameOf(1)]);
  });

  it("deletes nothing and asks nothing for a reference that is not waiting", async () => {
    await keep(1);
    answer = true;
    expect(await run("discard", { target: "RJ-TEST-0002" })).toBe(1);
    expect(asked).toEqual([]);
    expect(lines).toEqual(["No waiting enquiry RJ-TEST-0002."]);
    expect(await records()).toEqual([nameOf(1)]);
  });
});

describe("npm run enquiries, for real", () => {
  it("reads the local Blobs folder that npm start and the preview use", async () => {
    const root = mkdtempSync(join(tmpdir(), "enquiries-blobs-"));
    try {
      const blobs = await startLocalBlobs(root);
      await createWaitingEnquiries(createBlobsStore(ENQUIRY_STORE_NAME, blobs.location), DEVELOPMENT_STORE_KEY).save(
        newWaitingEnquiry(email(5), "RJ-TEST-0005", START),
      );
      await blobs.stop();
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(import.meta.dirname, "..", "..", "scripts", "enquiries.ts"), "waiting", "--blobs-folder", root],
        { env: { ...process.env, ENQUIRY_STORE_KEY: "" } },
      );
      expect(stdout).toContain("1 enquiry waiting.");
      expect(stdout).toContain("RJ-TEST-0005");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
