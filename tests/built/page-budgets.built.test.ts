/**
 * Byte budgets for every page in dist/, so that a page arrives in the first round trip on a
 * slow phone connection: at most 14,600 bytes gzip for the HTML and all it loads, no request
 * that blocks the first paint, at most 2 KB gzip of JavaScript and only the quick exit's. Also
 * the enquiry function's bundle as Netlify builds it. Prints a table of what each page weighs.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildFunctionBundle, FUNCTION_ZIP_BUDGET } from "../../tools/netlify/function-bundle.ts";
import {
  budgetProblems,
  formatWeights,
  measurePage,
  readFromBuild,
  TRANSFER_BUDGET,
  type PageWeight,
} from "../../tools/project/page-weight.ts";
import { builtFile, builtPagePaths, DIST } from "../../tools/project/site-pages.ts";
import { ENQUIRY_TEMPLATES_FILE } from "../../src/lib/enquiry/templates-build.ts";

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

describe("the enquiry function's bundle", () => {
  it("is built as Netlify builds it and stays under its ceiling", async () => {
    const bundle = await buildFunctionBundle(ROOT);
    const largest = bundle.byPackage
      .slice(0, 5)
      .map((p) => `${p.name} ${p.bytes}`)
      .join(", ");
    console.log(
      `Enquiry function (${bundle.bundler}): ${bundle.zipBytes} bytes zipped, ${bundle.unzippedBytes} unzipped in ${bundle.files} files; largest: ${largest}.`,
    );
    const packages = bundle.byPackage.map((p) => p.name);
    expect(packages).toEqual(expect.arrayContaining(["(project)", "zod", "resend"]));
    // The pages are filled from templates the build made: no HTML parser travels with it.
    for (const parser of ["linkedom", "htmlparser2", "parse5", "jsdom", "happy-dom", "cheerio"]) {
      expect(packages).not.toContain(parser);
    }
    expect(bundle.zipBytes).toBeLessThanOrEqual(FUNCTION_ZIP_BUDGET);
    // Only the local outbox loads it, and netlify.toml leaves it out of every zip.
    expect(packages).not.toContain("nodemailer");
    // The templates of the pages it answers with travel with it: it never fetches them from the site.
    expect(bundle.projectFiles).toContain(ENQUIRY_TEMPLATES_FILE);
  }, 60_000);

  it.each(["deliver-enquiries", "mail-events", "enquiry-status"])(
    "%s: built as Netlify builds it, under the same ceiling, without the outbox's nodemailer",
    async (name) => {
      const bundle = await buildFunctionBundle(ROOT, name);
      console.log(`${name} (${bundle.mainFile}): ${bundle.zipBytes} bytes zipped in ${bundle.files} files.`);
      expect(bundle.zipBytes).toBeLessThanOrEqual(FUNCTION_ZIP_BUDGET);
      expect(bundle.byPackage.map((p) => p.name)).not.toContain("nodemailer");
    },
    60_000,
  );
});
