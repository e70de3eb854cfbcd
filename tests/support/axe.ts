/**
 * axe-core run straight in a Playwright page, counting every violation whatever its impact.
 * (pa11y's axe runner reports moderate and minor ones as warnings and notices, which pa11y-ci
 * does not count, and leaves out WCAG 2.2.)
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** Every rule of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  rule: string;
  impact: string;
  /** The CSS selector axe gives for the element, or "(page)" for a rule about the whole page. */
  target: string;
  help: string;
  helpUrl: string;
}

/**
 * The violations on the page as it is now. axe is evaluated through the DevTools protocol,
 * which the page's Content-Security-Policy does not govern, so the page's own policy stays on.
 */
export async function axeViolations(page: Page, tags = AXE_TAGS): Promise<AxeViolation[]> {
  return axeViolationsIn(page, undefined, tags);
}

/** The violations inside the elements a CSS selector matches (the whole page when undefined). */
export async function axeViolationsIn(
  page: Page,
  selector: string | undefined,
  tags = AXE_TAGS,
): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ values, selector }) => {
      const { axe } = window as unknown as { axe: typeof import("axe-core") };
      const results = await axe.run(selector === null ? document : { include: [selector] }, {
        runOnly: { type: "tag", values },
        resultTypes: ["violations"],
      });
      return results.violations.flatMap((violation) =>
        (violation.nodes.length > 0 ? violation.nodes : [{ target: ["(page)"] }]).map((node) => ({
          rule: violation.id,
          impact: violation.impact ?? "unknown",
          target: node.target.map(String).join(" "),
          help: violation.help,
          helpUrl: violation.helpUrl,
        })),
      );
    },
    { values: tags, selector: selector ?? null },
  );
}

/** One line per violation: what, how bad, where, and what to do. */
export function formatViolation({ rule, impact, target, help, helpUrl }: AxeViolation): string {
  return `${rule} (${impact}) at ${target}: ${help} ${helpUrl}`;
}
