/**
 * Every question on the enquiry form, defined once. The form is drawn from these, the schema
 * validates against them and the team's email words each answer with them, so a label, an
 * option or a limit changed here changes all three. Wording follows the GOV.UK Design System:
 * "(optional)" on optional questions, and error messages that say what to do.
 */

/**
 * Whole numbers as people read them in hints and messages: 3,000, not 3000. Written out, not
 * toLocaleString("en-GB"), which gives the same but wakes the locale data on the enquiry
 * function's cold start (about 10 ms, for four numbers).
 */
export const count = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

// Each limit is named once here, because its hint and its error message both say it.
const MESSAGE_LIMIT = 3000;
const SAFE_TIMES_LIMIT = 500;
const NAME_LIMIT = 100;
/** The longest address mail can be delivered to (RFC 5321's path limit, less its brackets). */
const EMAIL_LIMIT = 254;

/** Questions asked only when that way of contact is chosen, grouped on the form under a legend. */
export const SECTIONS = {
  phone: "If we can phone you",
  email: "If we can email you",
} as const;
export type Section = keyof typeof SECTIONS;

export interface Option {
  value: string;
  /** Beside the radio button. */
  label: string;
  /** What the team reads in the email when this is chosen. */
  inEmail: string;
  /** An instruction not to do something: the email makes it bold so it cannot be skimmed past. */
  warning?: true;
}

/** What a wrong answer is told; the form page holds the first of these until an error is known. */
export interface Errors {
  /** Only questions that must be answered have one: it is what makes them required. */
  missing?: string;
  /** Also for an option the question does not offer; without it, that reads as missing. */
  invalid?: string;
  /** Without it, an answer over the limit reads as invalid. */
  tooLong?: string;
}

interface Asked {
  /** The question as the visitor reads it: a text box's label or a fieldset's legend. */
  label: string;
  hint?: string;
  section?: Section;
  /** The label of this answer's line in the email. */
  inEmail: string;
  errors: Errors;
}

/** How a text box is drawn: the props TextField takes besides its name, label and hint. */
export interface TextInput {
  type?: "text" | "email" | "tel";
  multiline?: boolean;
  autocomplete?: string;
  spellcheck?: boolean;
  narrow?: boolean;
}

export interface TextQuestion extends Asked {
  kind: "text";
  /** In characters as a person counts them; no maxlength attribute, which would cut text off unseen. */
  maxLength?: number;
  input?: TextInput;
}

export interface ChoiceQuestion extends Asked {
  kind: "choice";
  options: readonly Option[];
  /** Side by side for short answers such as Yes and No. */
  inline?: true;
}

export type Question = TextQuestion | ChoiceQuestion;

