/**
 * The whole enquiry journey in Chromium against the preview, with JavaScript off and on:
 * a mistake comes back with every answer kept and focus on the error summary, the summary's
 * links lead to the fields, and a corrected enquiry reaches the team's outbox exactly once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../tools/browsers/chromium.ts";
import { readOutbox } from "../support/outbox.ts";
import { QUESTIONS } from "../../src/lib/enquiry/questions.ts";
import { uiFor } from "../../src/i18n/ui.ts";

const SITE = inject("previewUrl");
const OUTBOX = inject("outboxDir");

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The emails in the outbox whose subject holds this text (a reference). */
const emailsAbout = async (text: string) => (await readOutbox(OUTBOX)).filter((mail) => mail.subject?.includes(text));

describe.each([
  { javaScript: false, label: "without JavaScript" },
  { javaScript: true, label: "with JavaScript" },
])("$label", ({ javaScript }) => {
  it("keeps every answer through a mistake and sends the corrected enquiry once", async () => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const message = `I would like to know more. <b>Not bold</b> & "quoted" (${javaScript ? "on" : "off"} ${Date.now()})`;

    await page.goto(new URL("/enquire/", SITE).href);
    await page.getByLabel("Your message").fill(message);
    await page.getByLabel("Phone", { exact: true }).check();
    await page.getByLabel("Phone number").fill("07700 900 982");
    await page.getByLabel("What name should we use? (optional)").fill("Sam");
    await page.getByRole("button", { name: "Send enquiry" }).click();

    // Back comes the form: answers kept, errors listed, focus on the summary.
    await page.waitForURL(/\/enquire\/send$/);
    expect(await page.title()).toMatch(/^Error: Send us a message/);
    expect(await page.evaluate(() => document.activeElement?.matches("[data-error-summary]"))).toBe(true);
    const summary = page.locator("[data-error-summary] li:not([hidden]) a");
    expect(await summary.allTextContents()).toEqual([
      "Select whether we can leave a voicemail",
      "Select whether we can say who we are if someone else answers",
    ]);
    expect(await page.getByLabel("Your message").inputValue()).toBe(message);
    expect(await page.getByLabel("Phone number").inputValue()).toBe("07700 900 982");
    expect(await page.getByLabel("What name should we use? (optional)").inputValue()).toBe("Sam");
    expect(await page.getByLabel("Phone", { exact: true }).isChecked()).toBe(true);

    // The summary's first link takes focus to the question to fix.
    await summary.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("voicemail");

    await page.locator("#voicemail-no").check();
    await page.locator("#sayWhoWeAre-no").check();
    await page.getByRole("button", { name: "Send enquiry" }).click();

    await page.waitForURL(/\/enquire\/send$/);
    expect(await page.locator("h1").textContent()).toBe("Your enquiry has been sent");
    const reference = (await page.locator("[data-enquiry-reference]").textContent()) ?? "";
    expect(reference).toMatch(/^RJ-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await page.locator("[data-quick-exit-link]").count()).toBe(1);

    const emails = await emailsAbout(reference);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain("Do NOT leave a voicemail");
    expect(emails[0]?.text).toContain(message);
    expect(emails[0]?.html).toContain("Do NOT leave a voicemail");
    await context.close();
  }, 60_000);
});

it("lets the keyboard reach each question once, in page order, and never the honeypot", async () => {
  const page = await browser.newPage();
  await page.goto(new URL("/enquire/", SITE).href);
  await page.locator("#message").focus();
  const order: string[] = [];
  for (let i = 0; i < 14; i += 1) {
    order.push(
      await page.evaluate(() => {
        const element = document.activeElement;
        return element?.getAttribute("name") ?? element?.getAttribute("href") ?? element?.textContent?.trim() ?? "";
      }),
    );
    await page.keyboard.press("Tab");
  }
  await page.close();
  // A group of radio buttons is one stop, as in every browser.
  expect(order).toEqual([
    "message",
    "contactMethod",
    "phone",
    "voicemail",
    "sayWhoWeAre",
    "safeTimes",
    "email",
    "interpreter",
    "interpreterLanguage",
    "communication",
    "name",
    "careCoordinator",
    "/privacy/",
    "Send enquiry",
  ]);
});

it("in Polish: a mistake comes back in Polish with every answer kept, and the team gets the enquiry in English", async () => {
  const words = uiFor("pl").enquiry;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const message = `Chciałabym napisać list. Czy to możliwe? (${Date.now()})`;

  await page.goto(new URL("/pl/enquire/", SITE).href);
  await page.getByLabel(QUESTIONS.message.label.pl).fill(message);
  await page.locator("#contactMethod-email").check();
  await page.getByLabel(QUESTIONS.email.label.pl).fill("nie adres");
  await page.locator("#interpreter").check();
  await page.getByLabel(QUESTIONS.interpreterLanguage.label.pl).fill("polski");
  await page.getByLabel(QUESTIONS.communication.label.pl).fill("Duży druk");
  await page.getByRole("button", { name: words.form.send }).click();

  await page.waitForURL(/\/pl\/enquire\/send$/);
  expect(await page.title()).toMatch(new RegExp(`^${words.form.error} ${words.form.title}`));
  expect(await page.evaluate(() => document.activeElement?.matches("[data-error-summary]"))).toBe(true);
  expect(await page.locator("[data-error-summary] li:not([hidden]) a").allTextContents()).toEqual([
    QUESTIONS.email.errors.invalid.pl,
  ]);
  expect(await page.getByLabel(QUESTIONS.message.label.pl).inputValue()).toBe(message);
  expect(await page.getByLabel(QUESTIONS.interpreterLanguage.label.pl).inputValue()).toBe("polski");
  expect(await page.getByLabel(QUESTIONS.communication.label.pl).inputValue()).toBe("Duży druk");
  expect(await page.locator("#interpreter").isChecked()).toBe(true);

  await page.getByLabel(QUESTIONS.email.label.pl).fill("zofia@example.com");
  await page.getByRole("button", { name: words.form.send }).click();
  await page.waitForURL(/\/pl\/enquire\/send$/);
  expect(await page.locator("h1").textContent()).toBe(words.sent.title);
  const reference = (await page.locator("[data-enquiry-reference]").textContent()) ?? "";
  const [email, ...others] = await emailsAbout(reference);
  expect(others).toEqual([]);
  expect(email?.text).toContain("Form language: Polish (they filled in the form in Polish)");
  expect(email?.text).toContain("Interpreter: NEEDED: arrange one before you contact them");
  expect(email?.text).toContain(message);
  await context.close();
}, 60_000);
