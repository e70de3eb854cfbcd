/**
 * The accessibility gate, over every page found in dist/ (the 404 page as a missing address
 * too) and every state of the enquiry form (errors, sent, kept, not sent), served as Netlify would
 * serve them, in every language, on a desktop screen and on a 320 px phone:
 * 1. in Chromium, in one visit: axe-core, every violation of WCAG 2.0, 2.1 and 2.2 A and AA and
 *    of axe's best practices, whatever its impact; HTML_CodeSniffer at WCAG 2 AA, run as pa11y
 *    runs it (tests/support/htmlcs.ts); and any error the browser reports, such as a blocked style;
 * 2. the Nu HTML checker over the same HTML: every error, warning and info message;
 * 3. pa11y-ci itself, with HTML_CodeSniffer at WCAG 2 AA (its axe runner would repeat 1. with
 *    fewer rules), over the English pages and form states on the phone: the same sniffs through
 *    pa11y's own browser and loading, so a difference between the two ways shows here.
 * Any issue fails `npm test`. Run with `npm run test:a11y` after a build. The three run in
 * order: the Nu checker reads the HTML the first pass kept from each form submission.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startPreview } from "../../tools/netlify/preview.ts";
import { fillConfirmationPage, fillFormPage } from "../../src/lib/enquiry/pages.ts";
import { CHROMIUM_ARGS, chromiumPath, launchChromium } from "../../tools/browsers/chromium.ts";
import { builtFile, builtPagePaths, DIST } from "../../tools/project/site-pages.ts";
import { axeViolations, formatViolation } from "../support/axe.ts";
import { formatHtmlcsError, HTMLCS_STANDARD, htmlcsErrors } from "../support/htmlcs.ts";
import { builtTemplates } from "../support/built-enquiry-pages.ts";
import { LANGUAGES, TRANSLATIONS, type LanguageCode } from "../../src/i18n/languages.ts";
import { enquiryActionIn, enquiryPageIn, FORM_PAGE, KEPT_PAGE } from "../../src/lib/enquiry/enquiry-pages.ts";
import { formatNuMessage, isTrimmedStyleHashMisreading, nuCheck } from "../support/nu-checker.ts";

// 320 CSS pixels is also what a 1280 px window shows at 400% zoom.
const PHONE = { width: 320, height: 640 };
const VIEWPORTS = [{ width: 1280, height: 800 }, PHONE];

/** A page's path or a form state's name, in English: no translation's prefix or suffix. */
const isEnglishTarget = (name: string) =>
  !TRANSLATIONS.some((code) => name.startsWith(`/${code}/`) || name.endsWith(`-${code}`));

interface Viewport {
  width: number;
  height: number;
}

/** A page or form state, with how to reach it in pa11y's words and in Playwright's. */
interface Target {
  name: string;
  url: string;
  /** pa11y actions, run after the page loads. */
  actions?: string[];
  /**
   * For a state reached by sending the form: what to type first, for Playwright. The form is
   * then sent, and the HTML the function answers with is kept for the Nu checker.
   */
  beforeSending?: (page: Page) => Promise<void>;
}

interface Pa11yUrl {
  url: string;
  viewport: Viewport;
  actions?: string[];
}

const submit = (code: LanguageCode) => [
  "click element [data-submit-button]",
  `wait for path to be ${enquiryActionIn(code)}`,
];

/**
 * The enquiry form's states in every language, reached the way a visitor reaches them where
 * possible: every page a person can meet after sending it.
 */
