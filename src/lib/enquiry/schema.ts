/**
 * The enquiry form's rules and messages: the one place both live. The function validates
 * with it, and the form page's fields are named after ENQUIRY_FIELDS. Messages follow the
 * GOV.UK Design System's wording.
 */
import { z } from "zod";

export const MESSAGE_MAX_LENGTH = 3000;
export const NAME_MAX_LENGTH = 100;
export const SAFE_TIMES_MAX_LENGTH = 500;
export const EMAIL_MAX_LENGTH = 254;

/** The form's fields in the order they appear, which is the order errors are listed in. */
export const ENQUIRY_FIELDS = [
  "message",
  "contactMethod",
  "phone",
  "voicemail",
  "sayWhoWeAre",
  "safeTimes",
  "email",
  "name",
  "careCoordinator",
] as const;
export type EnquiryField = (typeof ENQUIRY_FIELDS)[number];

/** An off-screen field people never see: anything in it came from a bot. */
export const HONEYPOT_FIELD = "website";

export const CONTACT_METHODS = ["phone", "email", "either"] as const;
export const YES_NO = ["yes", "no"] as const;
export const CARE_COORDINATOR_ANSWERS = ["yes", "no", "not-sure"] as const;

export const MESSAGES = {
  messageMissing: "Enter your message",
  messageTooLong: `Your message must be ${MESSAGE_MAX_LENGTH.toLocaleString("en-GB")} characters or less`,
  contactMethodMissing: "Select how we can contact you",
  phoneMissing: "Enter a phone number",
  phoneInvalid: "Enter a phone number, like 01632 960 001 or 07700 900 982",
  voicemailMissing: "Select whether we can leave a voicemail",
  sayWhoWeAreMissing: "Select whether we can say who we are if someone else answers",
  safeTimesTooLong: `Safe times to call must be ${SAFE_TIMES_MAX_LENGTH} characters or less`,
  emailMissing: "Enter an email address",
  emailInvalid: "Enter an email address in the correct format, like name@example.com",
  nameTooLong: `Name must be ${NAME_MAX_LENGTH} characters or less`,
  careCoordinatorInvalid: "Select whether you already have a care coordinator",
} as const;

/** The message each field most often needs, which the form page holds until an error is known. */
export const FIRST_MESSAGE_FOR: Readonly<Record<EnquiryField, string>> = {
  message: MESSAGES.messageMissing,
  contactMethod: MESSAGES.contactMethodMissing,
  phone: MESSAGES.phoneMissing,
  voicemail: MESSAGES.voicemailMissing,
  sayWhoWeAre: MESSAGES.sayWhoWeAreMissing,
  safeTimes: MESSAGES.safeTimesTooLong,
  email: MESSAGES.emailMissing,
  name: MESSAGES.nameTooLong,
  careCoordinator: MESSAGES.careCoordinatorInvalid,
};

/** What a visitor sent, one text value per field, exactly as typed. */
export type EnquiryAnswers = Partial<Record<EnquiryField, string>>;

export interface Enquiry {
  message: string;
  contactMethod: (typeof CONTACT_METHODS)[number];
  /** Digits only, with a leading + for international numbers; only when phone may be used. */
  phone?: string;
  voicemail?: (typeof YES_NO)[number];
  sayWhoWeAre?: (typeof YES_NO)[number];
  safeTimes?: string;
  /** Only when email may be used. */
  email?: string;
  name?: string;
  careCoordinator?: (typeof CARE_COORDINATOR_ANSWERS)[number];
}

export interface FieldError {
  field: EnquiryField;
  message: string;
}

export type EnquiryResult = { ok: true; enquiry: Enquiry } | { ok: false; errors: FieldError[] };

/** Line endings made plain, spaces trimmed, and runs of blank lines cut to one. */
export function normaliseText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Spaces, dashes, dots and brackets people type in phone numbers, taken out. */
export function normalisePhone(value: string): string {
  return value.replace(/[\s\-().]/g, "");
}

const UK_PHONE = /^(?:0|\+44)[1-9]\d{8,9}$/;
const INTERNATIONAL_PHONE = /^\+[1-9]\d{6,14}$/;

/** Characters as a person counts them, so an emoji counts once, not twice. */
const length = (value: string) => [...value].length;

const text = z.string().transform(normaliseText);
const trimmed = z.string().transform((value) => value.trim());
const isOneOf = <T extends string>(choices: readonly T[], value: string): value is T =>
  (choices as readonly string[]).includes(value);

