/**
 * The enquiry function's responses, recorded, so a change to how its pages are made cannot
 * change a single byte unnoticed. The same requests must give the same responses: status,
 * every header, and the body, byte for byte. It was written to land before linkedom gives way
 * to templates made at build time: that change must leave every response as it was.
 *
 * The requests (tests/support/enquiry-corpus-cases.ts) are every state of the form, every page
 * after it and every refusal the handler makes, by name, and the fuzz generators' samples at a
 * fixed seed. They go through the real handler (handleEnquiry) with the seams the other handler
 * tests use: the built pages from dist/, a store and mailer in memory, a fixed clock. The
 * answers are kept in enquiry-responses.corpus/ beside this file (enquiry-corpus-file.ts says
 * what is in it, and why whole pages for the named states and hashes for the fuzz cases).
 *
 * The corpus is made from the built pages, so it needs `npm run build` first, and any change
 * to what the /enquire/ pages show (their content, the layout, the CSS, the build) changes it.
 * When a change is meant, read the differences this test reports, then record again and
 * commit the new corpus with the change:
 *
 *   UPDATE_ENQUIRY_CORPUS=1 npx vitest run tests/integration/enquiry-responses.integration.test.ts
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FORM_PAGE, type EnquiryPage } from "../../src/lib/enquiry/handler.ts";
import { buildPageTemplate } from "../../src/lib/enquiry/page-template-builder.ts";
import { writePage } from "../../src/lib/enquiry/page-template.ts";
import { MESSAGES } from "../../src/lib/enquiry/schema.ts";
import { loadBuiltPage } from "../support/built-enquiry-pages.ts";
import { corpusCases } from "../support/enquiry-corpus-cases.ts";
import { compareResponses, describeDifferences, RECORD_COMMAND } from "../support/enquiry-corpus-compare.ts";
import { readCorpus, writeCorpus } from "../support/enquiry-corpus-file.ts";
import { replayCorpus, type RecordedResponse } from "../support/enquiry-corpus-replay.ts";

const CORPUS_DIR = join(import.meta.dirname, "enquiry-responses.corpus");
const RECORDING = process.env["UPDATE_ENQUIRY_CORPUS"] === "1";

const cases = corpusCases();
/** What the handler answers today. */
let responses: RecordedResponse[];
/** What it answered when the corpus was recorded. */
let recorded: RecordedResponse[];

beforeAll(async () => {
  responses = await replayCorpus(cases);
  if (RECORDING) {
    const { files, bytes } = writeCorpus(CORPUS_DIR, responses);
    console.log(`enquiry corpus: recorded ${responses.length} responses in ${files} files, ${bytes} bytes`);
  }
  const read = readCorpus(CORPUS_DIR);
  if (!read) throw new Error(`No responses are recorded in ${CORPUS_DIR}. Record them: ${RECORD_COMMAND}`);
  recorded = read;
}, 60_000);

const firstOf = (sequence: string) => cases.findIndex((corpusCase) => corpusCase.sequence === sequence);
const responsesFor = (names: Set<string>) => responses.filter(({ name }) => names.has(name));
/** The named states: their bodies are kept whole. */
const namedStates = () => responses.filter(({ body }) => body !== undefined);