function enquiryStates(siteUrl: string, workDir: string): Target[] {
  const templates = builtTemplates();
  return (Object.keys(LANGUAGES) as LanguageCode[]).flatMap((code): Target[] => {
    const form = new URL(enquiryPageIn(code, FORM_PAGE), siteUrl).href;
    const name = (state: string) => (code === "en" ? `enquiry-${state}` : `enquiry-${state}-${code}`);
    // A failed send cannot be caused from a browser: the page is filled in as the function fills it.
    const notSent = join(workDir, `${name("not-sent")}.html`);
    const answers = { message: "Hello", contactMethod: "email", email: "sam@example.com" };
    writeFileSync(notSent, fillFormPage(templates[enquiryPageIn(code, FORM_PAGE)], { answers, sendFailed: true }));
    // Kept but not yet delivered: the mail API would have to be down, so it is filled in the same way.
    const kept = join(workDir, `${name("kept")}.html`);
    writeFileSync(kept, fillConfirmationPage(templates[enquiryPageIn(code, KEPT_PAGE)], "RJ-7K3M-9Q2X"));
    return [
      {
        name: name("errors"),
        url: form,
        actions: submit(code),
        // Nothing typed in: every required answer is missing.
        beforeSending: async () => {},
      },
      {
        name: name("sent"),
        url: form,
        actions: [
          "set field #message to Hello",
          "check field #contactMethod-email",
          "set field #email to sam@example.com",
          "check field #interpreter",
          ...submit(code),
        ],
        beforeSending: async (page) => {
          await page.fill("#message", "Hello");
          await page.check("#contactMethod-email");
          await page.fill("#email", "sam@example.com");
          await page.check("#interpreter");
        },
      },
      { name: name("not-sent"), url: pathToFileURL(notSent).href },
      { name: name("kept"), url: pathToFileURL(kept).href },
    ];
  });
}

function allTargets(siteUrl: string, workDir: string): Target[] {
  const pages = [...builtPagePaths(), "/no-such-page/"].map((path) => ({
    name: path,
    url: new URL(path, siteUrl).href,
  }));
  return [...pages, ...enquiryStates(siteUrl, workDir)];
}

/**
 * axe over every target at every size, in one Chromium. Returns the problems found, and
 * writes the HTML the function answered each form submission with to workDir/<name>.html.
 */
