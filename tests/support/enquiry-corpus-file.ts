/**
 * The recorded enquiry responses on disk, in a folder beside their test:
 *
 * - responses.json: one line per case (its name, the request's fingerprint, status, headers,
 *   the body's length and SHA-256). Headers are the same for nearly every response, so each
 *   distinct set is written once, in `headerSets`, and a case gives its index;
 * - bodies/*.html: the named states' bodies, one file per distinct body, named after the
 *   first case that gave it.
 *
 * Why hashes for the fuzz cases and whole pages only for the named states: 800 fuzz bodies of
 * 20 KB to 1 MB each would be tens of megabytes, and a hash is enough to say which case
 * changed; the named states are few (about 1 MB together) and are where a reader needs to see
 * what changed, which the test shows as a diff of the page. Plain files, not gzip, so that a
 * re-recording shows up in `git diff` as what it changed.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RecordedResponse } from "./enquiry-corpus-replay.ts";

const RESPONSES = "responses.json";
const BODIES = "bodies";

interface StoredCase {
  name: string;
  request: string;
  status: number;
  /** An index into headerSets. */
  headers: number;
  bytes: number;
  sha256: string;
  /** In bodies/, for the cases that keep their body. */
  file?: string;
}

interface StoredCorpus {
  about: string;
  headerSets: [string, string][][];
  cases: StoredCase[];
}

const ABOUT =
  "The enquiry function's responses to the requests in tests/support/enquiry-corpus-cases.ts, recorded from the " +
  "built pages in dist/. Written by UPDATE_ENQUIRY_CORPUS=1 npx vitest run " +
  "tests/integration/enquiry-responses.integration.test.ts: do not edit by hand.";

/** The recorded responses, as the replay gives them, or null when none have been recorded. */
export function readCorpus(dir: string): RecordedResponse[] | null {
  const file = join(dir, RESPONSES);
  if (!existsSync(file)) return null;
  const stored = JSON.parse(readFileSync(file, "utf8")) as StoredCorpus;
  return stored.cases.map(({ headers, file: bodyFile, ...kept }) => {
    const headerSet = stored.headerSets[headers];
    if (!headerSet)
      throw new Error(`${RESPONSES}: the case "${kept.name}" names header set ${headers}, which is not there.`);
    if (bodyFile === undefined) return { ...kept, headers: headerSet };
    const body = readFileSync(join(dir, BODIES, bodyFile));
    // A page edited by hand would otherwise be trusted as far as its hash: say so instead.
    if (createHash("sha256").update(body).digest("hex") !== kept.sha256)
      throw new Error(`${BODIES}/${bodyFile} is not the body recorded for "${kept.name}": record the corpus again.`);
    return { ...kept, headers: headerSet, body: body.toString("utf8") };
  });
}

/** Writes the responses as the corpus, replacing what was there. Returns how many files and bytes it wrote. */
export function writeCorpus(dir: string, recorded: readonly RecordedResponse[]): { files: number; bytes: number } {
  rmSync(join(dir, BODIES), { recursive: true, force: true });
  mkdirSync(join(dir, BODIES), { recursive: true });

  const headerSets: string[] = [];
  const fileOfBody = new Map<string, string>();
  const usedNames = new Set<string>();
  let bytes = 0;
  const cases = recorded.map(({ name, request, status, headers, bytes: length, sha256, body }): StoredCase => {
    const headersJson = JSON.stringify(headers);
    if (!headerSets.includes(headersJson)) headerSets.push(headersJson);
    const stored: StoredCase = {
      name,
      request,
      status,
      headers: headerSets.indexOf(headersJson),
      bytes: length,
      sha256,
    };
    if (body === undefined) return stored;
    let file = fileOfBody.get(sha256);
    if (file === undefined) {
      file = uniqueFileName(name, usedNames);
      fileOfBody.set(sha256, file);
      writeFileSync(join(dir, BODIES, file), body);
      bytes += Buffer.byteLength(body);
    }
    return { ...stored, file };
  });

  // One case and one header set a line, so a re-recording's diff names the cases it changed.
  const text = [
    "{",
    `  "about": ${JSON.stringify(ABOUT)},`,
    '  "headerSets": [',
    headerSets.map((set) => `    ${set}`).join(",\n"),
    "  ],",
    '  "cases": [',
    cases.map((stored) => `    ${JSON.stringify(stored)}`).join(",\n"),
    "  ]",
    "}",
    "",
  ].join("\n");
  writeFileSync(join(dir, RESPONSES), text);
  bytes += Buffer.byteLength(text);
  return { files: readdirSync(join(dir, BODIES)).length + 1, bytes };
}

/** A file name from a case's name: "422 phone invalid" is 422-phone-invalid.html. */
function uniqueFileName(name: string, used: Set<string>): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  let file = `${base}.html`;
  for (let n = 2; used.has(file); n++) file = `${base}-${n}.html`;
  used.add(file);
  return file;
}
