/**
 * reading-grade: each page's Flesch-Kincaid grade must stay at or under its ceiling,
 * and so must each long paragraph, since one hard paragraph can hide in an easy page's
 * average. Our own rule: retext-readability judges sentences one by one (see prose.ts), and
 * has no page grade. The grade is kept on the file (file.data.reading) for the report.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { measurePage } from "./measure-reading.ts";
import { pageOf } from "./page.ts";
import { report, ruleMeta } from "./rule.ts";

/** Guidance is read by people under stress, often on a phone: about age 14 to 15 (UK year 10). */
export const GUIDANCE_CEILING = 9;

/**
 * Legal pages must name laws and public bodies in full ("the Public Sector Bodies (Websites and
 * Mobile Applications) (No. 2) Accessibility Regulations 2018"), which no rewrite can shorten.
 * Everything else on them is held to the same plain English as the guidance.
 */
export const LEGAL_CEILINGS: Readonly<Record<string, number>> = {
  accessibility: 11,
  privacy: 11,
};

/** A paragraph this long or longer is checked on its own. */
export const LONG_PARAGRAPH_WORDS = 25;

export function ceilingFor(pageId: string): number {
  return LEGAL_CEILINGS[pageId] ?? GUIDANCE_CEILING;
}

export interface PageReadingGrade {
  grade: number;
  ceiling: number;
  words: number;
}

declare module "vfile" {
  interface DataMap {
    reading: PageReadingGrade;
  }
}

const readingGrade = lintRule<Root>(ruleMeta("reading-grade"), (tree, file) => {
  const ceiling = ceilingFor(pageOf(tree, file).id);
  const reading = measurePage(tree);
  file.data.reading = { grade: reading.grade, ceiling, words: reading.words };
  const hardest = reading.hardest
    .slice(0, 3)
    .map((s) => `\n  line ${s.line} (grade ${s.grade}): ${s.text}`)
    .join("");
  if (reading.grade > ceiling) {
    report(
      file,
      `The page is too hard to read: reading grade ${reading.grade}, where the most we allow is ${ceiling}.`,
      { line: 1, column: 1 },
      `Use shorter sentences and everyday words. Start with the hardest sentences:${hardest}`,
    );
  }
  for (const paragraph of reading.paragraphs) {
    if (paragraph.words < LONG_PARAGRAPH_WORDS || paragraph.grade <= ceiling) continue;
    const worst = [...paragraph.sentences].sort((a, b) => b.grade - a.grade)[0];
    report(
      file,
      `This paragraph of ${paragraph.words} words is too hard to read: reading grade ${paragraph.grade}, where the most we allow is ${ceiling}.`,
      { line: paragraph.line, column: paragraph.column },
      `Split it into shorter sentences with everyday words.${worst ? ` The hardest sentence (grade ${worst.grade}) is: ${worst.text}` : ""}`,
    );
  }
});

export default readingGrade;
