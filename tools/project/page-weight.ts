/**
 * What one page costs a visitor: the HTML and everything it makes the browser fetch, each
 * compressed as a server would send it (gzip level 9, and brotli), what is render-blocking, and
 * how much JavaScript it carries. Shared by the budget tests and the benchmark.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";

/** The first TCP flight: 10 segments of 1,460 bytes. A page this size arrives in one round trip. */
export const TRANSFER_BUDGET = 14_600;
/** JavaScript, gzip: enough for the quick exit and nothing else. */
export const JAVASCRIPT_BUDGET = 2_048;

export interface Resource {
  /** The address as the page writes it, e.g. "/_astro/site.css"; "(page)" for the HTML. */
  url: string;
  kind: "html" | "stylesheet" | "script" | "image" | "font" | "other";
  raw: number;
  gzip: number;
  brotli: number;
  /** Whether the browser must fetch it before it can show the page. */
  renderBlocking: boolean;
}

export interface PageWeight {
  path: string;
  resources: Resource[];
  /** Everything added up. */
  total: { raw: number; gzip: number; brotli: number };
  /** All JavaScript, inline and fetched, compressed together as the budget counts it. */
  javaScript: { raw: number; gzip: number; scripts: number; quickExitOnly: boolean };
  /** Requests other than the HTML that hold up the first paint. */
  renderBlocking: string[];
  /** Addresses that are not this site's own. */
  otherOrigins: string[];
}

/** Reads a same-site file by its address; undefined when it does not exist. */
export type FetchBytes = (url: string) => Buffer | undefined;

/** Reads what a page asks for from a built site's folder, such as dist/. */
export function readFromBuild(dist: string): FetchBytes {
  return (url) => {
    const file = join(dist, decodeURI(new URL(url, "http://site.invalid/").pathname));
    return existsSync(file) ? readFileSync(file) : undefined;
  };
}

export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export function brotliSize(bytes: Buffer | string): number {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

function measure(url: string, kind: Resource["kind"], bytes: Buffer, renderBlocking: boolean): Resource {
  return { url, kind, raw: bytes.length, gzip: gzipSize(bytes), brotli: brotliSize(bytes), renderBlocking };
}

/** Every script this site is allowed: the quick exit's head guard and its module. */
function isQuickExitScript(text: string): boolean {
  return text.includes("quick-exit");
}

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;

/** The addresses a stylesheet loads: url(…) and @import. */
function cssUrls(css: string): { url: string; isImport: boolean }[] {
  return [...css.matchAll(CSS_URL)].map((match) => ({
    url: (match[2] ?? match[4] ?? "").trim(),
    isImport: match[4] !== undefined,
  }));
}

function kindOfUrl(url: string): Resource["kind"] {
  if (/\.css(\?|$)/.test(url)) return "stylesheet";
  if (/\.m?js(\?|$)/.test(url)) return "script";
  if (/\.(woff2?|ttf|otf)(\?|$)/.test(url)) return "font";
  if (/\.(png|jpe?g|gif|webp|avif|svg|ico)(\?|$)/.test(url)) return "image";
  return "other";
}

export function measurePage(path: string, html: Buffer | string, fetchBytes: FetchBytes): PageWeight {
  const htmlBytes = Buffer.isBuffer(html) ? html : Buffer.from(html);
  const { document } = parseHTML(htmlBytes.toString("utf8"));
  const resources: Resource[] = [measure("(page)", "html", htmlBytes, false)];
  const otherOrigins: string[] = [];
  const seen = new Set<string>();
  const inlineJavaScript: string[] = [];

  const load = (url: string, kind: Resource["kind"], renderBlocking: boolean) => {
    if (!url || url.startsWith("data:") || url.startsWith("#")) return;
    if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(url)) {
      otherOrigins.push(url);
      return;
    }
    if (seen.has(url)) return;
    seen.add(url);
    const bytes = fetchBytes(url) ?? Buffer.alloc(0);
    resources.push(measure(url, kind, bytes, renderBlocking));
    if (kind === "stylesheet") {
      for (const found of cssUrls(bytes.toString("utf8"))) load(found.url, kindOfUrl(found.url), found.isImport);
    }
  };

  for (const link of document.querySelectorAll("link[href]")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const href = link.getAttribute("href") ?? "";
    if (rel.includes("stylesheet")) {
      const media = link.getAttribute("media");
      load(href, "stylesheet", !link.hasAttribute("disabled") && (!media || media === "all" || media === "screen"));
    } else if (
      rel.some((r) => ["icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon"].includes(r))
    ) {
      load(href, kindOfUrl(href), false);
    }
  }
  for (const script of document.querySelectorAll("script")) {
    const src = script.getAttribute("src");
    if (src) {
      const inHead = script.closest("head") !== null;
      const deferred =
        script.hasAttribute("async") || script.hasAttribute("defer") || script.getAttribute("type") === "module";
      load(src, "script", inHead && !deferred);
    } else if (!/json|importmap/.test(script.getAttribute("type") ?? "")) {
      inlineJavaScript.push(script.textContent ?? "");
    }
  }
  for (const element of document.querySelectorAll("img[src], source[src], video[src], audio[src], video[poster]")) {
    load(element.getAttribute("src") ?? element.getAttribute("poster") ?? "", "image", false);
  }
  for (const element of document.querySelectorAll("img[srcset], source[srcset]")) {
    for (const candidate of (element.getAttribute("srcset") ?? "").split(",")) {
      load(candidate.trim().split(/\s+/)[0] ?? "", "image", false);
    }
  }
  for (const style of document.querySelectorAll("style")) {
    for (const found of cssUrls(style.textContent ?? "")) load(found.url, kindOfUrl(found.url), found.isImport);
  }

  const fetchedScripts = resources
    .filter((r) => r.kind === "script")
    .map((r) => fetchBytes(r.url)?.toString("utf8") ?? "");
  const allScripts = [...inlineJavaScript, ...fetchedScripts];
  const javaScriptText = allScripts.join("\n");
  const sum = (key: "raw" | "gzip" | "brotli") => resources.reduce((total, r) => total + r[key], 0);
  return {
    path,
    resources,
    total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") },
    javaScript: {
      raw: Buffer.byteLength(javaScriptText),
      gzip: javaScriptText ? gzipSize(javaScriptText) : 0,
      scripts: allScripts.length,
      quickExitOnly: allScripts.every(isQuickExitScript),
    },
    renderBlocking: resources.filter((r) => r.renderBlocking).map((r) => r.url),
    otherOrigins,
  };
}

