/**
 * review-due: pages nobody has checked for a year may be wrong. A reminder, not a
 * reason to stop a change. "Today" is passed in, so tests never read the real clock.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { parseDay, todayInUk } from "../page-schema.ts";
import { pageOf } from "./page.ts";
import { report, ruleMeta } from "./rule.ts";

export const REVIEW_EVERY_MONTHS = 12;

export interface ReviewDueOptions {
  /** YYYY-MM-DD; default today in the UK. */
  today?: string | undefined;
}

const reviewDue = lintRule<Root, ReviewDueOptions>(ruleMeta("review-due"), (tree, file, options) => {
  const today = options?.today ?? todayInUk();
  const page = pageOf(tree, file);
  const written = page.settings?.["lastReviewed"];
  const text = written instanceof Date ? written.toISOString().slice(0, 10) : written;
  const reviewed = typeof text === "string" ? parseDay(text.trim()) : undefined;
  const now = parseDay(today);
  if (!reviewed || !now) return; // A missing or malformed date is a settings error.
  const due = new Date(reviewed);
  due.setUTCMonth(due.getUTCMonth() + REVIEW_EVERY_MONTHS);
  if (due > now) return;
  report(
    file,
    `This page was last reviewed on ${String(text)}, more than ${REVIEW_EVERY_MONTHS} months ago.`,
    page.placeOf(["lastReviewed"]),
    `Check that everything on the page is still right, then set lastReviewed to the day you checked it (today is ${today}).`,
  );
});

export default reviewDue;
