/**
 * Checks on every page of the built site in dist/: valid HTML, the quick exit and its guard,
 * a strict Content-Security-Policy, and nothing that would make a request to another origin.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { HtmlValidate } from "html-validate";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { builtFile, builtPagePaths } from "../../tools/project/site-pages.ts";

const DESTINATION = "https://www.bbc.co.uk/weather";
const paths = builtPagePaths();
const read = (path: string) => readFileSync(builtFile(path), "utf8");
const documentFor = (path: string) => parseHTML(read(path)).document;

const htmlValidate = new HtmlValidate({
  extends: ["html-validate:recommended"],
  // HTML allows ids that start with a digit; headings such as "1. Your care coordinator…" get one.
  rules: { "valid-id": ["error", { relaxed: true }] },
});

it("finds the whole site, the 404 page included", () => {
  expect(paths).toEqual(
    expect.arrayContaining(["/", "/404.html", "/what-is-restorative-justice/", "/privacy/", "/accessibility/"]),
  );
  expect(paths.length).toBeGreaterThanOrEqual(10);
});

describe.each(paths)("%s", (path) => {
  it("is valid HTML", async () => {
    const report = await htmlValidate.validateString(read(path), builtFile(path));
    const problems = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    );
    expect(problems).toEqual([]);
  });

  it("starts with the quick exit, then the skip link, and has one main", () => {
    const document = documentFor(path);
    const focusable = [
      ...document.querySelectorAll("body a[href], body button, body input, body select, body textarea"),
    ];
    expect(focusable[0]?.hasAttribute("data-quick-exit-link")).toBe(true);
    expect(focusable[0]?.getAttribute("href")).toBe(DESTINATION);
    expect(focusable[0]?.getAttribute("rel")?.split(" ").sort()).toEqual(["nofollow", "noreferrer"]);
    expect(focusable[1]?.getAttribute("href")).toBe("#main-content");
    expect(document.querySelectorAll("[data-quick-exit-link]")).toHaveLength(1);
    expect(document.querySelectorAll("main#main-content")).toHaveLength(1);
    expect(document.querySelectorAll("h1")).toHaveLength(1);
  });

  it("guards against Back before anything else in <head> can paint", () => {
    const head = documentFor(path).head;
    const firstScript = head.querySelector("script");
    expect(firstScript?.textContent).toContain("back_forward");
    expect(firstScript?.textContent).toContain("pageshow");
    expect(head.querySelector("title, style, link")?.compareDocumentPosition(firstScript!)).toBe(2); // DOCUMENT_POSITION_PRECEDING
  });

  it("has a Content-Security-Policy with no unsafe sources and sends no referrer to other sites", () => {
    const head = documentFor(path).head;
    const csp = head.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute("content") ?? "";
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).toMatch(/style-src 'self' 'sha256-/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(head.querySelector('meta[name="referrer"]')?.getAttribute("content")).toBe("same-origin");
  });

  it("allows each of its inline scripts and styles by hash", () => {
    const document = documentFor(path);
    const csp = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute("content") ?? "";
    const inline = [...document.querySelectorAll("script:not([src]), style")];
    expect(inline.length).toBeGreaterThan(1);
    for (const element of inline) {
      const hash = createHash("sha256")
        .update(element.textContent ?? "")
        .digest("base64");
      expect(csp, element.localName).toContain(`'sha256-${hash}'`);
    }
  });

  it("loads nothing from anywhere but itself, and only the quick exit's JavaScript", () => {
    const document = documentFor(path);
    // A canonical or alternate link names an address; the browser loads nothing from it.
    const loaded = [...document.querySelectorAll("[src], link[href]:not([rel=canonical], [rel=alternate])")].map(
      (element) => element.getAttribute("src") ?? element.getAttribute("href") ?? "",
    );
    for (const url of loaded) expect(url).toMatch(/^(\/(?!\/)|data:)/);
    const scripts = [...document.querySelectorAll("script")];
    expect(scripts.every((script) => !script.hasAttribute("src"))).toBe(true);
    const javaScript = scripts.map((script) => script.textContent ?? "").join("\n");
    expect(gzipSync(javaScript, { level: 9 }).length).toBeLessThanOrEqual(2048);
  });

  it("has a footer with the phone number and the privacy and accessibility pages", () => {
    const footer = documentFor(path).querySelector("footer");
    expect(footer?.querySelector('a[href="tel:+448009523000"]')?.textContent).toBe("0800\u00a0952\u00a03000");
    expect(footer?.querySelector('a[href="/privacy/"]')).not.toBeNull();
    expect(footer?.querySelector('a[href="/accessibility/"]')).not.toBeNull();
  });
});

describe("navigation", () => {
  it("is built from the content, in the order the pages ask for, marking the current page", () => {
    const document = documentFor("/the-restorative-process/");
    const links = [...document.querySelectorAll('nav[aria-label="Main"] a')];
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/",
      "/what-is-restorative-justice/",
      "/the-restorative-process/",
      "/is-it-right-for-you/",
      "/support-afterwards/",
      "/contact-us/",
      "/staying-safe-online/",
    ]);
    expect(document.querySelector('[aria-current="page"]')?.getAttribute("href")).toBe("/the-restorative-process/");
  });
});

describe("guidance pages", () => {
  it("show when they were last reviewed", () => {
    const time = documentFor("/what-is-restorative-justice/").querySelector(".last-reviewed time");
    expect(time?.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(time?.textContent).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  it("hide the team's email address while none is set", () => {
    const contact = documentFor("/contact-us/");
    expect(contact.querySelector(".contact-details")).not.toBeNull();
    expect(contact.querySelector('a[href^="mailto:"]')).toBeNull();
  });
});