/** Each budget the page breaks, in words that say what grew. */
export function budgetProblems(weight: PageWeight): string[] {
  const problems: string[] = [];
  if (weight.total.gzip > TRANSFER_BUDGET) {
    const largest = [...weight.resources].sort((a, b) => b.gzip - a.gzip)[0];
    problems.push(
      `${weight.path}: ${weight.total.gzip} bytes gzip in all, over the ${TRANSFER_BUDGET}-byte first-flight budget by ${weight.total.gzip - TRANSFER_BUDGET}; the largest part is ${largest?.url} at ${largest?.gzip} bytes.`,
    );
  }
  if (weight.renderBlocking.length) {
    problems.push(`${weight.path}: render-blocking requests besides the HTML: ${weight.renderBlocking.join(", ")}.`);
  }
  if (weight.javaScript.gzip > JAVASCRIPT_BUDGET) {
    problems.push(
      `${weight.path}: ${weight.javaScript.gzip} bytes of JavaScript gzip, over the ${JAVASCRIPT_BUDGET}-byte budget by ${weight.javaScript.gzip - JAVASCRIPT_BUDGET}.`,
    );
  }
  if (!weight.javaScript.quickExitOnly) {
    problems.push(
      `${weight.path}: JavaScript other than the quick exit's (${weight.javaScript.scripts} scripts in all).`,
    );
  }
  if (weight.otherOrigins.length) {
    problems.push(`${weight.path}: loads from other sites: ${weight.otherOrigins.join(", ")}.`);
  }
  return problems;
}

/** A table a person can read in a test log, one row per page, so a regression shows what grew. */
export function formatWeights(weights: PageWeight[]): string {
  const header = [
    "page",
    "requests",
    "html gzip",
    "css+other gzip",
    "js gzip",
    "total gzip",
    "total brotli",
    "budget left",
  ];
  const rows = weights.map((w) => {
    const html = w.resources[0]?.gzip ?? 0;
    return [
      w.path,
      String(w.resources.length),
      String(html),
      String(w.total.gzip - html),
      String(w.javaScript.gzip),
      String(w.total.gzip),
      String(w.total.brotli),
      String(TRANSFER_BUDGET - w.total.gzip),
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
