/** Pages nobody has checked for a year may be wrong: a reminder, not a reason to stop a change. */
import { parseDay } from "../../../src/lib/page-schema.ts";
import type { PageSource } from "./page-source.ts";
import type { Problem } from "./problem.ts";

export const REVIEW_EVERY_MONTHS = 12;

export function checkReviewDate(page: PageSource, today: string): Problem[] {
  const written = page.settings?.["lastReviewed"];
  const reviewed = typeof written === "string" ? parseDay(written.trim()) : undefined;
  const now = parseDay(today);
  if (!reviewed || !now) return []; // A missing or malformed date is a settings error.
  const due = new Date(reviewed);
  due.setUTCMonth(due.getUTCMonth() + REVIEW_EVERY_MONTHS);
  if (due > now) return [];
  return [
    {
      file: page.file,
      line: page.lineOf(["lastReviewed"]),
      column: 1,
      severity: "warning",
      rule: "review-due",
      message: `This page was last reviewed on ${written as string}, more than ${REVIEW_EVERY_MONTHS} months ago.`,
      fix: `Check that everything on the page is still right, then set lastReviewed to the day you checked it (today is ${today}).`,
    },
  ];
}
