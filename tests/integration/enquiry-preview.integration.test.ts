/**
 * One real journey through the preview, as Netlify's tools run the functions: over HTTP to the
 * enquiry function, its record sealed in the preview's own Netlify Blobs folder, the scheduled
 * delivery function opened at its URL, and the real resend SDK talking to the fake Resend API.
 * Everything else about the handler is tested through its seams in tests/enquiry-handler.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENQUIRY_ACTION, PHONE } from "../../src/site.ts";
import { enquiryActionIn } from "../../src/lib/enquiry/enquiry-pages.ts";
import { QUESTIONS } from "../../src/lib/enquiry/questions.ts";
import { uiFor } from "../../src/i18n/ui.ts";
import { REFERENCE_PATTERN } from "../../src/lib/enquiry/reference.ts";
import { DEVELOPMENT_STORE_KEY } from "../../src/lib/enquiry/sealed.ts";
import { createBlobsStore, ENQUIRY_STORE_NAME, type EnquiryStore } from "../../src/lib/enquiry/store.ts";
import { createWaitingEnquiries, type WaitingEnquiry } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { runEnquiriesCommand } from "../../src/lib/enquiry/enquiries-command.ts";
import { startLocalBlobs, type LocalBlobs } from "../../tools/netlify/local-blobs.ts";
import type { FakeResend } from "../../tools/fakes/resend.ts";
import type { Preview } from "../../tools/netlify/preview.ts";
import { startEnquiryHarness, type EnquiryHarness } from "../support/enquiry-harness.ts";
import { captureFunctionLogs } from "../support/function-logs.ts";
import { sampleAnswers } from "../support/sample-answers.ts";

const MINUTE = 60_000;

let harness: EnquiryHarness;
let fake: FakeResend;
let preview: Preview;
/** A second local Blobs server on the preview's folder: the store as `npm run enquiries` opens it. */
let blobs: LocalBlobs;
let store: EnquiryStore;
/** The preview's own messages, and what the functions wrote: their workers' output comes here. */
const previewLogs: string[] = [];
const logs = captureFunctionLogs();

beforeAll(async () => {
  harness = await startEnquiryHarness({ logs: previewLogs });
  ({ fake, preview } = harness);
  blobs = await startLocalBlobs(harness.blobsDirectory);
  store = createBlobsStore(ENQUIRY_STORE_NAME, blobs.location);
}, 60_000);

afterAll(async () => {
  logs.restore();
  await blobs?.stop();
  await harness?.close();
});

beforeEach(() => {
  fake.failAll(null);
  fake.clearFailures();
  fake.emails.length = 0;
  fake.requests.length = 0;
});

let count = 0;
/** A fresh enquiry each time, since the fake (like Resend) remembers every idempotency key. */
function enquiry() {
  count += 1;
  return sampleAnswers(`preview journey ${count}`);
}

/** As a browser posts the form from the site's own page. */
const postThroughPreview = (fields: Record<string, string>) =>
  fetch(new URL(ENQUIRY_ACTION, preview.url), {
    method: "POST",
    headers: { origin: preview.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

const pageOf = async (response: Response) => parseHTML(await response.text()).document;

async function waitingNow(): Promise<WaitingEnquiry[]> {
  const waiting = createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY);
  const found: WaitingEnquiry[] = [];
  for (const name of await waiting.names()) {
    const read = await waiting.read(name);
    if (read && "enquiry" in read) found.push(read.enquiry);
  }
  return found;
}

/** Every file under the folder, as bytes read as text: what a copy of the disk would show. */
function filesUnder(directory: string): { path: string; text: string }[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: readFileSync(path).toString("latin1") };
    });
}

/** The value as written plainly, url-encoded, or in base64 (any alignment) or hex. */
function encodings(value: string): string[] {
  const forms = new Set([value, encodeURIComponent(value), new URLSearchParams({ x: value }).toString().slice(2)]);
  forms.add(Buffer.from(value).toString("hex"));
  for (const shift of [0, 1, 2]) {
    const bytes = Buffer.concat([Buffer.alloc(shift), Buffer.from(value)]);
    for (const encoding of ["base64", "base64url"] as const) {
      const encoded = bytes.toString(encoding).replace(/=+$/, "");
      forms.add(encoded.slice(shift === 0 ? 0 : 4, Math.floor(encoded.length / 4) * 4 - 4));
    }
  }
  return [...forms].filter((form) => form.length >= 4);
}

