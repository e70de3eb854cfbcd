/**
 * Byte budgets for every page in dist/, so that a page arrives in the first round trip on a
 * slow phone connection: at most 14,600 bytes gzip for the HTML and all it loads, no request
 * that blocks the first paint, at most 2 KB gzip of JavaScript and only the quick exit's. Also
 * every function's zip as Netlify builds it. Prints a table of what each page weighs.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildFunctionBundle,
  FUNCTION_ZIP_BUDGET,
  NETLIFY_FILES,
  PROJECT_FILES,
} from "../../tools/netlify/function-bundle.ts";
import {
  budgetProblems,
  formatWeights,
  measurePage,
  readFromBuild,
  TRANSFER_BUDGET,
  type PageWeight,
} from "../../tools/project/page-weight.ts";
import { builtFile, builtPagePaths, DIST } from "../../tools/project/site-pages.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const fromDist = readFromBuild(DIST);

const weights: PageWeight[] = [];
afterAll(() => {
  if (weights.length) console.log(`What each built page weighs, in bytes:\n${formatWeights(weights)}`);
});

describe.each(builtPagePaths())("%s", (path) => {
  it("fits the first flight, blocks on nothing and carries only the quick exit's JavaScript", () => {
    const weight = measurePage(path, readFileSync(builtFile(path)), fromDist);
    weights.push(weight);
    expect(budgetProblems(weight)).toEqual([]);
    expect(weight.javaScript.scripts).toBe(2); // The head guard and the quick exit module.
  });
});

describe("the budget check", () => {
  const home = readFileSync(builtFile("/"), "utf8");
  const inflate = (html: string) => measurePage("/", html, fromDist);

  it("fails a page that grows past the first flight, naming the page and what grew", () => {
    // Random text does not compress, so 20 KB of it stays about 20 KB.
    const bloated = home.replace("</main>", `<p>${randomBytes(15_000).toString("base64")}</p></main>`);
    const weight = inflate(bloated);
    expect(weight.total.gzip).toBeGreaterThan(TRANSFER_BUDGET);
    expect(budgetProblems(weight)).toEqual([
      expect.stringMatching(
        /^\/: \d+ bytes gzip in all, over the 14600-byte first-flight budget by \d+; the largest part is \(page\) at \d+ bytes\.$/,
      ),
    ]);
  });

  it("counts what a page loads: a stylesheet, its fonts and its images", () => {
    const css = Buffer.from(`@font-face{src:url(/fonts/a.woff2)}body{background:url("/images/b.png")}`);
    const files: Record<string, Buffer> = {
      "/extra.css": css,
      "/fonts/a.woff2": randomBytes(9_000),
      "/images/b.png": randomBytes(4_000),
    };
    const html = home.replace("</head>", '<link rel="stylesheet" href="/extra.css"></head>');
    const weight = measurePage("/", html, (url) => files[url]);
    expect(weight.resources.map((r) => [r.url, r.kind])).toEqual([
      ["(page)", "html"],
      ["/extra.css", "stylesheet"],
      ["/fonts/a.woff2", "font"],
      ["/images/b.png", "image"],
    ]);
    expect(weight.renderBlocking).toEqual(["/extra.css"]);
    expect(budgetProblems(weight)).toEqual([
      expect.stringContaining("over the 14600-byte first-flight budget"),
      "/: render-blocking requests besides the HTML: /extra.css.",
    ]);
  });

  it("fails JavaScript other than the quick exit's, too much of it, and requests to other sites", () => {
    const analytics = home.replace("</body>", '<script>navigator.sendBeacon("/collect")</script></body>');
    expect(budgetProblems(inflate(analytics))).toEqual([
      "/: JavaScript other than the quick exit's (3 scripts in all).",
    ]);
    const heavy = home.replace(
      "</body>",
      `<script>/* quick-exit */"${randomBytes(2_000).toString("hex")}"</script></body>`,
    );
    expect(budgetProblems(inflate(heavy))).toEqual([
      expect.stringMatching(/^\/: \d+ bytes of JavaScript gzip, over the 2048-byte budget by \d+\.$/),
    ]);
    const tracked = home.replace("</main>", '<img src="https://tracker.example/p.gif" alt=""></main>');
    expect(budgetProblems(inflate(tracked))).toEqual(["/: loads from other sites: https://tracker.example/p.gif."]);
  });
});

describe("the functions' zips", () => {
  it("enquiry: built as Netlify builds it, one file of ours beside Netlify's own, under the ceiling", async () => {
    const bundle = await buildFunctionBundle(ROOT);
    console.log(
      `Enquiry function (${bundle.bundler}): ${bundle.zipBytes} bytes zipped, ${bundle.unzippedBytes} unzipped in ${bundle.files} files: ${bundle.byPackage.map((p) => `${p.name} ${p.bytes}`).join(", ")}.`,
    );
    // Bundled by the build: zod, resend and @netlify/blobs are inside the one file; no HTML
    // parser and no nodemailer anywhere, and the pages' templates inside it too.
    expect(bundle.byPackage.map((p) => p.name).sort()).toEqual([NETLIFY_FILES, PROJECT_FILES]);
    expect(bundle.projectFiles).toEqual([bundle.entryModule]);
    expect(bundle.zipBytes).toBeLessThanOrEqual(FUNCTION_ZIP_BUDGET);
  }, 60_000);

  it.each(["deliver-enquiries", "mail-events", "enquiry-status"])(
    "%s: built as Netlify builds it, one file of ours beside Netlify's own, under the same ceiling",
    async (name) => {
      const bundle = await buildFunctionBundle(ROOT, name);
      console.log(`${name} (${bundle.mainFile}): ${bundle.zipBytes} bytes zipped in ${bundle.files} files.`);
      expect(bundle.byPackage.map((p) => p.name).sort()).toEqual([NETLIFY_FILES, PROJECT_FILES]);
      expect(bundle.projectFiles).toEqual([bundle.entryModule]);
      expect(bundle.zipBytes).toBeLessThanOrEqual(FUNCTION_ZIP_BUDGET);
    },
    60_000,
  );
});
