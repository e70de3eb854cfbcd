/**
 * A fixed "today" for tests that check the real pages: the newest `lastReviewed` among them, so
 * an editor reviewing a page today never makes a test see a review date in the future, and no
 * test reads the real clock.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function newestReviewDate(contentDir = join(import.meta.dirname, "..", "..", "content")): string {
  // Translations (content/pl/…) too, with the days they were translated and reviewed.
  const dates = readdirSync(contentDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".mdx"))
    .flatMap((name) =>
      [
        ...readFileSync(join(contentDir, name), "utf8").matchAll(
          /^ *(?:lastReviewed|translated|on): *(\d{4}-\d{2}-\d{2}) *$/gm,
        ),
      ].map((match) => match[1]!),
    );
  if (dates.length === 0) throw new Error(`No page in ${contentDir} says when it was last reviewed.`);
  return dates.sort().at(-1)!;
}
