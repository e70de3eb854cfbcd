/**
 * Each enquiry question is defined once, in questions.ts, with its words in every language: the
 * built form page in each language, the validation and the team's email must all say what that
 * definition says, and follow it when it changes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it, vi } from "vitest";
import { renderEnquiryEmail } from "../../src/lib/enquiry/email.ts";
import {
  ENQUIRY_FIELDS,
  FIRST_MESSAGE_FOR,
  QUESTIONS,
  SECTIONS,
  type ChoiceQuestion,
  type EnquiryField,
  type Question,
} from "../../src/lib/enquiry/questions.ts";
import { HONEYPOT_FIELD, parseEnquiry, type EnquiryAnswers } from "../../src/lib/enquiry/schema.ts";
import { EVERY_ANSWER } from "../support/sample-answers.ts";
import { DIST } from "../../tools/project/site-pages.ts";
import { LANGUAGES, countIn, type LanguageCode } from "../../src/i18n/languages.ts";
import { enquiryActionIn } from "../../src/lib/enquiry/enquiry-pages.ts";
import type { Words } from "../../src/i18n/words.ts";

const CODES = Object.keys(LANGUAGES) as LanguageCode[];
/** How each language marks a question that need not be answered, at the end of its label. */
const OPTIONAL: Record<LanguageCode, string> = {
  en: " (optional)",
  pl: " (opcjonalnie)",
  ro: " (opțional)",
  ur: " (اختیاری)",
  pa: " (ਵਿਕਲਪਿਕ)",
};

const REFERENCE = "RJ-7K3M-9Q2X";
const question = (field: EnquiryField): Question => QUESTIONS[field];
const choiceFields = ENQUIRY_FIELDS.filter((field) => question(field).kind === "choice");
const textFields = ENQUIRY_FIELDS.filter((field) => question(field).kind === "text");

/** Every way of contact chosen, so every question is asked; valid unless changed. */
const everything: EnquiryAnswers = {
  message: "Can I meet the person who burgled my home?",
  contactMethod: "either",
  phone: "07700 900982",
  voicemail: "no",
  sayWhoWeAre: "no",
  email: "sam@example.com",
};

describe.each(CODES)("the built form page in %s", (code) => {
  const file = code === "en" ? join(DIST, "enquire", "index.html") : join(DIST, code, "enquire", "index.html");
  const { document } = parseHTML(readFileSync(file, "utf8"));
  const form = document.querySelector("form")!;
  const text = (element: Element | null | undefined) => element?.textContent?.trim();

  it("is in its language, and posts to the function at that language's address", () => {
    expect(document.documentElement.getAttribute("lang")).toBe(LANGUAGES[code].tag);
    expect(document.documentElement.getAttribute("dir")).toBe(LANGUAGES[code].dir);
    expect(form.getAttribute("action")).toBe(enquiryActionIn(code));
  });

  it("asks the questions in their defined order, and no others", () => {
    const names = [...form.querySelectorAll("input, textarea, select")].map((control) => control.getAttribute("name"));
    expect([...new Set(names)]).toEqual([...ENQUIRY_FIELDS, HONEYPOT_FIELD]);
  });

  it.each(textFields)("labels, hints and draws %s as defined", (field) => {
    const definition = question(field);
    if (definition.kind !== "text") throw new Error("not a text question");
    const control = form.querySelector(`#${field}`)!;
    expect(text(form.querySelector(`label[for="${field}"]`))).toBe(definition.label[code]);
    expect(text(form.querySelector(`#${field}-hint`))).toBe(definition.hint?.[code]);
    expect(control.tagName.toLowerCase()).toBe(definition.input?.multiline ? "textarea" : "input");
    if (!definition.input?.multiline) expect(control.getAttribute("type")).toBe(definition.input?.type ?? "text");
    expect(control.getAttribute("autocomplete") ?? undefined).toBe(definition.input?.autocomplete);
    // The limit is the schema's to enforce and the hint's to tell: maxlength would cut text off unseen.
    // (A limit with no message of its own, like an address's, is not one a person meets.)
    expect(control.hasAttribute("maxlength")).toBe(false);
    // Phone numbers and addresses run left to right, even on a right-to-left page.
    expect(control.getAttribute("dir")).toBe(definition.input?.type ? "ltr" : null);
    if (definition.maxLength !== undefined && definition.errors.tooLong !== undefined) {
      expect(definition.hint?.[code]).toContain(countIn(code, definition.maxLength));
      expect(definition.errors.tooLong[code]).toContain(countIn(code, definition.maxLength));
    }
  });

  it.each(choiceFields)("asks %s with the defined legend, hint and options", (field) => {
    const definition = question(field) as ChoiceQuestion;
    const fieldset = form.querySelector(`[data-fieldset="${field}"]`)!;
    expect(text(fieldset.querySelector("legend"))).toBe(definition.label[code]);
    expect(text(fieldset.querySelector(`#${field}-hint`))).toBe(definition.hint?.[code]);
    const radios = [...fieldset.querySelectorAll(`input[name="${field}"]`)];
    expect(
      radios.map((radio) => ({
        value: radio.getAttribute("value"),
        label: text(fieldset.querySelector(`label[for="${radio.id}"]`)),
      })),
    ).toEqual(definition.options.map(({ value, label }) => ({ value, label: label[code] })));
    expect(fieldset.querySelector(".radios")?.classList.contains("radios--inline")).toBe(definition.inline === true);
  });

  it.each(ENQUIRY_FIELDS)("puts %s in its section's fieldset, if it has one", (field) => {
    const section = form.querySelector(`[data-form-group="${field}"]`)?.closest("fieldset.section");
    const expected = question(field).section;
    expect(text(section?.querySelector("legend"))).toBe(expected === undefined ? undefined : SECTIONS[expected][code]);
  });

  it("holds each field's first message in the error summary", () => {
    for (const field of ENQUIRY_FIELDS) {
      expect(text(document.querySelector(`[data-summary-for="${field}"] a`))).toBe(FIRST_MESSAGE_FOR[field][code]);
    }
  });
});

