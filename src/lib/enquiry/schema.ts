/**
 * The enquiry form's rules: which answers are needed when, and what makes one wrong. The
 * questions themselves (names, options, limits, messages) are read from questions.ts.
 */
// "zod" itself, not astro/zod: the enquiry function is plain Node and imports nothing from Astro.
// Its mini form, imported by name: the same parsing, as functions a bundler leaves out when
// they are not used, so the bundled enquiry function carries and loads a small part of zod.
import { email, object, pipe, string, transform, type output, type ZodMiniType } from "zod/mini";
import { DEFAULT_LANGUAGE, type LanguageCode } from "../../i18n/languages.ts";
import type { Words } from "../../i18n/words.ts";
import {
  ENQUIRY_FIELDS,
  optionFor,
  QUESTIONS,
  type AnswerTo,
  type EnquiryField,
  type Errors,
  type Question,
  type Section,
} from "./questions.ts";

export { ENQUIRY_FIELDS, type EnquiryField };

/** The problem pages say the message's limit too. */
export const MESSAGE_MAX_LENGTH = QUESTIONS.message.maxLength;

/** An off-screen field people never see: anything in it came from a bot. */
export const HONEYPOT_FIELD = "website";

/** Every error message in English by field and kind, e.g. MESSAGES.phoneInvalid: a view for the tests. */
type MessageName = {
  [F in EnquiryField]: `${F}${Capitalize<keyof (typeof QUESTIONS)[F]["errors"] & string>}`;
}[EnquiryField];
export const MESSAGES = Object.fromEntries(
  ENQUIRY_FIELDS.flatMap((field) =>
    Object.entries(QUESTIONS[field].errors).map(([kind, message]: [string, Words]) => [
      `${field}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`,
      message.en,
    ]),
  ),
) as Readonly<Record<MessageName, string>>;

/** What a visitor sent, one text value per field, exactly as typed. */
export type EnquiryAnswers = Partial<Record<EnquiryField, string>>;

export interface Enquiry {
  message: string;
  contactMethod: AnswerTo<"contactMethod">;
  /** Digits only, with a leading + for international numbers; only when phone may be used. */
  phone?: string;
  voicemail?: AnswerTo<"voicemail">;
  sayWhoWeAre?: AnswerTo<"sayWhoWeAre">;
  safeTimes?: string;
  /** Only when email may be used. */
  email?: string;
  interpreter?: AnswerTo<"interpreter">;
  /** In the person's own words: "Polish", "polski" or "Panjabi, not Urdu". */
  interpreterLanguage?: string;
  communication?: string;
  name?: string;
  careCoordinator?: AnswerTo<"careCoordinator">;
}

export interface FieldError {
  field: EnquiryField;
  /** In the language of the form that was sent. */
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
const emailFormat = email();

/** Characters as a person counts them, so an emoji counts once, not twice. */
const length = (value: string) => [...value].length;

const tidied = (tidy: (value: string) => string) => pipe(string(), transform(tidy));
const text = tidied(normaliseText);
const trimmed = tidied((value) => value.trim());

/**
 * Each field only tidied here; every rule runs in the one step below, so a visitor sees all
 * that needs fixing at once rather than one error after another.
 */
const answersSchema = object({
  message: text,
  contactMethod: trimmed,
  phone: tidied(normalisePhone),
  voicemail: trimmed,
  sayWhoWeAre: trimmed,
  safeTimes: text,
  email: trimmed,
  interpreter: trimmed,
  interpreterLanguage: text,
  communication: text,
  name: text,
  careCoordinator: trimmed,
} satisfies Record<EnquiryField, ZodMiniType<string, string>>);

/** The answers that must also look right, beyond being given and short enough. */
const FORMATS: Partial<Record<EnquiryField, (value: string) => boolean>> = {
  phone: (value) => UK_PHONE.test(value) || INTERNATIONAL_PHONE.test(value),
  email: (value) => emailFormat.safeParse(value).success,
};

/** The sections of questions each way of contact asks: "either" asks both. */
const SECTIONS_ASKED: Readonly<Record<AnswerTo<"contactMethod">, readonly Section[]>> = {
  phone: ["phone"],
  email: ["email"],
  either: ["phone", "email"],
};

type ErrorKind = keyof Errors;

/** The first rule an answer breaks, as the kind of message its question gives, or nothing. */
function problemWith(field: EnquiryField, value: string): ErrorKind | undefined {
  const question: Question = QUESTIONS[field];
  const { missing, invalid, tooLong } = question.errors;
  const given = (kind: ErrorKind, words: Words | undefined) => (words === undefined ? undefined : kind);
  // A question with a message for a missing answer is one that must be answered.
  if (!value) return given("missing", missing);
  if (question.kind === "choice")
    return optionFor(question, value) ? undefined : (given("invalid", invalid) ?? given("missing", missing));
  if (question.maxLength !== undefined && length(value) > question.maxLength)
    return given("tooLong", tooLong) ?? given("invalid", invalid);
  const looksRight = FORMATS[field];
  return looksRight && !looksRight(value) ? given("invalid", invalid) : undefined;
}

const enquirySchema = pipe(
  answersSchema,
  transform((answers: output<typeof answersSchema>, context): Enquiry => {
    const chosen = optionFor(QUESTIONS.contactMethod, answers.contactMethod)?.value;
    const sectionsAsked = new Set<Section>(chosen ? SECTIONS_ASKED[chosen] : []);
    // Questions for a way of contact not chosen are neither checked nor kept: nothing they did not mean to send.
    const asked = ENQUIRY_FIELDS.filter((field) => {
      const { section }: Question = QUESTIONS[field];
      return section === undefined || sectionsAsked.has(section);
    });

    for (const field of asked) {
      const message = problemWith(field, answers[field]);
      if (message !== undefined) {
        // The issue names the kind of message; parseEnquiry words it in the person's language.
        context.issues.push({ code: "custom", path: [field], message, input: answers[field] });
      }
    }
    // Only read when no issue was added, so every value kept has passed its question's rules.
    return Object.fromEntries(
      asked.filter((field) => answers[field] !== "").map((field) => [field, answers[field]]),
    ) as unknown as Enquiry;
  }),
);

/**
 * Validates a visitor's answers. Fields the form does not have are ignored, missing ones
 * count as empty, and every error comes back in the order the fields appear on the page, in
 * the language of the form that was sent.
 */
export function parseEnquiry(answers: EnquiryAnswers, language: LanguageCode = DEFAULT_LANGUAGE): EnquiryResult {
  const complete = Object.fromEntries(ENQUIRY_FIELDS.map((field) => [field, answers[field] ?? ""]));
  const result = enquirySchema.safeParse(complete);
  if (result.success) return { ok: true, enquiry: result.data };

  const firstMessageFor = new Map<EnquiryField, string>();
  for (const issue of result.error.issues) {
    const field = issue.path[0] as EnquiryField;
    const errors: Errors = QUESTIONS[field].errors;
    const words = errors[issue.message as ErrorKind];
    if (!firstMessageFor.has(field) && words) firstMessageFor.set(field, words[language]);
  }
  return {
    ok: false,
    errors: ENQUIRY_FIELDS.flatMap((field) => {
      const message = firstMessageFor.get(field);
      return message ? [{ field, message }] : [];
    }),
  };
}