describe("the enquiry function's recorded responses", () => {
  it("answers every request in the corpus as recorded: status, every header and the body, byte for byte", () => {
    const differences = compareResponses(recorded, responses);
    if (differences.length > 0) expect.fail(describeDifferences(differences));
  });

  it("has a named state for every status the handler gives, and shows every error message in one", async () => {
    expect([...new Set(namedStates().map(({ status }) => status))].sort((a, b) => a - b)).toEqual([
      200, 202, 400, 403, 405, 413, 415, 422, 503,
    ]);
    // A message written in by the function: more often in some 422 page than in the built form.
    const formPage = writePage(await loadBuiltPage(FORM_PAGE));
    const count = (text: string, part: string) => text.split(part).length - 1;
    const unshown = Object.entries(MESSAGES).filter(
      ([, message]) =>
        !namedStates().some(
          ({ status, body = "" }) => status === 422 && count(body, message) > count(formPage, message),
        ),
    );
    expect(unshown.map(([name]) => name)).toEqual([]);
  });

  it("reports each case whose page is filled differently, by name, with a diff of the page for a named state", async () => {
    // One character of the phone question's error slot changed in the built form page, as a
    // filler that wrote a slot differently would: "Error:" becomes "Errox:".
    const formPage = writePage(await loadBuiltPage(FORM_PAGE));
    const altered = formPage.replace(/(data-error-for="phone"[^>]*>[^]*?)Error:/, "$1Errox:");
    expect(altered, "the slot was found and changed").not.toBe(formPage);
    const alteredTemplate = buildPageTemplate(altered);
    const loadAltered = async (path: EnquiryPage) => (path === FORM_PAGE ? alteredTemplate : loadBuiltPage(path));

    // Compared with today's responses, not the recorded ones, so this holds whatever the pages say.
    // The named states and the first of one generator's samples are enough, and keep this quick;
    // the first cases of a sequence meet the same store and mailer as in the whole replay.
    const some = cases.filter(
      ({ keepBody, sequence }, index) =>
        keepBody || (sequence === "enquirySamples" && index < firstOf("enquirySamples") + 60),
    );
    const names = new Set(some.map(({ name }) => name));
    const differences = compareResponses(responsesFor(names), await replayCorpus(some, { loadPage: loadAltered }));

    // Every answer made from the English form page (422 and 503), and nothing else.
    const english = new Set(some.filter(({ sample }) => sample.language === undefined).map(({ name }) => name));
    const fromFormPage = responsesFor(names).filter(
      ({ name, status }) => (status === 422 || status === 503) && english.has(name),
    );
    expect(differences.map(({ name }) => name)).toEqual(fromFormPage.map(({ name }) => name));
    expect(
      fromFormPage.some(({ body }) => body === undefined),
      "fuzz cases among them",
    ).toBe(true);

    const phoneInvalid = differences.find(({ name }) => name === "422 phone invalid");
    expect(phoneInvalid?.lines.join("\n")).toMatch(
      /^body \(\d+ → \d+ bytes\):\n {4}.*\n {4}- .*Error:.*\n {4}\+ .*Errox:/,
    );
    const fuzzCase = differences.find(({ name }) => name.startsWith("enquirySamples"));
    expect(fuzzCase?.lines).toEqual([
      expect.stringMatching(/^body SHA-256 [0-9a-f]{12}… → [0-9a-f]{12}… \(\d+ → \d+ bytes\)$/),
    ]);
    const report = describeDifferences(differences);
    expect(report).toContain(`${differences.length} of the enquiry function's responses differ`);
    expect(report).toContain(`● ${differences[0]!.name}`);
    expect(report).toContain(RECORD_COMMAND);
  });

  it("reports a changed status, header or request by name", () => {
    const [named, fuzz] = [responses.find(({ body }) => body !== undefined)!, responses.at(-1)!];
    const changed = responses.map((response) => {
      if (response === named) {
        return { ...response, status: 299, headers: [...response.headers, ["x-added", "1"]] as [string, string][] };
      }
      if (response === fuzz) return { ...response, request: "0123456789abcdef" };
      return response;
    });
    const differences = compareResponses(responses, changed);
    expect(differences).toEqual([
      { name: named.name, lines: [`status ${named.status} → 299`, 'header x-added added: "1"'] },
      {
        name: fuzz.name,
        lines: [expect.stringMatching(/^the request itself changed \([0-9a-f]{16} → 0123456789abcdef\)/)],
      },
    ]);
    expect(compareResponses(responses, responses.slice(1))).toEqual([
      { name: responses[0]!.name, lines: ["in the corpus, but no longer sent"] },
    ]);
  });
});
