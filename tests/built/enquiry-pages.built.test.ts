/**
 * The built enquiry pages, filled in as the enquiry function fills them: answers put back,
 * errors shown GOV.UK's way, the failure banner, and a page that stays valid and keeps
 * within its Content-Security-Policy.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { parseHTML } from "linkedom";
import { parse as parseLikeABrowser } from "parse5";
import { describe, expect, it } from "vitest";
import { fillConfirmationPage, fillFormPage } from "../../src/lib/enquiry/pages.ts";
import { MESSAGES } from "../../src/lib/enquiry/schema.ts";
import { DIST } from "../../tools/project/site-pages.ts";
import { builtTemplates } from "../support/built-enquiry-pages.ts";

const formPage = readFileSync(join(DIST, "enquire", "index.html"), "utf8");
const templates = builtTemplates();
const formTemplate = templates["/enquire/"];
const htmlValidate = new HtmlValidate({ extends: ["html-validate:recommended"] });

const hostile = `</textarea><script>alert("x")</script>"'&`;
const answers = {
  message: `First line\n\n${hostile}`,
  contactMethod: "either",
  phone: "07700 900982",
  voicemail: "no",
  email: `"><img src=x onerror=alert(1)>`,
  name: "Sam",
};
const errors = [
  { field: "sayWhoWeAre", message: MESSAGES.sayWhoWeAreMissing },
  { field: "email", message: MESSAGES.emailInvalid },
] as const;

/** A text box's content as a browser reads it (linkedom itself does not follow the spec here). */
function textareaAsBrowserSees(html: string, name: string): string | undefined {
  interface Node {
    nodeName: string;
    attrs?: { name: string; value: string }[];
    childNodes?: Node[];
    content?: Node;
    value?: string;
  }
  const stack: Node[] = [parseLikeABrowser(html)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === "textarea" && node.attrs?.some((attr) => attr.name === "name" && attr.value === name)) {
      return (node.childNodes ?? []).map((child) => child.value ?? "").join("");
    }
    stack.push(...(node.childNodes ?? []));
  }
  return undefined;
}

const visibleText = (element: Element | null) =>
  element?.hasAttribute("hidden") ? null : element?.textContent?.trim();

describe("the form page with errors", () => {
  const html = fillFormPage(formTemplate, { answers, errors });
  const { document } = parseHTML(html);

  it("puts every answer back exactly as typed, as text and not markup", () => {
    expect(textareaAsBrowserSees(html, "message")).toBe(answers.message);
    expect(document.querySelector("input[name=phone]")?.getAttribute("value")).toBe("07700 900982");
    expect(document.querySelector("input[name=email]")?.getAttribute("value")).toBe(answers.email);
    expect(document.querySelector("input[name=name]")?.getAttribute("value")).toBe("Sam");
    const checked = [...document.querySelectorAll("input[type=radio][checked]")].map(
      (radio) => `${radio.getAttribute("name")}=${radio.getAttribute("value")}`,
    );
    expect(checked).toEqual(["contactMethod=either", "voicemail=no"]);
    expect(document.querySelectorAll("script")).toHaveLength(
      parseHTML(formPage).document.querySelectorAll("script").length,
    );
    expect(document.querySelector("img")).toBeNull();
  });

  it("starts the title with Error and shows the summary, focused, linking to each field in order", () => {
    expect(document.title).toMatch(/^Error: Send us a message/);
    const summary = document.querySelector("[data-error-summary]");
    expect(summary?.hasAttribute("hidden")).toBe(false);
    expect(summary?.hasAttribute("autofocus")).toBe(true);
    expect(visibleText(summary?.querySelector("h2") ?? null)).toBe("There is a problem");
    const links = [...document.querySelectorAll("[data-summary-for]:not([hidden]) a")];
    expect(links.map((link) => [link.getAttribute("href"), link.textContent])).toEqual([
      ["#sayWhoWeAre", MESSAGES.sayWhoWeAreMissing],
      ["#email", MESSAGES.emailInvalid],
    ]);
    for (const link of links) expect(document.getElementById(link.getAttribute("href")!.slice(1))).not.toBeNull();
  });

  it("shows each message beside its field, tied to it for screen readers", () => {
    expect(visibleText(document.getElementById("email-error"))).toBe(`Error: ${MESSAGES.emailInvalid}`);
    expect(document.getElementById("email")?.getAttribute("aria-describedby")).toBe("email-hint email-error");
    expect(document.querySelector('[data-fieldset="sayWhoWeAre"]')?.getAttribute("aria-describedby")).toBe(
      "sayWhoWeAre-hint sayWhoWeAre-error",
    );
    expect(document.querySelector('[data-form-group="email"]')?.classList.contains("form-group--error")).toBe(true);
    expect(document.getElementById("phone-error")?.hasAttribute("hidden")).toBe(true);
    expect(document.querySelector('[data-form-group="phone"]')?.classList.contains("form-group--error")).toBe(false);
  });

  it("stays valid HTML", async () => {
    const report = await htmlValidate.validateString(html, "enquire-with-errors.html", {
      rules: { "valid-id": ["error", { relaxed: true }] },
    });
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
  });

  it("keeps every inline script and style within the page's Content-Security-Policy", () => {
    const csp = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute("content") ?? "";
    for (const element of document.querySelectorAll("script, style")) {
      const hash = createHash("sha256")
        .update(element.textContent ?? "")
        .digest("base64");
      expect(csp).toContain(`'sha256-${hash}'`);
    }
  });
});

describe("the form page after a failed send", () => {
  const html = fillFormPage(formTemplate, { answers, sendFailed: true });
  const { document } = parseHTML(html);

  it("says the message was not sent, keeps the answers, offers to try again and gives the phone number", () => {
    const banner = document.querySelector("[data-send-failed]");
    expect(banner?.hasAttribute("hidden")).toBe(false);
    expect(banner?.querySelector("[data-send-failed-title]")?.hasAttribute("autofocus")).toBe(true);
    expect(banner?.textContent).toContain("Your message has not been sent");
    expect(banner?.querySelector('a[href="tel:+448009523000"]')).not.toBeNull();
    expect(document.querySelector("[data-submit-button]")?.textContent).toBe("Try sending again");
    expect(textareaAsBrowserSees(html, "message")).toBe(answers.message);
    expect(document.title).not.toMatch(/^Error/);
    expect(document.querySelector("[data-error-summary]")?.hasAttribute("hidden")).toBe(true);
  });
});

describe("the confirmation page", () => {
  it("shows the reference and nothing else about the enquiry", () => {
    const { document } = parseHTML(fillConfirmationPage(templates["/enquire/sent/"], "RJ-7K3M-9Q2X"));
    expect(visibleText(document.querySelector("[data-enquiry-reference-line]"))).toMatch(
      /^Your reference is\s+RJ-7K3M-9Q2X$/,
    );
    expect(document.querySelector("[data-quick-exit-link]")).not.toBeNull();
  });
});
