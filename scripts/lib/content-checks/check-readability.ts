/**
 * Plain English: each page's reading grade must stay at or under its ceiling, and so must each
 * long paragraph, since one hard paragraph can hide in an easy page's average.
 */
import type { PageSource } from "./page-source.ts";
import type { Problem } from "./problem.ts";
import { measurePage, type PageReading } from "./reading-grade.ts";

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

export function ceilingFor(page: PageSource): number {
  return LEGAL_CEILINGS[page.id] ?? GUIDANCE_CEILING;
}

export function checkReadability(page: PageSource, reading: PageReading = measurePage(page.tree)): Problem[] {
  const ceiling = ceilingFor(page);
  const problems: Problem[] = [];
  const hardest = reading.hardest
    .slice(0, 3)
    .map((s) => `\n      line ${s.line} (grade ${s.grade}): ${s.text}`)
    .join("");
  if (reading.grade > ceiling) {
    problems.push({
      file: page.file,
      line: 1,
      column: 1,
      severity: "error",
      rule: "reading-grade",
      message: `The page is too hard to read: reading grade ${reading.grade}, where the most we allow is ${ceiling}.`,
      fix: `Use shorter sentences and everyday words. Start with the hardest sentences:${hardest}`,
    });
  }
  for (const paragraph of reading.paragraphs) {
    if (paragraph.words < LONG_PARAGRAPH_WORDS || paragraph.grade <= ceiling) continue;
    const worst = [...paragraph.sentences].sort((a, b) => b.grade - a.grade)[0];
    problems.push({
      file: page.file,
      line: paragraph.line,
      column: paragraph.column,
      severity: "error",
      rule: "reading-grade",
      message: `This paragraph of ${paragraph.words} words is too hard to read: reading grade ${paragraph.grade}, where the most we allow is ${ceiling}.`,
      fix: `Split it into shorter sentences with everyday words.${worst ? ` The hardest sentence (grade ${worst.grade}) is: ${worst.text}` : ""}`,
    });
  }
  return problems;
}
