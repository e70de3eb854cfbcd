import { describe, expect, it } from "vitest";
import {
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
  canonicalEnquiry,
  enquiryDigest,
} from "../../src/lib/enquiry/reference.ts";
import type { Enquiry } from "../../src/lib/enquiry/schema.ts";

/** Every field filled, so each can be changed in turn. */
const full: Required<Enquiry> = {
  message: "Can I meet the person who burgled my home?",
  contactMethod: "either",
  phone: "07700900982",
  voicemail: "no",
  sayWhoWeAre: "no",
  safeTimes: "Weekday mornings",
  email: "sam@example.com",
  interpreter: "yes",
  interpreterLanguage: "Polish",
  communication: "Large print, please",
  name: "Sam",
  careCoordinator: "not-sure",
};

/** A different, still valid value for each field. */
const changed: { [K in keyof Enquiry]-?: Enquiry[K] } = {
  message: "Can I meet the person who burgled my home? ",
  contactMethod: "phone",
  phone: "07700900983",
  voicemail: "yes",
  sayWhoWeAre: "yes",
  safeTimes: "Weekday evenings",
  email: "sam@example.org",
  interpreter: "no",
  interpreterLanguage: "Romanian",
  communication: "Someone with me",
  name: "Samantha",
  careCoordinator: "yes",
};

describe("enquiryDigest", () => {
  it("gives the same key and reference for the same content", () => {
    expect(enquiryDigest({ ...full })).toEqual(enquiryDigest({ ...full }));
  });

  it("does not depend on the order the fields were set in", () => {
    const reversed = Object.fromEntries(Object.entries(full).reverse()) as unknown as Enquiry;
    expect(enquiryDigest(reversed)).toEqual(enquiryDigest(full));
  });

  it.each(Object.keys(changed) as (keyof Enquiry)[])("gives a new key and reference when %s changes", (field) => {
    const before = enquiryDigest(full);
    const after = enquiryDigest({ ...full, [field]: changed[field] });
    expect(after.idempotencyKey).not.toBe(before.idempotencyKey);
    expect(after.reference).not.toBe(before.reference);
  });

  it.each([
    "phone",
    "voicemail",
    "sayWhoWeAre",
    "safeTimes",
    "email",
    "interpreter",
    "interpreterLanguage",
    "communication",
    "name",
    "careCoordinator",
  ] as const)("gives a new key when %s is left out", (field) => {
    const without: Enquiry = { ...full };
    delete without[field];
    expect(enquiryDigest(without).idempotencyKey).not.toBe(enquiryDigest(full).idempotencyKey);
  });

  it("cannot confuse a value moved from one field to another", () => {
    const a: Enquiry = { message: "x", contactMethod: "phone", phone: "07700900982", name: "Sam" };
    const b: Enquiry = { message: "x", contactMethod: "phone", phone: "07700900982", safeTimes: "Sam" };
    expect(enquiryDigest(a).idempotencyKey).not.toBe(enquiryDigest(b).idempotencyKey);
    expect(canonicalEnquiry(a)).not.toBe(canonicalEnquiry(b));
  });

  it("gives a marked enquiry its own key, since its email differs, and leaves unmarked ones alone", () => {
    // A different email under a used key is refused by Resend for 24 hours.
    expect(enquiryDigest(full, { possiblyAutomated: true }).idempotencyKey).not.toBe(
      enquiryDigest(full).idempotencyKey,
    );
    expect(enquiryDigest(full, { possiblyAutomated: false })).toEqual(enquiryDigest(full));
    // The same words from the Polish form: the email says Polish, so it is another email.
    expect(enquiryDigest(full, { language: "pl" }).idempotencyKey).not.toBe(enquiryDigest(full).idempotencyKey);
    expect(enquiryDigest(full, { language: "pl" }).idempotencyKey).not.toBe(
      enquiryDigest(full, { language: "ro" }).idempotencyKey,
    );
  });

  it("gives an idempotency key Resend accepts", () => {
    const { idempotencyKey } = enquiryDigest(full);
    expect(idempotencyKey).toMatch(/^enquiry\/[0-9a-f]{64}$/);
    expect(idempotencyKey.length).toBeLessThanOrEqual(256);
  });

  it("gives a reference like RJ-7K3M-9Q2X, with no 0, O, 1, I, L or U", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(30);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OILU]/);
    for (let i = 0; i < 200; i++) {
      const { reference } = enquiryDigest({ ...full, message: `Message ${i}` });
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(reference).toMatch(/^RJ-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(reference).not.toMatch(/[01OILU]/);
    }
  });

  it("spreads references over the whole alphabet", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      for (const character of enquiryDigest({ ...full, message: `Message ${i}` }).reference.slice(3))
        seen.add(character);
    }
    seen.delete("-");
    expect(seen.size).toBe(REFERENCE_ALPHABET.length);
  });

  it("carries none of the person's words", () => {
    const { idempotencyKey, reference } = enquiryDigest(full);
    for (const value of Object.values(full)) {
      expect(idempotencyKey.toLowerCase()).not.toContain(value.toLowerCase());
      expect(reference.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });
});
