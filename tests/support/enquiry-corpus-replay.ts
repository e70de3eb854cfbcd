/**
 * Sends the corpus's requests (enquiry-corpus-cases.ts) through the real enquiry handler, with
 * the seams the other handler tests use: the built pages from dist/, a store and a mailer in
 * memory (one of each per sequence), a fixed clock and a log that goes nowhere. What comes back
 * is recorded whole: status, every header, and the body's bytes.
 *
 * Nothing here reads the real clock or draws a random number that reaches a response: the
 * clock is CORPUS_START, the reference is a hash of the enquiry, and the store's random
 * nonces stay in the store. So the same cases give the same responses on every run.
 */
import { createHash } from "node:crypto";
import { handleEnquiry, type EnquiryHandlerOptions } from "../../src/lib/enquiry/handler.ts";
import { DEVELOPMENT_STORE_KEY } from "../../src/lib/enquiry/sealed.ts";
import { createWaitingEnquiries } from "../../src/lib/enquiry/waiting-enquiries.ts";
import { createMemoryMailer, type MemoryMailer } from "../../tools/fakes/memory-mailer.ts";
import { createMemoryStore, type MemoryStore } from "../../tools/fakes/memory-store.ts";
import { loadBuiltPage } from "./built-enquiry-pages.ts";
import type { CaseWorld, CorpusCase } from "./enquiry-corpus-cases.ts";
import { requestFor } from "./enquiry-fuzz-samples.ts";

/** The handler's clock for every case: a fixed time, so no response depends on the day it runs. */
export const CORPUS_START = Date.UTC(2026, 10, 20, 9, 0, 0);
const ADDRESSES = { to: "team@rj.example", from: "Website <enquiries@rj.example>" };

/** Why nothing can be kept, as the runtime says when a deploy is set up wrongly. */
const MISSING = {
  mailer: { error: "RESEND_API_KEY is missing in production, so enquiries cannot be sent" },
  addresses: { error: "ENQUIRY_TO_EMAIL is missing in production, so enquiries cannot be sent" },
  waiting: { error: "ENQUIRY_STORE_KEY is missing in production" },
} as const;

/** One response, as the corpus keeps it. */
export interface RecordedResponse {
  name: string;
  /** A fingerprint of the request and its world, so a changed request is not taken for a changed response. */
  request: string;
  status: number;
  /** Every header, sorted by name. */
  headers: [name: string, value: string][];
  /** Of the body's bytes. */
  sha256: string;
  bytes: number;
  /** The body as text, for the cases that keep it (the named states). */
  body?: string;
}

export interface ReplayOptions {
  /** The built pages; a test may alter them to show that the comparison notices. */
  loadPage?: EnquiryHandlerOptions["loadPage"];
}

/** Every case through the handler, in order, each sequence with its own store and mailer. */
export async function replayCorpus(
  cases: readonly CorpusCase[],
  { loadPage = loadBuiltPage }: ReplayOptions = {},
): Promise<RecordedResponse[]> {
  const sequences = new Map<string, { store: MemoryStore; mailer: MemoryMailer }>();
  const recorded: RecordedResponse[] = [];
  for (const corpusCase of cases) {
    let shared = sequences.get(corpusCase.sequence);
    if (!shared) {
      shared = { store: createMemoryStore(), mailer: createMemoryMailer() };
      sequences.set(corpusCase.sequence, shared);
    }
    recorded.push(await replay(corpusCase, shared, loadPage));
  }
  return recorded;
}

async function replay(
  corpusCase: CorpusCase,
  { store, mailer }: { store: MemoryStore; mailer: MemoryMailer },
  loadPage: EnquiryHandlerOptions["loadPage"],
): Promise<RecordedResponse> {
  const { world } = corpusCase;
  // The world as the fuzz test applies it: set before the request, the store back up after.
  mailer.failure = world.failure ?? null;
  store.down = world.storeDown ?? false;
  let response: Response;
  try {
    response = await handleEnquiry(requestFor(corpusCase.sample), {
      loadPage,
      mailer: world.missing === "mailer" ? MISSING.mailer : mailer,
      addresses: world.missing === "addresses" ? MISSING.addresses : ADDRESSES,
      waiting: world.missing === "waiting" ? MISSING.waiting : createWaitingEnquiries(store, DEVELOPMENT_STORE_KEY),
      confirmDelivery: world.confirmDelivery ?? false,
      now: () => CORPUS_START,
      log: () => {},
    });
  } finally {
    store.down = false;
  }
  const body = Buffer.from(await response.arrayBuffer());
  return {
    name: corpusCase.name,
    request: requestFingerprint(corpusCase),
    status: response.status,
    headers: [...response.headers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    sha256: createHash("sha256").update(body).digest("hex"),
    bytes: body.byteLength,
    ...(corpusCase.keepBody ? { body: body.toString("utf8") } : {}),
  };
}

/**
 * 16 hex digits of a hash of everything sent and the world met, in a fixed order: the body's
 * bytes go into the hash as they are, as bodies near 512 KiB are slow to write out as text.
 */
export function requestFingerprint({ sample, world }: CorpusCase): string {
  const sent = [
    sample.method,
    sample.origin,
    sample.secFetchSite,
    sample.contentType,
    sample.contentLength,
    sample.stream,
    sample.body === null ? null : sample.body.byteLength,
  ];
  const met: (keyof CaseWorld)[] = ["failure", "storeDown", "missing", "confirmDelivery"];
  const worldMet = met.map((key) =>
    key === "failure" ? [world.failure?.reason ?? null, world.failure?.maybeAccepted ?? false] : (world[key] ?? null),
  );
  const hash = createHash("sha256").update(JSON.stringify([sent, worldMet]));
  if (sample.body !== null) hash.update(sample.body);
  return hash.digest("hex").slice(0, 16);
}