describe("through the preview, as Netlify's tools run it", () => {
  it("answers GET with 405 and the site's page pointing to the form", async () => {
    const response = await fetch(new URL(ENQUIRY_ACTION, preview.url));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const document = await pageOf(response);
    expect(document.querySelector('main a[href="/enquire/"]')).not.toBeNull();
    expect(document.querySelector("[data-quick-exit-link]")).not.toBeNull();
  }, 20_000);

  it("sends a valid enquiry as one email, shows the confirmation page, and leaves nothing in Blobs", async () => {
    const response = await postThroughPreview(enquiry());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
    const reference = (await pageOf(response)).querySelector("[data-enquiry-reference]")?.textContent ?? "";
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(fake.emails).toHaveLength(1);
    expect(fake.emails[0]?.payload["subject"]).toBe(`Restorative justice enquiry ${reference}`);
    expect(await store.names("enquiry-")).toEqual([]);
  }, 20_000);

  it("keeps an enquiry sealed on disk while the mail API is down, and delivers it once when it is back", async () => {
    const typed = enquiry();
    fake.failAll({ status: 503 });

    // 1. Sent while the API is down: kept, and the page says so truthfully.
    const response = await postThroughPreview(typed);
    expect(response.status).toBe(202);
    const document = await pageOf(response);
    expect(document.title).toMatch(/^We have your message/);
    const reference = document.querySelector("[data-enquiry-reference]")?.textContent ?? "";
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(document.querySelector(`main a[href="tel:${PHONE.tel}"]`)).not.toBeNull();
    expect(fake.emails).toHaveLength(0);
    expect(fake.requests.length).toBeGreaterThan(0);

    // 2. On disk in the preview's Blobs folder: sealed, none of the words typed in any encoding.
    const files = filesUnder(harness.blobsDirectory);
    expect(
      files.some(({ text }) => /v1\.[\w-]{16}\.[\w-]{22}\.[\w-]{100,}/.test(text)),
      "a sealed record",
    ).toBe(true);
    for (const field of ["message", "phone", "safeTimes", "email", "name"] as const) {
      for (const { path, text } of files) {
        for (const form of encodings(typed[field])) {
          expect(text.includes(form), `${field} as "${form}" in ${path}`).toBe(false);
        }
      }
    }
    const [kept, ...others] = await waitingNow();
    expect(others).toEqual([]);
    expect(kept?.reference).toBe(reference);
    expect(kept?.attempts).toHaveLength(1);
    expect(kept?.nextAttemptAt).toBe(kept!.receivedAt + 5 * MINUTE);

    // 3. The API is back. The scheduled function answers when opened, but its next attempt is
    // not due for five minutes, so it leaves the enquiry waiting and sends nothing.
    fake.failAll(null);
    const requestsBefore = fake.requests.length;
    const round = await fetch(new URL("/.netlify/functions/deliver-enquiries", preview.url));
    expect(round.status).toBe(200);
    expect(await round.json()).toEqual({ delivered: 0, waiting: 1, held: 0, awaiting: 0 });
    expect(fake.requests).toHaveLength(requestsBefore);
    expect((await waitingNow()).map((enquiry) => enquiry.reference)).toEqual([reference]);

    // 4. A round that finds it due (`npm run enquiries -- deliver`, on a clock ten minutes after
    // it arrived) sends it exactly once and deletes it.
    const lines: string[] = [];
    const deliver = () =>
      runEnquiriesCommand({
        command: "deliver",
        live: false,
        env: { RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url },
        store,
        now: () => kept!.receivedAt + 10 * MINUTE,
        out: (line) => lines.push(line),
      });
    expect(await deliver()).toBe(0);
    expect(fake.emails).toHaveLength(1);
    expect(fake.emails[0]?.payload["subject"]).toBe(`Restorative justice enquiry ${reference}`);
    expect(String(fake.emails[0]?.payload["text"])).toContain(typed.message);
    expect(fake.emails[0]?.idempotencyKey).toBe(kept?.email.idempotencyKey);
    expect(await store.names("enquiry-")).toEqual([]);
    expect(lines).toContain(`{"event":"enquiry.delivered","reference":"${reference}"}`);

    // 5. Nothing is left to send: a second round sends nothing, nor does the schedule.
    lines.length = 0;
    expect(await deliver()).toBe(0);
    expect(lines.at(-1)).toMatch(
      /^Delivered 0\. Sent, waiting for the mail service to confirm: 0\. Still waiting: 0\./,
    );
    const after = await fetch(new URL("/.netlify/functions/deliver-enquiries", preview.url));
    expect(await after.json()).toEqual({ delivered: 0, waiting: 0, held: 0, awaiting: 0 });
    expect(fake.emails).toHaveLength(1);
  }, 60_000);

  it("logs each enquiry by reference and event, and no word typed, in the functions' logs or the preview's", () => {
    const events = logs.events().map(({ event }) => event);
    expect(events).toEqual(
      expect.arrayContaining(["enquiry.saved", "enquiry.sent", "enquiry.waiting", "enquiry.round"]),
    );
    const everything = [logs.text(), ...previewLogs].join("\n");
    for (const typed of ["sam.writer@example.com", "letter", "07700", "Samantha", "Weekday mornings"]) {
      expect(everything).not.toContain(typed);
    }
  });
});

