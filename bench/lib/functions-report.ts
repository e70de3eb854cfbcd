/**
 * The functions' part of the benchmarks' reports: each function's zip and cold start, now and
 * before the functions were bundled, beside a bare `node -e 1` from the same runs.
 */
import { FUNCTION_ZIP_BUDGET } from "../../tools/netlify/function-bundle.ts";
import type { FunctionsMeasured } from "./function-cold-start.ts";
import { formatSpread, type Spread } from "./stats.ts";

/** The aim for the enquiry function: import and first answer in a fresh process. */
export const COLD_START_AIM_MS = 100;

/** The figures one function had at an earlier commit, measured the same way. */
export interface EarlierFunction {
  zipBytes: number;
  files: number;
  coldStartMs: Spread;
  importMs: Spread;
  firstAnswerMs: Spread;
}

/**
 * Before the functions were bundled: commit c6d3691 (linkedom filling pages, each function
 * traced file by file), measured on the same machine (2 cores, Node 24.21.0) with this
 * benchmark's measure (measureFunctions, 10 runs) on a copy of that commit with its own build,
 * in the same quiet session as the figures after (docs/performance.md).
 */
export const BEFORE_BUNDLING: {
  commit: string;
  measured: string;
  bareNodeMs: Spread;
  functions: Record<string, EarlierFunction>;
} = {
  commit: "c6d3691",
  measured: "2026-12-07",
  bareNodeMs: { runs: 10, median: 87.3, min: 81.7, max: 113.9, p99: 113.9 },
  functions: {
    enquiry: {
      zipBytes: 1_704_633,
      files: 636,
      coldStartMs: { runs: 10, median: 338.1, min: 314.8, max: 485.9, p99: 485.9 },
      importMs: { runs: 10, median: 232.2, min: 218.9, max: 354.7, p99: 354.7 },
      firstAnswerMs: { runs: 10, median: 109.6, min: 91.7, max: 131.2, p99: 131.2 },
    },
    "deliver-enquiries": {
      zipBytes: 498_217,
      files: 47,
      coldStartMs: { runs: 10, median: 104.1, min: 87.1, max: 135.6, p99: 135.6 },
      importMs: { runs: 10, median: 26.7, min: 24.4, max: 38.7, p99: 38.7 },
      firstAnswerMs: { runs: 10, median: 77, min: 61.2, max: 96.9, p99: 96.9 },
    },
    "enquiry-status": {
      zipBytes: 492_624,
      files: 47,
      coldStartMs: { runs: 10, median: 62.8, min: 56.9, max: 82.8, p99: 82.8 },
      importMs: { runs: 10, median: 26.6, min: 24.6, max: 37.2, p99: 37.2 },
      firstAnswerMs: { runs: 10, median: 35.8, min: 31.6, max: 45.6, p99: 45.6 },
    },
    "mail-events": {
      zipBytes: 498_288,
      files: 47,
      coldStartMs: { runs: 10, median: 69.1, min: 53.8, max: 81.3, p99: 81.3 },
      importMs: { runs: 10, median: 30.5, min: 24.7, max: 37.8, p99: 37.8 },
      firstAnswerMs: { runs: 10, median: 37.1, min: 29.1, max: 49.7, p99: 49.7 },
    },
  },
};

const bytes = (n: number) => n.toLocaleString("en-GB");

