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
 * benchmark (`npm run bench:functions`, 10 runs) from a worktree with its own build, while
 * the machine was busy: a bare `node -e 1` took about 200 ms then, against 30–50 ms when quiet.
 */
export const BEFORE_BUNDLING: {
  commit: string;
  measured: string;
  bareNodeMs: Spread;
  functions: Record<string, EarlierFunction>;
} = {
  commit: "c6d3691",
  measured: "2026-12-06",
  bareNodeMs: { runs: 10, median: 196.2, min: 115.8, max: 325.9, p99: 325.9 },
  functions: {
    enquiry: {
      zipBytes: 1_704_633,
      files: 636,
      coldStartMs: { runs: 10, median: 807.6, min: 574, max: 1114.9, p99: 1114.9 },
      importMs: { runs: 10, median: 539.6, min: 348.9, max: 777.2, p99: 777.2 },
      firstAnswerMs: { runs: 10, median: 224.1, min: 171, max: 346.3, p99: 346.3 },
    },
    "deliver-enquiries": {
      zipBytes: 498_218,
      files: 47,
      coldStartMs: { runs: 10, median: 277.7, min: 190.3, max: 513, p99: 513 },
      importMs: { runs: 10, median: 51.4, min: 44.8, max: 109.5, p99: 109.5 },
      firstAnswerMs: { runs: 10, median: 216.3, min: 144.4, max: 415.2, p99: 415.2 },
    },
    "enquiry-status": {
      zipBytes: 492_625,
      files: 47,
      coldStartMs: { runs: 10, median: 249.7, min: 172.5, max: 371.5, p99: 371.5 },
      importMs: { runs: 10, median: 61.5, min: 44.5, max: 138, p99: 138 },
      firstAnswerMs: { runs: 10, median: 189.5, min: 99.8, max: 292.9, p99: 292.9 },
    },
    "mail-events": {
      zipBytes: 498_289,
      files: 47,
      coldStartMs: { runs: 10, median: 184.3, min: 149.5, max: 319.6, p99: 319.6 },
      importMs: { runs: 10, median: 50.1, min: 46.2, max: 91.3, p99: 91.3 },
      firstAnswerMs: { runs: 10, median: 133.9, min: 78.9, max: 250.7, p99: 250.7 },
    },
  } satisfies Record<string, EarlierFunction>,
};

const bytes = (n: number) => n.toLocaleString("en-GB");

export function functionsSection(measured: FunctionsMeasured, heading = "##"): string[] {
  const lines: string[] = [];
  lines.push(
    `${heading} Functions as Netlify ships them: size and cold start`,
    "",
    `Each function zipped as Netlify's build zips it (@netlify/zip-it-and-ship-it, with the settings the build passes), unzipped, then imported by a fresh Node ${measured.node} process that answers one first request: ${measured.runs} runs, medians in ms with the range in brackets, timed inside the process. Beside them, from the same runs, a bare \`node -e 1\` from spawn to exit: **${formatSpread(measured.bareNodeMs)}** ms. The whole process of a cold start is timed the same way, so the two can be compared.`,
    "",
    `| function | zip, bytes | files | **cold start: import and first answer** | import | first answer | whole process | answered |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
  );
  for (const { bundle, coldStart } of measured.functions) {
    lines.push(
      `| \`${bundle.name}\` | ${bytes(bundle.zipBytes)} | ${bundle.files} | **${formatSpread(coldStart.coldStartMs)}** | ${formatSpread(coldStart.importMs)} | ${formatSpread(coldStart.firstAnswerMs)} | ${formatSpread(coldStart.processMs)} | ${coldStart.answered ? "yes" : `NO (${coldStart.statuses.join(", ")})`} |`,
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
