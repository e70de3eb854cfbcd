/**
 * The enquiry function: the real handler exported by netlify/functions/enquiry.mts, called
 * with requests to the built site served by the preview (where it fetches its pages from),
 * and the real resend SDK talking to a fake Resend API on loopback. The last tests go through
 * the preview itself, which runs the function the way Netlify's own tools do.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import enquiryFunction, { config as enquiryConfig } from "../netlify/functions/enquiry.mts";
import { MAX_BODY_BYTES } from "../src/lib/enquiry/handler.ts";
import { DIST } from "../scripts/lib/site-pages.ts";
import type { Preview } from "../scripts/preview.ts";
import { ENQUIRY_ACTION } from "../src/site.ts";
import { REFERENCE_PATTERN } from "../src/lib/enquiry/reference.ts";
import { LOCAL_CONTEXT, startEnquiryHarness, TEAM_ADDRESS, type EnquiryHarness } from "./support/enquiry-harness.ts";
import { closedPortUrl, type FakeResend } from "../scripts/lib/fake-resend.ts";

let fake: FakeResend;
let preview: Preview;
const logs: string[] = [];
const consoleLog = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
  logs.push(parts.join(" "));
});

let harness: EnquiryHarness;
beforeAll(async () => {
  harness = await startEnquiryHarness({ logs });
  ({ fake, preview } = harness);
}, 60_000);

afterAll(async () => {
  consoleLog.mockRestore();
  await harness?.close();
});

beforeEach(() => {
  fake.clearFailures();
  fake.emails.length = 0;
  fake.requests.length = 0;
  process.env["RESEND_BASE_URL"] = fake.url;
});

/** A fresh enquiry for each test: the fake, like Resend, remembers every idempotency key. */
let answers: Record<string, string>;
let count = 0;
beforeEach(() => {
  count += 1;
  answers = {
    message: `Could I write a letter to the person who hurt me? (${count})`,
    contactMethod: "email",
    email: "sam@example.com",
  };
});

