import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutgoingEmail } from "../../src/lib/enquiry/mailers/mailer.ts";
import { createOutboxMailer } from "../../src/lib/enquiry/mailers/outbox-mailer.ts";
import { readOutbox } from "../support/outbox.ts";

const HEX = "3f9a7c1e5b2d".padEnd(64, "0");
const email: OutgoingEmail = {
  from: "West Mercia RJ website, local copy <enquiries@localhost.invalid>",
  to: "restorative-justice-team@localhost.invalid",
  replyTo: "sam@example.com",
  subject: "Restorative justice enquiry RJ-7K3M-9Q2X",
  text: "HOW TO CONTACT THIS PERSON SAFELY\nContact by: email only",
  html: "<!doctype html><h1>Restorative justice enquiry RJ-7K3M-9Q2X</h1>",
  idempotencyKey: `enquiry/${HEX}`,
};
const at = (iso: string) => () => new Date(iso);
/** A fixed clock for tests where the time does not matter, so none reads the real one. */
const now = at("2026-11-24T10:00:00Z");

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "outbox-test-"));
  dir = join(root, "nested", ".outbox");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the outbox mailer", () => {
  it("writes the multipart message Resend would send, creating the folder", async () => {
    const result = await createOutboxMailer({ dir, now: at("2026-11-24T10:00:00.123Z") }).send(email);
    const id = "2026-11-24T10-00-00Z-3f9a7c1e5b2d";
    expect(result).toEqual({ ok: true, id });
    expect((await readdir(dir)).sort()).toEqual([`${id}.eml`, `${id}.json`]);

    const raw = await readFile(join(dir, `${id}.eml`), "utf8");
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    // Read back as a mail program reads it: every part and header as it was given.
    const [mail] = await readOutbox(dir);
    expect(mail?.from?.value).toEqual([
      { name: "West Mercia RJ website, local copy", address: "enquiries@localhost.invalid" },
    ]);
    expect(mail?.to && "text" in mail.to ? mail.to.text : undefined).toBe(email.to);
    expect(mail?.replyTo?.text).toBe(email.replyTo);
    expect(mail?.subject).toBe(email.subject);
    expect(mail?.date?.toISOString()).toBe("2026-11-24T10:00:00.000Z");
    expect(mail?.text).toBe(email.text);
    expect(mail?.html).toBe(email.html);
    expect(mail?.headers.get("x-idempotency-key")).toBe(email.idempotencyKey);
  });

  it("says where it writes", () => {
    expect(createOutboxMailer({ dir, now })).toMatchObject({ name: "outbox", dir });
  });

  it("leaves out Reply-To when there is none", async () => {
    const withoutReplyTo: OutgoingEmail = { ...email };
    delete withoutReplyTo.replyTo;
    const result = await createOutboxMailer({ dir, now }).send(withoutReplyTo);
    if (!result.ok || !("id" in result)) throw new Error("Expected a new file.");
    expect(await readFile(join(dir, `${result.id}.eml`), "utf8")).not.toContain("Reply-To:");
  });

  it("keeps the files to this user: they hold personal data", async () => {
    const result = await createOutboxMailer({ dir, now }).send(email);
    if (!result.ok || !("id" in result)) throw new Error("Expected a new file.");
    expect((await stat(join(dir, `${result.id}.eml`))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, `${result.id}.json`))).mode & 0o777).toBe(0o600);
  });

  it("writes one copy for the same key, even from a new process, and gives the same id", async () => {
    const first = await createOutboxMailer({ dir, now: at("2026-11-24T10:00:00Z") }).send(email);
    const again = await createOutboxMailer({ dir, now: at("2026-11-24T10:05:00Z") }).send(email);
    expect(again).toEqual(first);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it("writes one copy when the same email is sent twice at once", async () => {
    const mailer = createOutboxMailer({ dir, now });
    const [first, second] = await Promise.all([mailer.send(email), mailer.send(email)]);
    expect(second).toEqual(first);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it("takes a different email under a used key as already accepted, as Resend's 409 means", async () => {
    const mailer = createOutboxMailer({ dir, now });
    await mailer.send(email);
    expect(await mailer.send({ ...email, html: "<p>changed</p>" })).toEqual({ ok: true, alreadyAccepted: true });
    expect(await readdir(dir)).toHaveLength(2);
  });

  it("writes again once the key is older than Resend's 24 hours", async () => {
    const first = await createOutboxMailer({ dir, now: at("2026-11-24T10:00:00Z") }).send(email);
    if (!first.ok || !("id" in first)) throw new Error("Expected a new file.");
    const later = await createOutboxMailer({ dir, now: at("2026-11-25T11:00:00Z") }).send(email);
    expect(later).toEqual({ ok: true, id: "2026-11-25T11-00-00Z-3f9a7c1e5b2d" });
    expect(await readdir(dir)).toHaveLength(4);
  });

  it("writes a file for each different key", async () => {
    const mailer = createOutboxMailer({ dir, now });
    await mailer.send(email);
    await mailer.send({ ...email, idempotencyKey: `enquiry/${"9".repeat(64)}` });
    expect(await readdir(dir)).toHaveLength(4);
  });

  it("names files by a hash when the key has no hex part", async () => {
    const result = await createOutboxMailer({ dir, now: at("2026-11-24T10:00:00Z") }).send({
      ...email,
      idempotencyKey: "welcome/sam",
    });
    expect("id" in result && result.id).toMatch(/^2026-11-24T10-00-00Z-[0-9a-f]{12}$/);
  });

  it("keeps every header on one line", async () => {
    const result = await createOutboxMailer({ dir, now }).send({
      ...email,
      subject: "Hello\r\nBcc: someone@example.com",
    });
    if (!result.ok || !("id" in result)) throw new Error("Expected a new file.");
    const eml = await readFile(join(dir, `${result.id}.eml`), "utf8");
    expect(eml).not.toMatch(/^Bcc:/im);
    const [mail] = await readOutbox(dir);
    expect(mail?.subject).toBe("Hello Bcc: someone@example.com");
    expect(mail?.bcc).toBeUndefined();
  });

  it("reports a file system failure by its code, without throwing", async () => {
    await writeFile(join(root, "not-a-folder"), "");
    const result = await createOutboxMailer({ dir: join(root, "not-a-folder", "outbox"), now }).send(email);
    expect(result).toEqual({ ok: false, reason: "ENOTDIR" });
  });
});
