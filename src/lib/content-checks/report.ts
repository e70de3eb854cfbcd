/**
 * The report editors read: vfile-reporter's list of each page's problems (line:column, what is
 * wrong, the rule, and how to fix it), then every page's reading grade, then the verdict.
 */
import { reporter } from "vfile-reporter";
import { statistics } from "vfile-statistics";
import type { ContentReport } from "./check-content.ts";

export function formatReport(report: ContentReport, options: { color?: boolean } = {}): string {
  const lines: string[] = [];
  const problems = report.files.flatMap((file) => file.messages);
  if (problems.length) {
    // verbose shows each message's note (how to fix) and the guide's section; no syntax-tree trace.
    lines.push(reporter(report.files, { quiet: true, verbose: true, traceLimit: 0, color: options.color ?? false }));
    lines.push("");
  }

  lines.push("Reading grade of each page (Flesch-Kincaid; lower is easier):");
  const width = Math.max(...report.grades.map((g) => g.file.length), 4);
  lines.push(`  ${"page".padEnd(width)}  grade  most allowed  words`);
  for (const { file, grade, ceiling, words } of report.grades) {
    const mark = grade > ceiling ? "  too hard" : "";
    lines.push(
      `  ${file.padEnd(width)}  ${grade.toFixed(1).padStart(5)}  ${String(ceiling).padStart(12)}  ${String(words).padStart(5)}${mark}`,
    );
  }
  lines.push("");

  const { fatal: errors, nonfatal: warnings } = statistics(problems);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    errors
      ? `${count(errors, "error")} and ${count(warnings, "warning")} in ${count(report.pageCount, "page")}. Fix the errors before the change goes live; content/README.md explains each check.`
      : `All ${count(report.pageCount, "page")} passed${warnings ? `, with ${count(warnings, "warning")} to look at` : ""}.`,
  );
  return lines.join("\n");
}