export function functionsSection(measured: FunctionsMeasured, heading = "##"): string[] {
  const lines: string[] = [];
  lines.push(
    `${heading} Functions as Netlify ships them: size and cold start`,
    "",
    `Each function zipped as Netlify's build zips it (@netlify/zip-it-and-ship-it, with the settings the build passes) and unzipped. A fresh Node ${measured.node} process loads Netlify's bootstrap from it, as Netlify's entry point does first (not counted), then imports the function and answers one first request: ${measured.runs} runs, medians in ms with the range in brackets, timed inside the process. Beside them, from the same runs, a bare \`node -e 1\` from spawn to exit: **${formatSpread(measured.bareNodeMs)}** ms. The whole process of a cold start is timed the same way, so the two can be compared.`,
    "",
    `| function | zip, bytes | files | **cold start: import and first answer** | import | first answer | Netlify's bootstrap, not counted | whole process | answered |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
  );
  for (const { bundle, coldStart } of measured.functions) {
    lines.push(
      `| \`${bundle.name}\` | ${bytes(bundle.zipBytes)} | ${bundle.files} | **${formatSpread(coldStart.coldStartMs)}** | ${formatSpread(coldStart.importMs)} | ${formatSpread(coldStart.firstAnswerMs)} | ${formatSpread(coldStart.bootstrapMs)} | ${formatSpread(coldStart.processMs)} | ${coldStart.answered ? "yes" : `NO (${coldStart.statuses.join(", ")})`} |`,
    );
  }
  lines.push(
    "",
    `Aim: the enquiry function's cold start within ${COLD_START_AIM_MS} ms; ceiling: each zip within ${bytes(FUNCTION_ZIP_BUDGET)} bytes. First requests: ${measured.functions.map(({ coldStart }) => `\`${coldStart.name}\`, ${coldStart.request}`).join("; ")}.`,
    "",
  );

  const before = BEFORE_BUNDLING;
  const compared = measured.functions.filter(({ bundle }) => before.functions[bundle.name]);
  if (compared.length) {
    lines.push(
      `${heading}# Before and after bundling (before: ${before.commit}, measured ${before.measured})`,
      "",
      `| function | zip bytes, before → now | files, before → now | cold start, before → now | bare \`node -e 1\`, before → now |`,
      `| --- | ---: | ---: | ---: | ---: |`,
    );
    for (const { bundle, coldStart } of compared) {
      const then = before.functions[bundle.name]!;
      lines.push(
        `| \`${bundle.name}\` | ${bytes(then.zipBytes)} → ${bytes(bundle.zipBytes)} | ${then.files} → ${bundle.files} | ${formatSpread(then.coldStartMs)} → **${formatSpread(coldStart.coldStartMs)}** | ${formatSpread(before.bareNodeMs)} → ${formatSpread(measured.bareNodeMs)} |`,
      );
    }
    lines.push("");
  }

  lines.push(`${heading}# What is in each zip (unzipped bytes by package, largest first)`, "");
  for (const { bundle } of measured.functions) {
    lines.push(
      `- \`${bundle.name}\` (${bundle.bundler}, ${bytes(bundle.unzippedBytes)} bytes unzipped): ${bundle.byPackage
        .slice(0, 6)
        .map((p) => `${p.name} ${bytes(p.bytes)} in ${p.files}`)
        .join(", ")}${bundle.byPackage.length > 6 ? `, and ${bundle.byPackage.length - 6} more` : ""}.`,
    );
  }
  lines.push("");
  return lines;
}

/** What misses its target: a zip over the ceiling, a first request not answered as meant. */
export function functionProblems(measured: FunctionsMeasured): string[] {
  const problems: string[] = [];
  for (const { bundle, coldStart } of measured.functions) {
    if (bundle.zipBytes > FUNCTION_ZIP_BUDGET)
      problems.push(`${bundle.name} is ${bytes(bundle.zipBytes)} bytes zipped, over ${bytes(FUNCTION_ZIP_BUDGET)}`);
    if (!coldStart.answered) problems.push(`${bundle.name} answered ${coldStart.statuses.join(", ")}`);
  }
  return problems;
}

/** The enquiry function's cold start against its aim, in a line. */
export function coldStartVerdict(measured: FunctionsMeasured): string | undefined {
  const enquiry = measured.functions.find(({ bundle }) => bundle.name === "enquiry")?.coldStart;
  if (!enquiry) return undefined;
  const within = enquiry.coldStartMs.median <= COLD_START_AIM_MS;
  return `Enquiry function cold start ${enquiry.coldStartMs.median} ms (bare node ${measured.bareNodeMs.median} ms): ${within ? "within" : "OVER"} the ${COLD_START_AIM_MS} ms aim.`;
}