/** Calls the function with a request like a browser's, posting the form from the site's page. */
function call(init: RequestInit & { origin?: string | null } = {}) {
  const { origin = preview.url, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (origin !== null) headers.set("origin", origin);
  return enquiryFunction(
    new Request(new URL(ENQUIRY_ACTION, preview.url), { method: "POST", ...rest, headers }),
    LOCAL_CONTEXT,
  );
}

function post(fields: Record<string, string>, init: RequestInit & { origin?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded");
  return call({ body: new URLSearchParams(fields).toString(), ...init, headers });
}

const pageOf = async (response: Response) => parseHTML(await response.text()).document;

describe("a valid enquiry", () => {
  it("sends one email to the team and answers with the confirmation page and its reference", async () => {
    const response = await post({ ...answers, website: "" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("set-cookie")).toBeNull();
    const document = await pageOf(response);
    const reference = document.querySelector("[data-enquiry-reference]")?.textContent ?? "";
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(document.querySelector("[data-quick-exit-link]")).not.toBeNull();

    expect(fake.emails).toHaveLength(1);
    const [email] = fake.emails;
    expect(email?.payload).toMatchObject({ to: TEAM_ADDRESS, reply_to: "sam@example.com" });
    expect(email?.payload["subject"]).toContain(reference);
    expect(email?.payload["subject"]).not.toContain("letter");
    expect(email?.idempotencyKey).toBeTruthy();
  });

  it("accepts multipart forms too", async () => {
    const body = new FormData();
    for (const [key, value] of Object.entries(answers)) body.append(key, value);
    const response = await call({ body });
    expect(response.status).toBe(200);
    expect(fake.emails).toHaveLength(1);
  });

  it("reaches the team once when the same enquiry is sent twice", async () => {
    const first = await pageOf(await post(answers));
    const second = await pageOf(await post(answers));
    expect(fake.emails).toHaveLength(1);
    expect(second.querySelector("[data-enquiry-reference]")?.textContent).toBe(
      first.querySelector("[data-enquiry-reference]")?.textContent,
    );
  });

  it("confirms an enquiry sent again after the team's address changed, without a second email", async () => {
    // Resend refuses a changed email under a used key (409) for 24 hours: that means accepted.
    expect((await post(answers)).status).toBe(200);
    const before = process.env["ENQUIRY_TO_EMAIL"];
    process.env["ENQUIRY_TO_EMAIL"] = "new-team-address@example.org";
    try {
      const again = await post(answers);
      expect(again.status).toBe(200);
      expect((await pageOf(again)).querySelector("[data-enquiry-reference]")?.textContent).toMatch(REFERENCE_PATTERN);
    } finally {
      process.env["ENQUIRY_TO_EMAIL"] = before;
    }
    expect(fake.requests.map((request) => [request.status, request.outcome])).toEqual([
      [200, "accepted"],
      [409, "rejected"],
    ]);
    expect(fake.emails).toHaveLength(1);
    expect(logs.join("\n")).toMatch(/"event":"enquiry.already-accepted","reference":"RJ-/);
  });

  it("on a deploy preview, writes only to the preview's address, marked as a test", async () => {
    process.env["ENQUIRY_PREVIEW_TO_EMAIL"] = "tester@example.org";
    try {
      const preview = { deploy: { context: "deploy-preview" } } as unknown as typeof LOCAL_CONTEXT;
      const response = await enquiryFunction(
        new Request(new URL(ENQUIRY_ACTION, harness.preview.url), {
          method: "POST",
          headers: { origin: harness.preview.url, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(answers).toString(),
        }),
        preview,
      );
      expect(response.status).toBe(200);
    } finally {
      delete process.env["ENQUIRY_PREVIEW_TO_EMAIL"];
    }
    expect(fake.emails.map(({ payload }) => payload["to"])).toEqual(["tester@example.org"]);
    expect(String(fake.emails[0]?.payload["subject"])).toMatch(
      /^Test from a deploy preview: Restorative justice enquiry RJ-/,
    );
  });

  it("sets a reply-to address only when the visitor chose email", async () => {
    await post({ message: "Hello", contactMethod: "phone", phone: "07700 900982", voicemail: "no", sayWhoWeAre: "no" });
    expect(fake.emails).toHaveLength(1);
    expect(fake.emails[0]?.payload["reply_to"]).toBeUndefined();
  });
});

describe("an invalid enquiry", () => {
  it("comes back as the form with every answer kept and the errors shown, and sends nothing", async () => {
    const typed = {
      message: "My answers <b>stay</b>",
      contactMethod: "either",
      phone: "12",
      email: "not an address",
      name: "Sam",
    };
    const response = await post(typed);
    expect(response.status).toBe(422);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const document = await pageOf(response);
    expect(document.title).toMatch(/^Error: /);
    expect(document.querySelector("input[name=phone]")?.getAttribute("value")).toBe("12");
    expect(document.querySelector("input[name=email]")?.getAttribute("value")).toBe("not an address");
    expect(document.querySelector("input[name=name]")?.getAttribute("value")).toBe("Sam");
    expect(document.querySelector("input[name=contactMethod][value=either]")?.hasAttribute("checked")).toBe(true);
    const summary = [...document.querySelectorAll("[data-summary-for]:not([hidden]) a")].map((a) =>
      a.getAttribute("href"),
    );
    expect(summary).toEqual(["#phone", "#voicemail", "#sayWhoWeAre", "#email"]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("when sending fails", () => {
  /** Not sent, but kept: the page says so truthfully, with the reference and the phone number. */
  const expectHonestFailure = async (response: Response) => {
    expect(response.status).toBe(202);
    const document = await pageOf(response);
    expect(document.title).toMatch(/^We have your message/);
    expect(document.querySelector("[data-enquiry-reference]")?.textContent).toMatch(REFERENCE_PATTERN);
    expect(document.querySelector('main a[href="tel:+448009523000"]')).not.toBeNull();
  };

  it("retries a server error and sends exactly one email", async () => {
    fake.failNext(1, { status: 500 });
    const response = await post(answers);
    expect(response.status).toBe(200);
    expect(fake.requests.map((request) => request.outcome)).toEqual(["failed", "accepted"]);
    expect(fake.emails).toHaveLength(1);
  });

  it("waits as long as a rate limit asks, then sends exactly one email", async () => {
    fake.failNext(1, { status: 429, retryAfter: 1 });
    const started = Date.now();
    const response = await post(answers);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.emails).toHaveLength(1);
  });

  it("gives up on an API that never answers in time, honestly, and a later try sends one email", async () => {
    fake.failNext(10, { hang: true });
    const started = Date.now();
    await expectHonestFailure(await post(answers));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(fake.emails).toHaveLength(0);

    fake.clearFailures();
    expect((await post(answers)).status).toBe(200);
    expect(fake.emails).toHaveLength(1);
  }, 20_000);

  it("says so when the API refuses the connection, keeping every answer", async () => {
    process.env["RESEND_BASE_URL"] = await closedPortUrl();
    await expectHonestFailure(await post(answers));
  });

  it("says so for an error that retrying cannot fix, without retrying", async () => {
    fake.failNext(1, { status: 422 });
    await expectHonestFailure(await post(answers));
    expect(fake.requests).toHaveLength(1);
  });
});

describe("abuse", () => {
  it("delivers an enquiry that filled in the hidden box, marked for the team, never dropping it", async () => {
    // Autofill or an assistive tool can fill the box too: the person's words must still arrive.
    const response = await post({ ...answers, message: "Filled in by my browser", website: "https://spam.example" });
    expect(response.status).toBe(200);
    const reference = (await pageOf(response)).querySelector("[data-enquiry-reference]")?.textContent;
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(fake.emails).toHaveLength(1);
    const { payload } = fake.emails[0]!;
    expect(payload["subject"]).toBe(`Possibly automated: Restorative justice enquiry ${reference}`);
    expect(String(payload["text"])).toContain("Filled in by my browser");
    expect(JSON.stringify(payload)).not.toContain("spam.example");
  });

  it("refuses a form posted from another site, or with no origin", async () => {
    expect((await post(answers, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(answers, { origin: null })).status).toBe(403);
    // A page elsewhere with its own no-referrer policy also sends Origin: null.
    const crossSite = { origin: "null", headers: { "sec-fetch-site": "cross-site" } };
    expect((await post(answers, crossSite)).status).toBe(403);
    expect(fake.requests).toHaveLength(0);
  });

  it("accepts our own Origin without Sec-Fetch-Site, as Safari before 16.4 posts it", async () => {
    // The same-origin referrer policy makes browsers send our Origin; older ones send no Sec-Fetch-Site.
    const response = await post(answers, { origin: preview.url });
    expect(response.status).toBe(200);
    expect(fake.emails).toHaveLength(1);
  });

  it("refuses another site's Origin, with or without Sec-Fetch-Site", async () => {
    for (const headers of [{}, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-origin" }]) {
      expect((await post(answers, { origin: "https://evil.example", headers })).status).toBe(403);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("accepts the null Origin a page open from before (no-referrer) sends, when the browser says same-origin", async () => {
    const response = await post(answers, { origin: "null", headers: { "sec-fetch-site": "same-origin" } });
    expect(response.status).toBe(200);
    expect(fake.emails).toHaveLength(1);
  });

  it("answers from its own packaged pages whatever Host it is called with, after sending", async () => {
    // It once fetched its pages from the request's own host: a wrong one sent the email, then a 500.
    const elsewhere = "http://wrong-host.invalid:9";
    const request = new Request(new URL(ENQUIRY_ACTION, elsewhere), {
      method: "POST",
      headers: { origin: elsewhere, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(answers).toString(),
    });
    const response = await enquiryFunction(request, LOCAL_CONTEXT);
    expect(response.status).toBe(200);
    expect((await pageOf(response)).querySelector("[data-enquiry-reference]")?.textContent).toMatch(REFERENCE_PATTERN);
    expect(fake.emails).toHaveLength(1);
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
    expect(fake.requests).toHaveLength(0);
  });
});

describe("every answer that cannot take the enquiry in", () => {
  /** A page of the site: its layout, the quick exit, the phone number and a way back to the form. */
  const expectSitePage = async (response: Response, status: number, title: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const document = await pageOf(response);
    expect(document.querySelector("h1")?.textContent).toBe(title);
    expect(document.querySelector("[data-quick-exit-link]")).not.toBeNull();
    expect(document.querySelector('main a[href="tel:+448009523000"]')).not.toBeNull();
    expect(document.querySelector('main a[href="/enquire/"]')).not.toBeNull();
    expect(document.querySelector("nav[aria-label=Main]")).not.toBeNull();
  };

  it("answers a body far beyond any real form with 413 and a page saying so", async () => {
    await expectSitePage(
      await post({ ...answers, message: "x".repeat(MAX_BODY_BYTES) }),
      413,
      "Your message was too long to send",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("answers anything but POST with 405, Allow and a page pointing to the form", async () => {
    const response = await call({ method: "GET" });
    expect(response.headers.get("allow")).toBe("POST");
    await expectSitePage(response, 405, "Use the form to send us a message");
  });

  it("answers a post from another site with 403 and a page saying nothing was kept", async () => {
    await expectSitePage(await post(answers, { origin: "https://evil.example" }), 403, "Your message was not sent");
  });

  it("answers a body that is not a form with 415, and one that cannot be read with 400", async () => {
    await expectSitePage(
      await post(answers, { headers: { "content-type": "application/json" } }),
      415,
      "Your message was not sent",
    );
    const broken = { "content-type": "multipart/form-data; boundary=nothing-here" };
    await expectSitePage(await post(answers, { headers: broken }), 400, "Your message was not sent");
    expect(fake.requests).toHaveLength(0);
  });
});

describe("the rate limit", () => {
  it("rewrites to the site's own page, set high enough that a person correcting mistakes never meets it", () => {
    const { rateLimit } = enquiryConfig;
    expect(rateLimit).toMatchObject({ action: "rewrite", aggregateBy: ["ip", "domain"] });
    expect(rateLimit?.windowLimit).toBeGreaterThanOrEqual(20);
    expect(rateLimit?.windowSize).toBeLessThanOrEqual(60);
    const page = readFileSync(join(DIST, `${String(rateLimit?.to)}index.html`), "utf8");
    expect(parseHTML(page).document.querySelector("h1")?.textContent).toBe(
      "You have sent a lot of messages in a short time",
    );
  });
});

describe("the logs", () => {
  it("record each enquiry by reference and hold no word the visitor typed", () => {
    const everything = logs.join("\n");
    expect(everything).toMatch(/"event":"enquiry.sent","reference":"RJ-/);
    expect(everything).toContain('"event":"enquiry.possibly-automated"');
    for (const typed of ["sam@example.com", "letter", "07700", "stay", "spam.example"]) {
      expect(everything).not.toContain(typed);
    }
  });
});

describe("through the preview, as Netlify's tools run it", () => {
  it("sends one email and shows the confirmation page", async () => {
    const response = await fetch(new URL(ENQUIRY_ACTION, preview.url), {
      method: "POST",
      headers: { origin: preview.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(answers).toString(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await pageOf(response)).querySelector("[data-enquiry-reference]")?.textContent).toMatch(REFERENCE_PATTERN);
    expect(fake.emails).toHaveLength(1);
  }, 20_000);

  it("answers GET with 405 and the site's page pointing to the form", async () => {
    const response = await fetch(new URL(ENQUIRY_ACTION, preview.url));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await pageOf(response)).querySelector('main a[href="/enquire/"]')).not.toBeNull();
  }, 20_000);
});

it("posts to the path the function is configured for", () => {
  const source = readFileSync(join(import.meta.dirname, "..", "netlify", "functions", "enquiry.mts"), "utf8");
  expect(source).toContain(`path: "${ENQUIRY_ACTION}"`);
});