describe("the definition itself", () => {
  it.each(ENQUIRY_FIELDS)("marks %s (optional) exactly when it has no message for a missing answer", (field) => {
    const definition = question(field);
    for (const code of CODES)
      expect(definition.label[code].endsWith(OPTIONAL[code]), code).toBe(definition.errors.missing === undefined);
  });

  it("words every message in every language, with nothing left in English", () => {
    for (const field of ENQUIRY_FIELDS) {
      const { label, hint, errors } = question(field);
      const all: (Words | undefined)[] = [label, hint, errors.missing, errors.invalid, errors.tooLong];
      for (const words of all) {
        if (words === undefined) continue;
        for (const code of CODES) {
          expect(words[code], `${field} in ${code}`).not.toBe("");
          if (code !== "en") expect(words[code], `${field} in ${code}`).not.toBe(words.en);
        }
      }
    }
  });
});

describe("the validation", () => {
  const errorsFor = (answers: EnquiryAnswers, code: LanguageCode = "en") => {
    const result = parseEnquiry(answers, code);
    return result.ok ? [] : result.errors;
  };

  it("accepts every answer it is sent as valid", () => {
    expect(errorsFor(everything)).toEqual([]);
  });

  it.each(ENQUIRY_FIELDS.filter((field) => question(field).errors.missing !== undefined))(
    "asks for %s in the defined words, in the form's language",
    (field) => {
      for (const code of CODES)
        expect(errorsFor({ ...everything, [field]: "" }, code)).toEqual([
          { field, message: question(field).errors.missing?.[code] },
        ]);
    },
  );

  it.each(choiceFields)("takes each defined option of %s, and nothing else", (field) => {
    const definition = question(field) as ChoiceQuestion;
    for (const { value } of definition.options) {
      const result = parseEnquiry({ ...everything, [field]: value });
      expect(result.ok && result.enquiry[field]).toBe(value);
    }
    expect(errorsFor({ ...everything, [field]: "something-else" })).toEqual([
      { field, message: (definition.errors.invalid ?? definition.errors.missing)?.en },
    ]);
  });

  it.each(textFields.filter((field) => "maxLength" in question(field)))(
    "holds %s to its defined limit, in the defined words",
    (field) => {
      const definition = question(field);
      if (definition.kind !== "text" || definition.maxLength === undefined) throw new Error("no limit");
      const ofLength = (length: number) =>
        field === "email" ? `${"a".repeat(length - "@example.com".length)}@example.com` : "é".repeat(length);
      expect(errorsFor({ ...everything, [field]: ofLength(definition.maxLength) })).toEqual([]);
      for (const code of CODES)
        expect(errorsFor({ ...everything, [field]: ofLength(definition.maxLength + 1) }, code)).toEqual([
          { field, message: (definition.errors.tooLong ?? definition.errors.invalid)?.[code] },
        ]);
    },
  );

  it.each(Object.keys(SECTIONS))("drops the %s questions when that way of contact is not chosen", (section) => {
    const other = section === "phone" ? "email" : "phone";
    const result = parseEnquiry({ ...everything, contactMethod: other, safeTimes: "Mornings" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const kept = Object.keys(result.enquiry);
    const inSection = ENQUIRY_FIELDS.filter((field) => question(field).section === section);
    expect(inSection.length).toBeGreaterThan(0);
    expect(kept.filter((field) => inSection.includes(field as EnquiryField))).toEqual([]);
  });
});

describe("the email", () => {
  const full = EVERY_ANSWER;

  it.each(choiceFields)("words each option of %s as defined, bold when it is a warning", (field) => {
    const definition = question(field) as ChoiceQuestion;
    for (const option of definition.options) {
      const { text, html } = renderEnquiryEmail({ ...full, [field]: option.value }, REFERENCE);
      expect(text.split("\n")).toContain(`${definition.inEmail}: ${option.inEmail}`);
      const { document } = parseHTML(html);
      const row = [...document.querySelectorAll("tr")].find(
        (candidate) => candidate.querySelector("th")?.textContent === definition.inEmail,
      );
      expect(row?.querySelector("td")?.textContent).toBe(option.inEmail);
      expect(row?.querySelector("strong") !== null).toBe(option.warning === true);
    }
  });

  it.each(textFields)("labels the answer to %s as defined", (field) => {
    const { text } = renderEnquiryEmail(full, REFERENCE);
    const label = question(field).inEmail;
    // The message is the email's last section, under its label as a heading.
    expect(text).toContain(field === "message" ? `${label.toUpperCase()}\n` : `\n${label}: `);
  });
});

describe("a change to the definition", () => {
  it("reaches the validation and the email with nothing else changed", async () => {
    vi.resetModules();
    vi.doMock("../../src/lib/enquiry/questions.ts", async (importOriginal) => {
      const real = await importOriginal<typeof import("../../src/lib/enquiry/questions.ts")>();
      const changed = structuredClone(real.QUESTIONS) as unknown as Record<EnquiryField, Question>;
      const tooLong = { en: "Name is too long", pl: "Imię jest za długie", ro: "-", ur: "-", pa: "-" };
      Object.assign(changed.name, { maxLength: 3, inEmail: "Call them", errors: { tooLong } });
      Object.assign(changed.careCoordinator, {
        options: [{ value: "maybe", label: { ...tooLong, en: "Maybe" }, inEmail: "Perhaps" }],
      });
      return { ...real, QUESTIONS: changed };
    });
    try {
      const schema = await import("../../src/lib/enquiry/schema.ts");
      const email = await import("../../src/lib/enquiry/email.ts");
      expect(schema.parseEnquiry({ ...everything, name: "Sami", careCoordinator: "yes" })).toEqual({
        ok: false,
        errors: [
          { field: "name", message: "Name is too long" },
          { field: "careCoordinator", message: QUESTIONS.careCoordinator.errors.invalid.en },
        ],
      });
      expect(schema.parseEnquiry({ ...everything, name: "Sami" }, "pl")).toEqual({
        ok: false,
        errors: [{ field: "name", message: "Imię jest za długie" }],
      });
      const result = schema.parseEnquiry({ ...everything, name: "Sam", careCoordinator: "maybe" });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const { text } = email.renderEnquiryEmail(result.enquiry, REFERENCE);
      expect(text).toContain("\nCall them: Sam\n");
      expect(text).toContain(`\n${QUESTIONS.careCoordinator.inEmail}: Perhaps\n`);
    } finally {
      vi.doUnmock("../../src/lib/enquiry/questions.ts");
      vi.resetModules();
    }
  });
});
