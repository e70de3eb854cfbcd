import type { Enquiry } from "../../src/lib/enquiry/schema.ts";

/**
 * A whole, valid enquiry with something typed in every free-text field, as a person fills in
 * the form. `tag` makes each one new: the fake API, like Resend, remembers every idempotency key.
 */
export function sampleAnswers(tag: string) {
  return {
    message: `Could I write a letter to the person who hurt me? (${tag})`,
    contactMethod: "either",
    phone: "07700 900982",
    voicemail: "no",
    sayWhoWeAre: "no",
    safeTimes: "Weekday mornings before nine",
    email: "sam.writer@example.com",
    interpreter: "yes",
    interpreterLanguage: "Polish",
    communication: "Large print, please.\nMy sister may be with me.",
    name: "Samantha Quill",
  };
}

/** An enquiry as the schema gives it, with every question answered: for the email's tests. */
export const EVERY_ANSWER: Enquiry = {
  message: "Please get in touch.",
  contactMethod: "either",
  phone: "07700900982",
  voicemail: "yes",
  sayWhoWeAre: "yes",
  safeTimes: "Weekday mornings",
  email: "sam@example.com",
  interpreter: "yes",
  interpreterLanguage: "Polish",
  communication: "Large print",
  name: "Sam",
  careCoordinator: "yes",
};
