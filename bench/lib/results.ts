/** The shape of bench/results/*.json. */
import type { PageWeight } from "../../tools/project/page-weight.ts";
import type { FunctionsMeasured } from "./function-cold-start.ts";
import type { LighthouseResult } from "./lighthouse-runs.ts";
import type { QuickExitTiming } from "./quick-exit-timing.ts";

export interface Compressed {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BenchResults {
  date: string;
  machine: string;
  browser: string;
  pages: PageWeight[];
  reference: {
    version: string;
    css: Compressed;
    js: Compressed;
    largestPage: string;
    largestPageGzip: number;
    ratioToLargestPage: number;
    ratioJs: number;
  };
  lighthouse: LighthouseResult[];
  quickExit: QuickExitTiming[];
  enquiryFunction: {
    kind: "valid" | "invalid";
    requests: number;
    concurrency: number;
    requestsPerSecond: number;
    p50: number;
    p99: number;
    passed: boolean;
  }[];
  /** Every function as Netlify ships it: its zip and its cold start. */
  functions: FunctionsMeasured;
  robotsTxt: { status: number; allowsAll: boolean; skippedAudits: string[] };
}
