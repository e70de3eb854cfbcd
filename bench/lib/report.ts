/** The benchmark's Markdown summary and its bar chart, an SVG drawn here with no library. */
import type { PageWeight } from "../../tools/project/page-weight.ts";
import { TRANSFER_BUDGET } from "../../tools/project/page-weight.ts";
import type { BenchResults } from "./results.ts";
import { functionsSection } from "./functions-report.ts";
import { formatSpread } from "./stats.ts";

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Horizontal bars: each page's gzip transfer, the GOV.UK Frontend reference, and the budget line. */
export function barChart(weights: PageWeight[], reference: { label: string; gzip: number }): string {
  const bars = [...weights.map((w) => ({ label: w.path, gzip: w.total.gzip })), reference];
  const scale = Math.max(TRANSFER_BUDGET, ...bars.map((b) => b.gzip)) * 1.05;
  const left = 230;
  const width = 760;
  const barArea = width - left - 80;
  const row = 22;
  const height = 50 + bars.length * row + 30;
  const x = (bytes: number) => left + (bytes / scale) * barArea;
  const rows = bars.map((bar, i) => {
    const y = 40 + i * row;
    const isReference = bar === reference;
    return [
      `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${left}" y="${y + 3}" width="${(x(bar.gzip) - left).toFixed(1)}" height="${row - 8}" fill="${isReference ? "#b1b4b6" : "#29235c"}"/>`,
      `<text x="${(x(bar.gzip) + 6).toFixed(1)}" y="${y + 14}">${bar.gzip.toLocaleString("en-GB")}</text>`,
    ].join("");
  });
  const budgetX = x(TRANSFER_BUDGET).toFixed(1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-labelledby="t">`,
    `<title id="t">Bytes each page transfers, gzip level 9, against the ${TRANSFER_BUDGET.toLocaleString("en-GB")}-byte first-flight budget</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="22" font-weight="700">Whole transfer per page, gzip -9 (bytes)</text>`,
    ...rows,
    `<line x1="${budgetX}" y1="34" x2="${budgetX}" y2="${height - 24}" stroke="#a4111d" stroke-width="2" stroke-dasharray="4 3"/>`,
    `<text x="${budgetX}" y="${height - 8}" text-anchor="middle" fill="#a4111d">budget ${TRANSFER_BUDGET.toLocaleString("en-GB")}</text>`,
    `</svg>`,
  ].join("\n");
}

export function markdownSummary(results: BenchResults): string {
  const lines: string[] = [];
  lines.push(`# Performance benchmark`, "");
  lines.push(
    `Run ${results.date} on ${results.machine}, against the production build served by \`npm run preview\`, in ${results.browser}. Medians, with the range over all runs in brackets.`,
    "",
  );
  lines.push(`![Bytes per page against the budget](latest.svg)`, "");

  lines.push(`## Page weight (every page; bytes)`, "");
  lines.push(`| page | requests | HTML gzip | JS gzip | total gzip -9 | total brotli | budget left |`);
  lines.push(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const w of results.pages) {
    lines.push(
      `| \`${w.path}\` | ${w.resources.length} | ${w.resources[0]?.gzip ?? 0} | ${w.javaScript.gzip} | ${w.total.gzip} | ${w.total.brotli} | ${TRANSFER_BUDGET - w.total.gzip} |`,
    );
  }
  const ref = results.reference;
  lines.push("");
  lines.push(
    `Reference: GOV.UK Frontend ${ref.version}'s own compiled files, which a GOV.UK-style page loads besides its HTML: CSS ${ref.css.gzip} bytes gzip (${ref.css.brotli} brotli), JavaScript ${ref.js.gzip} bytes gzip (${ref.js.brotli} brotli), ${ref.css.gzip + ref.js.gzip} bytes gzip together. That is **${ref.ratioToLargestPage}×** our largest whole page (${ref.largestPage}, ${ref.largestPageGzip} bytes, HTML, CSS and JavaScript together) and **${ref.ratioJs}×** our JavaScript (${results.pages[0]?.javaScript.gzip} bytes).`,
    "",
  );

  lines.push(`## Lighthouse (mobile, ${results.lighthouse[0]?.scores.performance.runs ?? 0} runs per page)`, "");
  lines.push(`| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS |`);
  lines.push(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const lh of results.lighthouse) {
    const m = lh.metrics;
    lines.push(
      `| \`${new URL(lh.url).pathname}\` | ${formatSpread(lh.scores.performance)} | ${formatSpread(lh.scores.accessibility)} | ${formatSpread(lh.scores["best-practices"])} | ${formatSpread(lh.scores.seo)} | ${formatSpread(m["first-contentful-paint"]!)} | ${formatSpread(m["largest-contentful-paint"]!)} | ${formatSpread(m["total-blocking-time"]!)} | ${formatSpread(m["cumulative-layout-shift"]!)} |`,
    );
  }
  const failing = [...new Set(results.lighthouse.flatMap((lh) => lh.failedAudits))];
  lines.push(
    "",
    failing.length ? `Audits that lost points (in any run): ${failing.join(", ")}.` : "No audit lost points.",
  );
  const robots = results.robotsTxt;
  lines.push(
    "",
    `Skipped: ${robots.skippedAudits.join(", ")}. Lighthouse fetches robots.txt under the page's own Content-Security-Policy, which allows no connections (\`connect-src 'none'\`), so that audit fails whatever the file says. Fetched as a crawler fetches it, robots.txt answered ${robots.status} and ${robots.allowsAll ? "lets every crawler in" : "does NOT let every crawler in"}.`,
    "",
  );

  lines.push(`## Quick exit (${results.quickExit[0]?.hiddenMs.runs ?? 0} runs each, ms from the event)`, "");
  lines.push(`| trigger | page hidden | navigation started | every run left |`);
  lines.push(`| --- | ---: | ---: | --- |`);
  for (const q of results.quickExit) {
    lines.push(
      `| ${q.trigger} | ${formatSpread(q.hiddenMs)} | ${formatSpread(q.navigatingMs)} | ${q.allLeft ? "yes" : "NO"} |`,
    );
  }
  lines.push("");

  lines.push(`## Enquiry function (warm, in-process; local Blobs store and fake mail API on loopback)`, "");
  lines.push(`| enquiries | requests | concurrency | requests/s | p50 ms | p99 ms | all as expected |`);
  lines.push(`| --- | ---: | ---: | ---: | ---: | ---: | --- |`);
  for (const f of results.enquiryFunction) {
    lines.push(
      `| ${f.kind} | ${f.requests} | ${f.concurrency} | ${f.requestsPerSecond} | ${f.p50} | ${f.p99} | ${f.passed ? "yes" : "NO"} |`,
    );
  }
  lines.push("", ...functionsSection(results.functions));
  return lines.join("\n");
}