/** A text area's value as a browser reads the page: parse5 follows the HTML standard's parser. */
function textAreaAsABrowserReadsIt(html: string, name: string): string | undefined {
  const walk = (node: DefaultTreeAdapterMap["parentNode"]): string | undefined => {
    for (const child of node.childNodes) {
      if (!("tagName" in child)) continue;
      if (child.tagName === "textarea" && child.attrs.some((attr) => attr.name === "name" && attr.value === name))
        return child.childNodes.map((text) => ("value" in text ? text.value : "")).join("");
      const found = walk(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(parse(html));
}

describe("in Polish, through the preview", () => {
  /** As a browser posts the Polish form, from its own page. */
  const postInPolish = (fields: Record<string, string>) =>
    fetch(new URL(enquiryActionIn("pl"), preview.url), {
      method: "POST",
      headers: { origin: preview.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  /** Polish words, typed as a person types them, with the interpreter asked for. */
  const polish = (tag: string) => ({
    ...sampleAnswers(tag),
    message: `Czy mogę napisać list do osoby, która mnie skrzywdziła? Proszę o kontakt „po południu” & <wkrótce> (${tag})`,
    safeTimes: "Po 17:00, nie w piątki",
    interpreter: "yes",
    interpreterLanguage: "polski",
    communication: "Duży druk.\nMoja siostra będzie ze mną.",
    name: "Zofia Łęcka",
  });

  it("sends a mistake back in Polish, every answer kept as typed and each error in Polish", async () => {
    const typed = { ...polish("mistake"), phone: "12345", email: "not an address" };
    const response = await postInPolish(typed);
    expect(response.status).toBe(422);
    const html = await response.text();
    const { document } = parseHTML(html);
    expect(document.documentElement.getAttribute("lang")).toBe("pl");
    expect(document.title).toMatch(/^Błąd: /);
    expect(document.querySelector("form")?.getAttribute("action")).toBe("/pl/enquire/send");
    const summary = [...document.querySelectorAll("[data-summary-for]:not([hidden]) a")].map((a) => a.textContent);
    expect(summary).toEqual([QUESTIONS.phone.errors.invalid.pl, QUESTIONS.email.errors.invalid.pl]);
    for (const field of ["phone", "safeTimes", "email", "interpreterLanguage", "name"] as const)
      expect(document.querySelector(`input[name="${field}"]`)?.getAttribute("value"), field).toBe(typed[field]);
    for (const field of ["message", "communication"] as const)
      expect(textAreaAsABrowserReadsIt(html, field), field).toBe(typed[field]);
    for (const field of ["contactMethod", "voicemail", "sayWhoWeAre", "interpreter"] as const)
      expect(document.querySelector(`input[name="${field}"][checked]`)?.getAttribute("value"), field).toBe(
        typed[field],
      );
    expect(fake.emails).toEqual([]);
  }, 20_000);

  it("sends a valid one to the team in English, naming Polish and the interpreter first, their words unchanged", async () => {
    const typed = polish("valid");
    const response = await postInPolish(typed);
    expect(response.status).toBe(200);
    const page = await pageOf(response);
    expect(page.documentElement.getAttribute("lang")).toBe("pl");
    expect(page.querySelector("h1")?.textContent).toBe(uiFor("pl").enquiry.sent.title);
    const reference = page.querySelector("[data-enquiry-reference]")?.textContent ?? "";
    expect(reference).toMatch(REFERENCE_PATTERN);

    expect(fake.emails).toHaveLength(1);
    const { payload } = fake.emails[0]!;
    expect(payload["subject"]).toBe(`Restorative justice enquiry ${reference}`);
    const text = String(payload["text"]);
    const lines = text.split("\n");
    // The language and the interpreter come before anything else about them.
    const first = lines.findIndex((line) => line.includes(": "));
    expect(lines.slice(first, first + 3)).toEqual([
      "Form language: Polish (they filled in the form in Polish)",
      "Interpreter: NEEDED: arrange one before you contact them",
      "Interpreter's language: polski",
    ]);
    // In English otherwise: the labels are the team's words, not the form's.
    expect(text).toContain("Contact by: phone or email");
    expect(text.replace(typed.message, "")).not.toMatch(/Wiadomość|Proszę|Państwa/);
    // The person's words, exactly as typed, in the text and (escaped) in the HTML.
    expect(text).toContain(`\n${typed.message}\n(end of message)`);
    expect(text).toContain(`Safe times to call: ${typed.safeTimes}`);
    expect(text).toContain("What would help them talk to us: Duży druk.\n  Moja siostra będzie ze mną.");
    expect(text).toContain(`Name to use: ${typed.name}`);
    const html = parseHTML(String(payload["html"])).document;
    expect(html.documentElement.getAttribute("lang")).toBe("en-GB");
    expect(html.body.textContent).toContain(typed.message);
  }, 20_000);
});
