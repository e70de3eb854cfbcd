/**
 * The report editors read: each problem as file:line:column (editors and the Git host jump
 * straight there), what is wrong, and how to fix it; then every page's reading grade.
 */
import type { ContentReport } from "./check-content.ts";

export function formatReport(report: ContentReport): string {
  const lines: string[] = [];
  for (const problem of report.problems) {
    const label = problem.severity === "error" ? "ERROR" : "Warning";
    lines.push(`${problem.file}:${problem.line}:${problem.column}  ${label} (${problem.rule})`);
    lines.push(`    ${problem.message}`);
    lines.push(`    How to fix: ${problem.fix}`);
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

  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    errors
      ? `${count(errors, "error")} and ${count(warnings, "warning")} in ${count(report.pageCount, "page")}. Fix the errors before the change goes live; content/README.md explains each check.`
      : `All ${count(report.pageCount, "page")} passed${warnings ? `, with ${count(warnings, "warning")} to look at` : ""}.`,
  );
  return lines.join("\n");
}
