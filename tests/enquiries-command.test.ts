/**
 * The team's commands, `npm run enquiries -- waiting | deliver`: run in-process against a
 * store in memory and a fake clock, and once for real, as `npm run enquiries` runs, on a
 * local Blobs folder.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newWaitingEnquiry } from "../src/lib/enquiry/delivery.ts";
import { DEVELOPMENT_STORE_KEY } from "../src/lib/enquiry/sealed.ts";
import { createBlobsStore, ENQUIRY_STORE_NAME } from "../src/lib/enquiry/store.ts";
import { createWaitingEnquiries } from "../src/lib/enquiry/waiting-enquiries.ts";
import { runEnquiriesCommand } from "../scripts/lib/enquiries-command/enquiries-command.ts";
import { startLocalBlobs } from "../scripts/lib/local-blobs.ts";
import { createMemoryStore, type MemoryStore } from "./support/memory-store.ts";

const START = Date.UTC(2026, 10, 20, 9, 0, 0);

const email = (n: number) => ({
  to: "team@rj.example",
  from: "Website <enquiries@rj.example>",
  replyTo: `person${n}@example.com`,
  subject: `Restorative justice enquiry RJ-TEST-000${n}`,
  text: `THEIR MESSAGE\nPlease call me after six. (${n})`,
  html: `<p>Please call me after six. (${n})</p>`,
  idempotencyKey: `enquiry/${String(n).repeat(64)}`,
});

let store: MemoryStore;
let outbox: string;
let lines: string[];
beforeEach(() => {
  store = createMemoryStore();
  outbox = mkdtempSync(join(tmpdir(), "enquiries-command-"));
  lines = [];
});
afterEach(() => rmSync(outbox, { recursive: true, force: true }));

const run = (command: string | undefined, { live = false, env = {} as Record<string, string> } = {}) =>
  runEnquiriesCommand({
    command,
    live,
    env: { ENQUIRY_OUTBOX_DIR: outbox, ...env },
    store,
    now: () => START + 10 * 60_000,
    out: (line) => lines.push(line),
  });

async function keep(n: number) {
  await createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY).save(
    newWaitingEnquiry(email(n), `RJ-TEST-000${n}`, START),
  );
}

describe("waiting", () => {
  it("prints each waiting enquiry, decrypted, oldest first, with where it stands", async () => {
    await keep(2);
    await keep(1);
    expect(await run("waiting")).toBe(0);
    const output = lines.join("\n");
    expect(output).toContain("2 enquiries waiting.");
    expect(output).toContain("Reference:     RJ-TEST-0002");
    expect(output).toContain("Received:      2026-11-20 09:00:00 UTC");
    expect(output).toContain("Next attempt:  2026-11-20 09:05:00 UTC");
    expect(output).toContain("Deleted after: 2026-12-20 09:00:00 UTC");
    expect(output).toContain("Please call me after six. (1)");
    expect(output).toContain("Reply to:      person2@example.com");
  });

  it("refuses the development key for the live store", async () => {
    expect(await run("waiting", { live: true })).toBe(1);
    expect(lines.join("\n")).toMatch(/ENQUIRY_STORE_KEY is missing on a hosted deploy/);
  });

  it("explains itself when the command is missing or wrong", async () => {
    expect(await run(undefined)).toBe(2);
    expect(lines[0]).toMatch(/^Usage: npm run enquiries -- <waiting \| deliver>/);
  });
});

describe("deliver", () => {
  it("delivers every waiting enquiry now, before its time, and leaves nothing", async () => {
    await keep(3);
    expect(await run("deliver")).toBe(0);
    expect(readdirSync(outbox).filter((file) => file.endsWith(".eml"))).toHaveLength(1);
    expect(store.records.size).toBe(0);
    expect(lines.at(-1)).toBe("Delivered 1. Still waiting: 0. Held: 0. Deleted after 30 days: 0. Unreadable: 0.");
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
        [join(import.meta.dirname, "..", "scripts", "enquiries.ts"), "waiting", "--blobs-folder", root],
        { env: { ...process.env, ENQUIRY_STORE_KEY: "" } },
      );
      expect(stdout).toContain("1 enquiry waiting.");
      expect(stdout).toContain("RJ-TEST-0005");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
