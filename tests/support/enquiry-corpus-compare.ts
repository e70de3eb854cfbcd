/**
 * Compares the enquiry function's responses now with the recorded ones, case by case, and says
 * what differs in words a reader can act on: which case, its status, each header changed, and
 * for a named state a diff of the page (html-diff.ts); for a fuzz case, the body's hash.
 * Kept apart from the test so a test can feed it altered responses and see that it notices.
 */
import { htmlDiff } from "./html-diff.ts";
import type { RecordedResponse } from "./enquiry-corpus-replay.ts";

export interface CaseDifference {
  name: string;
  /** What differs, one line each, already indented where it is a diff. */
  lines: string[];
}

export const RECORD_COMMAND =
  "UPDATE_ENQUIRY_CORPUS=1 npx vitest run tests/integration/enquiry-responses.integration.test.ts";

/** Every case whose response differs from the recorded one, in the order they were sent, then any no longer sent. */
export function compareResponses(
  recorded: readonly RecordedResponse[],
  now: readonly RecordedResponse[],
): CaseDifference[] {
  const expected = new Map(recorded.map((response) => [response.name, response]));
  const differences: CaseDifference[] = [];
  for (const actual of now) {
    const wanted = expected.get(actual.name);
    expected.delete(actual.name);
    const lines = wanted ? differencesBetween(wanted, actual) : ["a new case, not in the corpus: record it"];
    if (lines.length > 0) differences.push({ name: actual.name, lines });
  }
  for (const name of expected.keys()) differences.push({ name, lines: ["in the corpus, but no longer sent"] });
  return differences;
}

function differencesBetween(wanted: RecordedResponse, actual: RecordedResponse): string[] {
  const lines: string[] = [];
  if (wanted.request !== actual.request) {
    lines.push(
      `the request itself changed (${wanted.request} → ${actual.request}): the case, the fuzz generators or ` +
        "fast-check changed, so this is a new request to record, not a changed answer",
    );
  }
  if (wanted.status !== actual.status) lines.push(`status ${wanted.status} → ${actual.status}`);
  lines.push(...headerDifferences(wanted.headers, actual.headers));
  if (wanted.sha256 !== actual.sha256) {
    const size = `${wanted.bytes} → ${actual.bytes} bytes`;
    if (wanted.body !== undefined && actual.body !== undefined) {
      lines.push(`body (${size}):`, ...htmlDiff(wanted.body, actual.body).map((line) => `    ${line}`));
    } else {
      lines.push(`body SHA-256 ${wanted.sha256.slice(0, 12)}… → ${actual.sha256.slice(0, 12)}… (${size})`);
    }
  }
  return lines;
}

function headerDifferences(wanted: readonly [string, string][], actual: readonly [string, string][]): string[] {
  const lines: string[] = [];
  const before = new Map(wanted);
  const after = new Map(actual);
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const was = before.get(name);
    const is = after.get(name);
    if (was === is) continue;
    if (was === undefined) lines.push(`header ${name} added: ${JSON.stringify(is)}`);
    else if (is === undefined) lines.push(`header ${name} gone (was ${JSON.stringify(was)})`);
    else lines.push(`header ${name}: ${JSON.stringify(was)} → ${JSON.stringify(is)}`);
  }
  // Same names and values, but not the same list (a header repeated, say).
  if (lines.length === 0 && JSON.stringify(wanted) !== JSON.stringify(actual)) {
    lines.push(`headers ${JSON.stringify(wanted)} → ${JSON.stringify(actual)}`);
  }
  return lines;
}

/** The first `shown` differences in full, the rest by name, and what to do about them. */
export function describeDifferences(differences: readonly CaseDifference[], shown = 5): string {
  if (differences.length === 0) return "";
  const rest = differences.slice(shown);
  return [
    `${differences.length} of the enquiry function's responses differ from the recorded ones:`,
    "",
    ...differences.slice(0, shown).flatMap(({ name, lines }) => [`● ${name}`, ...lines.map((line) => `  ${line}`), ""]),
    ...(rest.length === 0
      ? []
      : [
          `…and ${rest.length} more: ${rest
            .slice(0, 30)
            .map(({ name }) => name)
            .join(", ")}${rest.length > 30 ? ", …" : ""}`,
          "",
        ]),
    "If the change is meant (a content change to the /enquire/ pages, say), read the differences, then record " +
      `the responses again: ${RECORD_COMMAND}`,
  ].join("\n");
}
