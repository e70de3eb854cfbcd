/**
 * The building blocks editors put in pages, as a visitor meets them in a real Chromium: with
 * the keyboard, with JavaScript off, through a screen reader's eyes (the accessibility tree)
 * and in forced colours mode. They are used on the real pages, so the real pages are tested.
 */
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "../support/shared-browser.ts";

const SITE = inject("previewUrl");

const browser = useChromium();

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser().newContext({ viewport: { width: 320, height: 640 }, ...options });
  const page = await context.newPage();
  await page.goto(new URL(path, SITE).href);
  return { context, page };
}

describe("<Details>", () => {
  it("opens and closes with a tap, with JavaScript off", async () => {
    const { context, page } = await open("/the-restorative-process/", { javaScriptEnabled: false });
    const summary = page.getByText("Why this is called shuttle communication");
    const text = page.getByText("like a shuttle bus");
    await expect.poll(() => text.isVisible()).toBe(false);
    await summary.click();
    await expect.poll(() => text.isVisible()).toBe(true);
    await summary.click();
    await expect.poll(() => text.isVisible()).toBe(false);
    await context.close();
  });

  it("opens with the keyboard and says whether it is open", async () => {
    const { context, page } = await open("/staying-safe-online/");
    const summary = page.locator("summary", { hasText: "Delete only this site" });
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await page.getByText("Most browsers let you remove single pages").isVisible()).toBe(true);
    await page.keyboard.press("Space");
    expect(await summary.evaluate((element) => (element.parentElement as HTMLDetailsElement).open)).toBe(false);
    await context.close();
  });
});

describe("<Steps> and <Step>", () => {
  it("are a numbered list whose steps are level 3 headings", async () => {
    const { context, page } = await open("/the-restorative-process/");
    const steps = page.locator("ol.steps");
    expect(await steps.ariaSnapshot()).toMatch(
      /^- list:\n {2}- listitem:\n {4}- heading "Your care coordinator refers you" \[level=3\]/,
    );
    expect(await steps.locator(":scope > li").count()).toBe(3);
    const heading = page.getByRole("heading", {
      level: 3,
      name: "The practitioner talks to the person who harmed you",
    });
    expect(await heading.isVisible()).toBe(true);
    await context.close();
  });
});

describe("<Warning>", () => {
  it("is read out as Important, and its sign stays visible in forced colours", async () => {
    const { context, page } = await open("/contact-us/");
    const warning = page.locator(".warning");
    expect(await warning.ariaSnapshot()).toContain("Important: A call to us may show in your phone");
    await page.emulateMedia({ forcedColors: "active" });
    const icon = await warning
      .locator(".warning__icon")
      .evaluate((sign) => [getComputedStyle(sign).color, getComputedStyle(sign).backgroundColor]);
    expect(icon[0]).not.toBe(icon[1]);
    await context.close();
  });
});

describe("<GetHelpNow>, <ContactDetails>, <PhoneLink> and <EnquiryLink>", () => {
  it("give 999 first, the number as a link phones can call, and a link to the form", async () => {
    const { context, page } = await open("/contact-us/");
    const help = page.locator(".get-help-now");
    expect(await help.locator("p").first().textContent()).toBe("If you are in danger now, call 999.");
    expect(await help.getByRole("link").getAttribute("href")).toBe("tel:+448009523000");
    const details = page.locator(".contact-details");
    expect(await details.getByRole("link", { name: "0800 952 3000" }).getAttribute("href")).toBe("tel:+448009523000");
    // No team email or opening hours are set, so neither is shown or guessed.
    expect(await details.locator("dt").allTextContents()).toEqual(["Phone"]);
    const form = page.getByRole("link", { name: "send us a message online" });
    expect(await form.getAttribute("href")).toBe("/enquire/");
    await form.click();
    await page.waitForURL(new URL("/enquire/", SITE).href);
    await context.close();
  });
});