/** The questions in the order they appear, which is the order errors are listed in. */
export const QUESTIONS = {
  message: {
    kind: "text",
    label: "Your message",
    hint: `Tell us what you would like to know. You do not need to say what happened. You can write up to ${count(MESSAGE_LIMIT)} characters.`,
    maxLength: MESSAGE_LIMIT,
    input: { multiline: true },
    inEmail: "Their message",
    errors: {
      missing: "Enter your message",
      tooLong: `Your message must be ${count(MESSAGE_LIMIT)} characters or less`,
    },
  },
  contactMethod: {
    kind: "choice",
    label: "How can we contact you?",
    hint: "Only choose a way that is safe for you. Nobody else should be able to read or answer it.",
    options: [
      { value: "phone", label: "Phone", inEmail: "phone only" },
      { value: "email", label: "Email", inEmail: "email only" },
      { value: "either", label: "Phone or email", inEmail: "phone or email" },
    ],
    inEmail: "Contact by",
    errors: { missing: "Select how we can contact you" },
  },
  phone: {
    kind: "text",
    label: "Phone number",
    hint: "For a number outside the UK, include the country code.",
    section: "phone",
    input: { type: "tel", autocomplete: "tel", spellcheck: false, narrow: true },
    inEmail: "Phone",
    errors: {
      missing: "Enter a phone number",
      invalid: "Enter a phone number, like 01632 960 001 or 07700 900 982",
    },
  },
  voicemail: {
    kind: "choice",
    label: "Can we leave a voicemail?",
    section: "phone",
    options: [
      { value: "yes", label: "Yes", inEmail: "You may leave a voicemail" },
      { value: "no", label: "No", inEmail: "Do NOT leave a voicemail", warning: true },
    ],
    inline: true,
    inEmail: "Voicemail",
    errors: { missing: "Select whether we can leave a voicemail" },
  },
  sayWhoWeAre: {
    kind: "choice",
    label: "If someone else answers, can we say who we are?",
    hint: "If you choose no, we will not tell them where we are calling from or why.",
    section: "phone",
    options: [
      { value: "yes", label: "Yes", inEmail: "You may say you are calling from the restorative justice service" },
      { value: "no", label: "No", inEmail: "Do NOT say who you are or where you are calling from", warning: true },
    ],
    inline: true,
    inEmail: "If someone else answers",
    errors: { missing: "Select whether we can say who we are if someone else answers" },
  },
  safeTimes: {
    kind: "text",
    label: "Safe times to call (optional)",
    hint: `For example, weekday mornings. Up to ${count(SAFE_TIMES_LIMIT)} characters.`,
    section: "phone",
    maxLength: SAFE_TIMES_LIMIT,
    inEmail: "Safe times to call",
    errors: { tooLong: `Safe times to call must be ${count(SAFE_TIMES_LIMIT)} characters or less` },
  },
  email: {
    kind: "text",
    label: "Email address",
    hint: "We will reply to this address. Only give one that nobody else can read.",
    section: "email",
    // An address too long to deliver is simply not a correct one, so it has no message of its own.
    maxLength: EMAIL_LIMIT,
    input: { type: "email", autocomplete: "email", spellcheck: false },
    inEmail: "Email",
    errors: {
      missing: "Enter an email address",
      invalid: "Enter an email address in the correct format, like name@example.com",
    },
  },
  name: {
    kind: "text",
    label: "What name should we use? (optional)",
    hint: `A first name, or any name you are happy for us to use. Up to ${count(NAME_LIMIT)} characters.`,
    maxLength: NAME_LIMIT,
    input: { autocomplete: "given-name", spellcheck: false, narrow: true },
    inEmail: "Name to use",
    errors: { tooLong: `Name must be ${count(NAME_LIMIT)} characters or less` },
  },
  careCoordinator: {
    kind: "choice",
    label: "Do you already have a care coordinator with us? (optional)",
    options: [
      { value: "yes", label: "Yes", inEmail: "Yes" },
      { value: "no", label: "No", inEmail: "No" },
      { value: "not-sure", label: "Not sure", inEmail: "Not sure" },
    ],
    inEmail: "Already has a care coordinator",
    errors: { invalid: "Select whether you already have a care coordinator" },
  },
} as const satisfies Record<string, Question>;

export type EnquiryField = keyof typeof QUESTIONS;

/** The form's fields in the order they appear. */
export const ENQUIRY_FIELDS = Object.keys(QUESTIONS) as readonly EnquiryField[];

/** The questions answered by choosing an option. */
export type ChoiceField = {
  [F in EnquiryField]: (typeof QUESTIONS)[F] extends { kind: "choice" } ? F : never;
}[EnquiryField];

/** The values a choice question accepts, e.g. "yes" | "no". */
export type AnswerTo<F extends ChoiceField> = (typeof QUESTIONS)[F]["options"][number]["value"];

/** The option a choice question offers for a value, if it offers one. */
export function optionFor<Q extends ChoiceQuestion>(
  question: Q,
  value: string,
): (Option & { value: Q["options"][number]["value"] }) | undefined {
  return question.options.find((option) => option.value === value);
}

/**
 * The message each field most often needs, which the form page holds until an error is known:
 * a missing answer before a wrong one, a wrong one before one that is too long.
 */
export const FIRST_MESSAGE_FOR = Object.fromEntries(
  ENQUIRY_FIELDS.map((field) => {
    const errors: Errors = QUESTIONS[field].errors;
    const message = errors.missing ?? errors.invalid ?? errors.tooLong;
    if (message === undefined) throw new Error(`The ${field} question needs an error message`);
    return [field, message];
  }),
) as Readonly<Record<EnquiryField, string>>;