/**
 * Each field only tidied here; every rule runs in the one step below, so a visitor sees all
 * that needs fixing at once rather than one error after another.
 */
const answersSchema = z.object({
  message: text,
  contactMethod: trimmed,
  phone: z.string().transform(normalisePhone),
  voicemail: trimmed,
  sayWhoWeAre: trimmed,
  safeTimes: text,
  email: trimmed,
  name: text,
  careCoordinator: trimmed,
});

const emailFormat = z.email();

const enquirySchema = answersSchema.transform((answers, context): Enquiry => {
  const fail = (field: EnquiryField, message: string) => context.addIssue({ code: "custom", path: [field], message });

  if (!answers.message) fail("message", MESSAGES.messageMissing);
  else if (length(answers.message) > MESSAGE_MAX_LENGTH) fail("message", MESSAGES.messageTooLong);

  const contactMethod = isOneOf(CONTACT_METHODS, answers.contactMethod) ? answers.contactMethod : undefined;
  if (!contactMethod) fail("contactMethod", MESSAGES.contactMethodMissing);
  const byPhone = contactMethod === "phone" || contactMethod === "either";
  const byEmail = contactMethod === "email" || contactMethod === "either";

  const voicemail = isOneOf(YES_NO, answers.voicemail) ? answers.voicemail : undefined;
  const sayWhoWeAre = isOneOf(YES_NO, answers.sayWhoWeAre) ? answers.sayWhoWeAre : undefined;
  if (byPhone) {
    if (!answers.phone) fail("phone", MESSAGES.phoneMissing);
    else if (!UK_PHONE.test(answers.phone) && !INTERNATIONAL_PHONE.test(answers.phone))
      fail("phone", MESSAGES.phoneInvalid);
    if (!voicemail) fail("voicemail", MESSAGES.voicemailMissing);
    if (!sayWhoWeAre) fail("sayWhoWeAre", MESSAGES.sayWhoWeAreMissing);
    if (length(answers.safeTimes) > SAFE_TIMES_MAX_LENGTH) fail("safeTimes", MESSAGES.safeTimesTooLong);
  }
  if (byEmail) {
    if (!answers.email) fail("email", MESSAGES.emailMissing);
    else if (answers.email.length > EMAIL_MAX_LENGTH || !emailFormat.safeParse(answers.email).success)
      fail("email", MESSAGES.emailInvalid);
  }
  if (length(answers.name) > NAME_MAX_LENGTH) fail("name", MESSAGES.nameTooLong);
  const careCoordinator = isOneOf(CARE_COORDINATOR_ANSWERS, answers.careCoordinator)
    ? answers.careCoordinator
    : undefined;
  if (answers.careCoordinator && !careCoordinator) fail("careCoordinator", MESSAGES.careCoordinatorInvalid);

  // Keep only what the chosen way of contact needs: nothing they did not mean to send.
  const enquiry: Enquiry = { message: answers.message, contactMethod: contactMethod ?? "phone" };
  if (byPhone) {
    enquiry.phone = answers.phone;
    if (voicemail) enquiry.voicemail = voicemail;
    if (sayWhoWeAre) enquiry.sayWhoWeAre = sayWhoWeAre;
    if (answers.safeTimes) enquiry.safeTimes = answers.safeTimes;
  }
  if (byEmail) enquiry.email = answers.email;
  if (answers.name) enquiry.name = answers.name;
  if (careCoordinator) enquiry.careCoordinator = careCoordinator;
  return enquiry;
});

/**
 * Validates a visitor's answers. Fields the form does not have are ignored, missing ones
 * count as empty, and every error comes back in the order the fields appear on the page.
 */
export function parseEnquiry(answers: EnquiryAnswers): EnquiryResult {
  const complete = Object.fromEntries(ENQUIRY_FIELDS.map((field) => [field, answers[field] ?? ""]));
  const result = enquirySchema.safeParse(complete);
  if (result.success) return { ok: true, enquiry: result.data };

  const firstMessageFor = new Map<EnquiryField, string>();
  for (const issue of result.error.issues) {
    const field = issue.path[0] as EnquiryField;
    if (!firstMessageFor.has(field)) firstMessageFor.set(field, issue.message);
  }
  return {
    ok: false,
    errors: ENQUIRY_FIELDS.flatMap((field) => {
      const message = firstMessageFor.get(field);
      return message ? [{ field, message }] : [];
    }),
  };
}
