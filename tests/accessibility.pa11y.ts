/**
 * The accessibility gate: pa11y-ci with both runners (axe and HTML_CodeSniffer) at WCAG 2 AA
 * over every page found in dist/, served as Netlify would serve them, on a desktop screen and
 * on a 320 px phone, and over every state of the enquiry form: errors, sent, and not sent.
 * Any issue fails `npm test`. Run with `npm run test:a11y` after a build.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startPreview } from "../scripts/preview.ts";
import { fillFormPage } from "../src/lib/enquiry-pages.ts";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/lib/browsers/chromium.ts";
import { builtPagePaths, DIST } from "../scripts/lib/site-pages.ts";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  // 320 CSS pixels is also what a 1280 px window shows at 400% zoom.
  { width: 320, height: 640 },
];

interface Pa11yUrl {
  url: string;
  viewport: { width: number; height: number };
  actions?: string[];
}

/** The enquiry form's states, reached the way a visitor reaches them where possible. */
function enquiryStates(siteUrl: string, workDir: string): Omit<Pa11yUrl, "viewport">[] {
  const form = new URL("/enquire/", siteUrl).href;
  const submit = ["click element [data-submit-button]", "wait for path to be /enquire/send"];
  // A failed send cannot be caused from a browser: the page is filled in as the function fills it.
  const notSent = join(workDir, "enquiry-not-sent.html");
  const answers = { message: "Hello", contactMethod: "email", email: "sam@example.com" };
  writeFileSync(
    notSent,
    fillFormPage(readFileSync(join(DIST, "enquire", "index.html"), "utf8"), { answers, sendFailed: true }),
  );
  return [
    { url: form, actions: submit },
    {
      url: form,
      actions: [
        "set field #message to Hello",
        "check field #contactMethod-email",
        "set field #email to sam@example.com",
        ...submit,
      ],
    },
    { url: pathToFileURL(notSent).href },
  ];
}

/** Runs pa11y-ci over every page and state at every screen size and returns its exit code. */
async function runPa11y(siteUrl: string, workDir: string): Promise<number> {
  const pages = [...builtPagePaths(), "/no-such-page/"].map((path) => ({ url: new URL(path, siteUrl).href }));
  const targets = [...pages, ...enquiryStates(siteUrl, workDir)];
  const urls: Pa11yUrl[] = targets.flatMap((target) => VIEWPORTS.map((viewport) => ({ ...target, viewport })));
  const config = {
    defaults: {
      runners: ["axe", "htmlcs"],
      standard: "WCAG2AA",
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
  console.log(`pa11y-ci: ${pages.length} pages and 3 enquiry states x ${VIEWPORTS.length} screen sizes`);
  // Asynchronous on purpose: the preview server answering pa11y lives in this same process.
  const pa11y = spawn("pa11y-ci", ["--config", configFile], { stdio: "inherit" });
  const [code] = (await once(pa11y, "exit")) as [number | null];
  return code ?? 1;
}

const workDir = mkdtempSync(join(tmpdir(), "pa11y-"));
// Enquiries sent while testing go to a throwaway outbox, never anywhere real.
delete process.env["RESEND_API_KEY"];
process.env["ENQUIRY_OUTBOX_DIR"] = join(workDir, "outbox");
const preview = await startPreview({ port: 0, host: "127.0.0.1" });
const exitCode = await runPa11y(preview.url, workDir).finally(async () => {
  await preview.close();
  rmSync(workDir, { recursive: true, force: true });
});
process.exit(exitCode);
