/**
 * Runs every check over the pages in content/ and returns what it found, plus each page's
 * reading grade for the report.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { todayInUk } from "../../../src/lib/page-schema.ts";
import { buildingBlocks, checkBuildingBlocks } from "./check-building-blocks.ts";
import { checkContactDetails } from "./check-contact-details.ts";
import { checkHeadings } from "./check-headings.ts";
import { checkImages } from "./check-images.ts";
import { checkLinks } from "./check-links.ts";
import { ceilingFor, checkReadability } from "./check-readability.ts";
import { checkReadable } from "./check-readable.ts";
import { checkReviewDate } from "./check-review-date.ts";
import { checkSettings } from "./check-settings.ts";
import { readPageSource } from "./page-source.ts";
import type { Problem } from "./problem.ts";
import { measurePage } from "./reading-grade.ts";
import { buildSiteMap } from "./site-map.ts";

export interface ContentCheckOptions {
  /** The project's root, for naming files in messages. */
  root: string;
  /** Default: <root>/content. */
  contentDir?: string;
  /** Default: today in the UK, YYYY-MM-DD. */
  today?: string;
}

export interface PageGrade {
  file: string;
  grade: number;
  ceiling: number;
  words: number;
}

export interface ContentReport {
  problems: Problem[];
  grades: PageGrade[];
  pageCount: number;
}

export function checkContent(options: ContentCheckOptions): ContentReport {
  const { root, today = todayInUk() } = options;
  const contentDir = options.contentDir ?? join(root, "content");
  const publicDir = join(root, "public");
  const pages = readdirSync(contentDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".mdx"))
    .sort()
    .map((file) => readPageSource(join(contentDir, file), root, contentDir));
  const site = buildSiteMap(pages, join(root, "src", "pages"), publicDir);
  const blocks = buildingBlocks(join(root, "src", "components", "content"));

  const problems: Problem[] = [];
  const grades: PageGrade[] = [];
  for (const page of pages) {
    problems.push(...checkReadable(page), ...checkSettings(page, today));
    if (page.readError) continue;
    const reading = measurePage(page.tree);
    grades.push({ file: page.file, grade: reading.grade, ceiling: ceilingFor(page), words: reading.words });
    problems.push(
      ...checkBuildingBlocks(page, blocks),
      ...checkLinks(page, site),
      ...checkImages(page, publicDir),
      ...checkHeadings(page),
      ...checkContactDetails(page),
      ...checkReadability(page, reading),
      ...checkReviewDate(page, today),
    );
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, grades, pageCount: pages.length };
}
