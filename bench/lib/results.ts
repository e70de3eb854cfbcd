/** The shape of bench/results/*.json. */
import type { FunctionBundle } from "../../tools/netlify/function-bundle.ts";
import type { PageWeight } from "../../tools/project/page-weight.ts";
import type { ColdStart } from "./function-cold-start.ts";
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
  functionBundle: FunctionBundle & { ceiling: number };
  /** The scheduled delivery function, zipped the same way. */
  deliveryFunctionBundle: FunctionBundle;
  coldStart: ColdStart;
  robotsTxt: { status: number; allowsAll: boolean; skippedAudits: string[] };
}
