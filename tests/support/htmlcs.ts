/**
 * HTML_CodeSniffer at WCAG 2 AA, run in a page already open, as pa11y runs it: pa11y's own
 * runner and the HTMLCS build it ships, counting errors only, as pa11y-ci does by default
 * (warnings and notices are for a person to judge). Run where axe runs, one load of each page
 * serves both; pa11y-ci itself still runs too (tests/a11y/pages.a11y.test.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const runner = require("pa11y/lib/runners/htmlcs.js") as { scripts: string[]; run: (options: object) => unknown };
const SCRIPTS = runner.scripts.map((file) => readFileSync(file, "utf8"));
const RUN = runner.run.toString();

export const HTMLCS_STANDARD = "WCAG2AA";

export interface HtmlcsError {
  code: string;
  message: string;
  /** The start of the element's markup, to find it by. */
  element: string;
}

/** The errors on the page as it is now. Evaluated through the DevTools protocol, as axe is, past the page's CSP. */
export async function htmlcsErrors(page: Page): Promise<HtmlcsError[]> {
  if (!(await page.evaluate(() => "HTMLCS" in window))) for (const script of SCRIPTS) await page.evaluate(script);
  return page.evaluate(
    async ({ run, standard }) => {
      type Issue = { code: string; message: string; type: string; element?: Element };
      // pa11y's runner, as pa11y injects it: its source text, run in the page.
      const pa11yRunner = (0, eval)(`(${run})`) as (options: object) => Promise<Issue[]>;
      const issues = await pa11yRunner({ standard, rules: [] });
      return issues
        .filter((issue) => issue.type === "error")
        .map(({ code, message, element }) => ({
          code,
          message,
          element: element?.outerHTML.slice(0, 160) ?? "(page)",
        }));
    },
    { run: RUN, standard: HTMLCS_STANDARD },
  );
}

export const formatHtmlcsError = ({ code, message, element }: HtmlcsError) => `${code}: ${message} at ${element}`;
