/**
 * The enquiry's identity, taken from its content: the Resend idempotency key, so a double click,
 * a refresh or a "try again" reaches the team once, and the short reference a person can read
 * out over the phone. Both are hashes, so neither carries what the person wrote.
 */
import { createHash } from "node:crypto";
import type { TranslationCode } from "../../i18n/languages.ts";
import { ENQUIRY_FIELDS, type Enquiry } from "./schema.ts";

/** Digits and capitals without 0/O, 1/I/L (Crockford's rule) or U: 30 characters. */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const REFERENCE_LENGTH = 8;

/** The reference as shown to people, e.g. RJ-7K3M-9Q2X. */
export const REFERENCE_PATTERN = /^RJ-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/;

/** Changing the canonical form must change every key, so the version is part of what is hashed. */
const CANONICAL_VERSION = "west-mercia-rj-enquiry/v1";

export interface EnquiryDigest {
  /** `enquiry/` and 64 hex digits; Resend keeps keys for 24 hours and allows 256 characters. */
  idempotencyKey: string;
  /** `RJ-XXXX-XXXX`, for the confirmation page, the email subject and the logs. */
  reference: string;
}

/** How the team is told to treat an enquiry; part of its identity, since the email differs. */
export interface EnquiryMarks {
  /** The hidden box was filled in: a program, or a browser's autofill, sent it. */
  possiblyAutomated?: boolean;
  /** Sent from the form in this language rather than in English. */
  language?: TranslationCode;
}

/**
 * The validated fields in the form's order, absent ones left out: one string per enquiry.
 * A mark is added only when set, so unmarked enquiries keep the keys they always had.
 */
export function canonicalEnquiry(enquiry: Enquiry, marks: EnquiryMarks = {}): string {
  const pairs = ENQUIRY_FIELDS.flatMap((field) => {
    const value = enquiry[field];
    return value === undefined ? [] : [[field, value]];
  });
  if (marks.possiblyAutomated) pairs.push(["possiblyAutomated", "yes"]);
  if (marks.language) pairs.push(["language", marks.language]);
  return JSON.stringify([CANONICAL_VERSION, pairs]);
}

export function enquiryDigest(enquiry: Enquiry, marks: EnquiryMarks = {}): EnquiryDigest {
  const hash = createHash("sha256").update(canonicalEnquiry(enquiry, marks), "utf8").digest();
  return { idempotencyKey: `enquiry/${hash.toString("hex")}`, reference: referenceFrom(hash) };
}

/** 8 characters from the first 64 bits of the hash; the bias of `%` on 64 bits is negligible. */
function referenceFrom(hash: Buffer): string {
  let value = hash.readBigUInt64BE(0);
  const base = BigInt(REFERENCE_ALPHABET.length);
  let characters = "";
  for (let i = 0; i < REFERENCE_LENGTH; i++) {
    characters += REFERENCE_ALPHABET.charAt(Number(value % base));
    value /= base;
  }
  return `RJ-${characters.slice(0, 4)}-${characters.slice(4)}`;
}
