/**
 * The enquiry pages' templates (src/lib/enquiry/page-template*.ts) give the bytes linkedom
 * gave when the function parsed each built page per request: for every built page written out
 * unfilled, and for the form, sent and received pages filled with any answers, errors and
 * failures (tests/support/linkedom-pages.ts is the old code, kept as the reference). And the
 * build's templates file is what the builder makes of the pages in dist/ now.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENQUIRY_PAGES, FILLED_PAGES } from "../../src/lib/enquiry/enquiry-pages.ts";
import { fillConfirmationPage, fillFormPage } from "../../src/lib/enquiry/pages.ts";
import { writePage } from "../../src/lib/enquiry/page-template.ts";
import { buildPageTemplate } from "../../src/lib/enquiry/page-template-builder.ts";
import { ENQUIRY_FIELDS, MESSAGES, parseEnquiry, type EnquiryField } from "../../src/lib/enquiry/schema.ts";
import { buildEnquiryTemplates, ENQUIRY_TEMPLATES_FILE } from "../../src/lib/enquiry/templates-build.ts";
import { builtFile, builtPagePaths } from "../../tools/project/site-pages.ts";
import { builtTemplates } from "../support/built-enquiry-pages.ts";
import { FIELD_VALUES, freeText } from "../support/enquiry-fuzz-samples.ts";
import { linkedomFillConfirmationPage, linkedomFillFormPage, linkedomWrites } from "../support/linkedom-pages.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const built = (path: string) => readFileSync(builtFile(path), "utf8");
const templates = builtTemplates();
const RUNS = 300;

describe("a built page made a template and written out unfilled", () => {
  it.each(builtPagePaths())("%s: is what linkedom wrote", (path) => {
    const html = built(path);
    expect(writePage(buildPageTemplate(html))).toBe(linkedomWrites(html));
  });
});

describe("the build's templates file", () => {
  it("holds a template of every page the function answers with, made from the pages built now", () => {
    expect(Object.keys(templates).sort()).toEqual([...ENQUIRY_PAGES].sort());
    expect(templates).toEqual(buildEnquiryTemplates(built));
  });

  it("keeps the problem pages exactly as built, which the function serves unfilled", () => {
    for (const path of ENQUIRY_PAGES.filter((page) => !FILLED_PAGES.includes(page))) {
      expect(writePage(templates[path])).toBe(built(path));
    }
  });

  it("is the file the enquiry function names, in the form Netlify's bundler traces", () => {
    const source = readFileSync(join(ROOT, "netlify", "functions", "enquiry.mts"), "utf8");
    expect(source).toContain(`new URL("../../${ENQUIRY_TEMPLATES_FILE}", import.meta.url)`);
  });
});

const fieldNames = fc.constantFrom(...ENQUIRY_FIELDS);
const messages = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...Object.values(MESSAGES)) },
  { weight: 1, arbitrary: freeText },
);
const answers = fc.record(FIELD_VALUES, { requiredKeys: [] });
/** Errors as the schema gives them, or any fields in any order, some twice. */
const errorsFor = (given: Partial<Record<EnquiryField, string>>) =>
  fc.oneof(
    fc.constant(parseEnquiry(given)).map((result) => (result.ok ? [] : result.errors)),
    fc.array(fc.record({ field: fieldNames, message: messages }), { maxLength: 6 }),
  );
const formStates = answers.chain((given) =>
  fc.record({ answers: fc.constant(given), errors: errorsFor(given), sendFailed: fc.boolean() }),
);

describe("the form page filled in", () => {
  const html = built("/enquire/");
  const template = templates["/enquire/"];

  it("gives linkedom's bytes for any answers, errors and failed send", () => {
    fc.assert(
      fc.property(formStates, (state) => {
        expect(fillFormPage(template, state)).toBe(linkedomFillFormPage(html, state));
      }),
      { numRuns: RUNS },
    );
  });

  it("gives linkedom's bytes with every answer at once, every error and the banner", () => {
    const everything = Object.fromEntries(ENQUIRY_FIELDS.map((field) => [field, `${field} & <b>"it"</b>\u00a0`]));
    const errors = ENQUIRY_FIELDS.map((field) => ({ field, message: `${MESSAGES.emailInvalid} & <more>` }));
    const state = { answers: everything, errors, sendFailed: true };
    expect(fillFormPage(template, state)).toBe(linkedomFillFormPage(html, state));
  });
});

describe.each(["/enquire/sent/", "/enquire/received/"] as const)("the %s page filled in", (path) => {
  it("gives linkedom's bytes for any reference", () => {
    const html = built(path);
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^RJ-[0-9A-Z]{4}-[0-9A-Z]{4}$/), freeText), (reference) => {
        expect(fillConfirmationPage(templates[path], reference)).toBe(linkedomFillConfirmationPage(html, reference));
      }),
      { numRuns: 100 },
    );
  });
});