async function runAxe(targets: Target[], siteUrl: string, workDir: string): Promise<string[]> {
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    for (const target of targets) {
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ viewport });
        // The quick exit's destination, or anything else elsewhere, is never fetched.
        await context.route("**/*", (route, request) =>
          /^(file:|data:)/.test(request.url()) || request.url().startsWith(siteUrl) ? route.continue() : route.abort(),
        );
        const page = await context.newPage();
        const browserErrors: string[] = [];
        // Chromium logs a page's own status, 404 or 422 here, as an error: only those are expected.
        const documents = new Set<string>();
        page.on("response", (response) => {
          if (response.request().isNavigationRequest()) documents.add(response.url());
        });
        page.on("console", (message) => {
          const ownStatus = /^Failed to load resource: the server responded with a status of (404|422)\b/;
          if (message.type() !== "error") return;
          if (ownStatus.test(message.text()) && documents.has(message.location().url)) return;
          browserErrors.push(message.text());
        });
        page.on("pageerror", (error) => browserErrors.push(error.message));
        await page.goto(target.url);
        if (target.beforeSending) {
          await target.beforeSending(page);
          const [answer] = await Promise.all([
            page.waitForResponse((response) => response.request().method() === "POST"),
            page.click("[data-submit-button]"),
          ]);
          await page.waitForURL(/\/enquire\/send$/);
          writeFileSync(join(workDir, `${target.name}.html`), await answer.text());
        }
        const violations = await axeViolations(page);
        const sniffed = await htmlcsErrors(page);
        await context.close();

        const label = `${target.name} at ${viewport.width} x ${viewport.height}`;
        const found = [
          ...violations.map(formatViolation),
          ...sniffed.map((error) => `HTML_CodeSniffer ${formatHtmlcsError(error)}`),
          ...browserErrors.map((error) => `browser error: ${error}`),
        ];
        problems.push(...found.map((problem) => `${label}: ${problem}`));
        console.log(
          found.length === 0 ? `  ok ${label}` : `  FAIL ${label}\n${found.map((f) => `    ${f}`).join("\n")}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  return problems;
}

/** The Nu checker over every built page and every form state's HTML, in one run. */
async function runNu(stateFiles: string[]): Promise<string[]> {
  const files = [...builtPagePaths().map((path) => builtFile(path)), ...stateFiles];
  const messages = await nuCheck(files);
  const counted = messages.filter((message) => !isTrimmedStyleHashMisreading(message));
  const setAside = messages.length - counted.length;
  const shown = (file: string) => (file.startsWith(DIST) ? relative(process.cwd(), file) : file);
  const problems = counted.map((message) => formatNuMessage({ ...message, file: shown(message.file) }));
  console.log(
    `Nu HTML checker: ${counted.length} messages in ${files.length} files` +
      (setAside ? ` (${setAside} about trimmed <style> hashes set aside: each file proved them wrong)` : ""),
  );
  return problems;
}

/** Runs pa11y-ci over these pages and states on the phone and returns its exit code. */
async function runPa11y(targets: Target[], workDir: string): Promise<number> {
  const urls: Pa11yUrl[] = targets.map(({ url, actions }) => ({ url, viewport: PHONE, ...(actions && { actions }) }));
  const config = {
    defaults: {
      // HTML_CodeSniffer only: axe runs above with more rules (best practice too) on the same pages.
      runners: ["htmlcs"],
      standard: HTMLCS_STANDARD,
      timeout: 30_000,
      concurrency: 1,
      chromeLaunchConfig: { executablePath: await chromiumPath(), args: CHROMIUM_ARGS },
      // No rule is ignored. Anything added here needs a comment saying why.
      ignore: [],
    },
    urls,
  };
  const configFile = join(workDir, "pa11y-ci.json");
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  // Asynchronous on purpose: the preview server answering pa11y lives in this same process.
  const pa11y = spawn("pa11y-ci", ["--config", configFile], { stdio: "inherit" });
  const [code] = (await once(pa11y, "exit")) as [number | null];
  return code ?? 1;
}

describe("every page and form state", () => {
  const workDir = mkdtempSync(join(tmpdir(), "pa11y-"));
  let siteUrl = "";
  let targets: Target[] = [];
  let preview: Awaited<ReturnType<typeof startPreview>> | undefined;
  const runs = () => `${targets.length} pages and form states x ${VIEWPORTS.length} screen sizes`;

  beforeAll(async () => {
    // Enquiries sent while testing go to a throwaway outbox, never anywhere real.
    delete process.env["RESEND_API_KEY"];
    process.env["ENQUIRY_OUTBOX_DIR"] = join(workDir, "outbox");
    preview = await startPreview({ port: 0, host: "127.0.0.1" });
    siteUrl = preview.url;
    targets = allTargets(siteUrl, workDir);
  });

  afterAll(async () => {
    await preview?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  test("HTML_CodeSniffer, run in the page, finds what it should: it can fail", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html lang="en"><title>x</title><img src="data:,"><a href="#"></a>');
      expect((await htmlcsErrors(page)).map(({ code }) => code.split(".").at(-1))).toEqual(["H37", "NoContent"]);
    } finally {
      await browser.close();
    }
  });

  test("axe-core and HTML_CodeSniffer find nothing, and the browser reports no error", async () => {
    console.log(`axe-core and HTML_CodeSniffer (${runs()}):`);
    expect(await runAxe(targets, siteUrl, workDir)).toEqual([]);
  });

  test("the Nu HTML checker finds nothing, form states included", async () => {
    const stateFiles = targets.filter((target) => target.name.startsWith("enquiry-")).map((t) => `${t.name}.html`);
    expect(await runNu(stateFiles.map((file) => join(workDir, file)))).toEqual([]);
  });

  test("pa11y-ci, with HTML_CodeSniffer at WCAG 2 AA, finds nothing on the English pages and form states", async () => {
    const english = targets.filter(({ name }) => isEnglishTarget(name));
    console.log(`pa11y-ci (${english.length} pages and form states on a ${PHONE.width} px phone):`);
    expect(english.length).toBeGreaterThan(20);
    expect(await runPa11y(english, workDir)).toBe(0);
  });
});
