/**
 * The email the team receives for one enquiry, as plain text and as simple HTML. How to
 * contact the person safely comes first, because getting it wrong can put them at risk.
 * The subject carries only the reference: subjects show on lock screens and in inbox lists.
 */
import type { Enquiry } from "./schema.ts";
import { optionFor, QUESTIONS, type AnswerTo, type ChoiceField, type ChoiceQuestion } from "./questions.ts";
import { REFERENCE_PATTERN, type EnquiryMarks } from "./reference.ts";
import { LANGUAGES } from "../../i18n/languages.ts";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** One line of the email: a label and the visitor's (or our) words for it. */
interface Detail {
  label: string;
  value: string;
  /** An instruction not to do something: bold in HTML so it cannot be skimmed past. */
  warning?: boolean;
  /** A tel: or mailto: link built from validated values only. */
  href?: string;
  note?: string;
}

interface Section {
  heading: string;
  details: Detail[];
}

const NOT_GIVEN = "not given";
const NOT_ANSWERED = "not answered";
const CONFIDENTIAL =
  "This email holds personal information about a person harmed by crime. Keep it within the restorative justice team.";

/** Starts the subject of an enquiry that filled in the hidden box, so the team can filter them. */
export const POSSIBLY_AUTOMATED_PREFIX = "Possibly automated: ";
const POSSIBLY_AUTOMATED_NOTE =
  "A box that people cannot see on the form was filled in. A program may have sent this, but a browser filling in forms by itself can do the same, so read it before you decide.";

export function renderEnquiryEmail(enquiry: Enquiry, reference: string, marks: EnquiryMarks = {}): RenderedEmail {
  // The subject must never carry the visitor's words, so only a well-formed reference is let in.
  if (!REFERENCE_PATTERN.test(reference)) throw new TypeError("renderEnquiryEmail needs an RJ-XXXX-XXXX reference");
  const title = `Restorative justice enquiry ${reference}`;
  const notes = marks.possiblyAutomated ? [POSSIBLY_AUTOMATED_NOTE] : [];
  const sections = [contactSection(enquiry, marks), aboutSection(enquiry)];
  return {
    subject: `${marks.possiblyAutomated ? POSSIBLY_AUTOMATED_PREFIX : ""}${title}`,
    text: renderText(title, notes, sections, enquiry.message, reference),
    html: renderHtml(title, notes, sections, enquiry.message, reference),
  };
}

/** A chosen option's line, in the team's words from its question; bold when it says not to do something. */
function choiceDetail<F extends ChoiceField>(field: F, value: AnswerTo<F> | undefined): Detail {
  const question: ChoiceQuestion = QUESTIONS[field];
  const option = value === undefined ? undefined : optionFor(question, value);
  const label = question.inEmail;
  if (!option) return { label, value: NOT_ANSWERED };
  return option.warning ? { label, value: option.inEmail, warning: true } : { label, value: option.inEmail };
}

/**
 * The language they used and whether they need an interpreter come first: a call in a language
 * the person cannot follow fails them, however carefully it is made.
 */
function languageDetails(enquiry: Enquiry, marks: EnquiryMarks): Detail[] {
  const language = LANGUAGES[marks.language ?? "en"].englishName;
  return [
    marks.language
      ? { label: "Form language", value: `${language} (they filled in the form in ${language})`, warning: true }
      : { label: "Form language", value: language },
    choiceDetail("interpreter", enquiry.interpreter),
    { label: QUESTIONS.interpreterLanguage.inEmail, value: enquiry.interpreterLanguage ?? NOT_GIVEN },
    { label: QUESTIONS.communication.inEmail, value: enquiry.communication ?? NOT_GIVEN },
  ];
}

function contactSection(enquiry: Enquiry, marks: EnquiryMarks): Section {
  const details: Detail[] = [...languageDetails(enquiry, marks), choiceDetail("contactMethod", enquiry.contactMethod)];
  if (enquiry.phone !== undefined) {
    details.push({ label: QUESTIONS.phone.inEmail, value: formatPhone(enquiry.phone), ...telHref(enquiry.phone) });
    // An answer missing here is read as "no": the safe choice when in doubt.
    details.push(choiceDetail("voicemail", enquiry.voicemail ?? "no"));
    details.push(choiceDetail("sayWhoWeAre", enquiry.sayWhoWeAre ?? "no"));
    details.push({ label: QUESTIONS.safeTimes.inEmail, value: enquiry.safeTimes ?? NOT_GIVEN });
  }
  if (enquiry.email !== undefined) {
    details.push({
      label: QUESTIONS.email.inEmail,
      value: enquiry.email,
      ...mailtoHref(enquiry.email),
      note: "replying to this email writes to this address",
    });
  }
  return { heading: "How to contact this person safely", details };
}

function aboutSection(enquiry: Enquiry): Section {
  return {
    heading: "About them",
    details: [
      // Names arrive from a one-line field; a line break in one would only confuse the layout.
      { label: QUESTIONS.name.inEmail, value: enquiry.name?.replace(/\s+/g, " ") ?? NOT_GIVEN },
      choiceDetail("careCoordinator", enquiry.careCoordinator),
    ],
  };
}

/** UK numbers in their usual groups (07700 900982, 020 7946 0000, 0800 952 3000); others as given. */
export function formatPhone(phone: string): string {
  const international = phone.startsWith("+44");
  const national = international ? `0${phone.slice(3)}` : phone;
  if (!/^0\d{9,10}$/.test(national)) return phone;
  const grouped =
    national.length === 10
      ? `${national.slice(0, 5)} ${national.slice(5)}`
      : national.startsWith("02")
        ? `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`
        : /^0[389]/.test(national)
          ? `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
          : `${national.slice(0, 5)} ${national.slice(5)}`;
  return international ? `+44 ${grouped.slice(1)}` : grouped;
}

const telHref = (phone: string) => (/^\+?\d{7,15}$/.test(phone) ? { href: `tel:${phone}` } : {});

/** Only addresses made of characters that mean nothing special in a URL become links. */
const mailtoHref = (email: string) =>
  /^[A-Za-z0-9._'+-]+@[A-Za-z0-9.-]+$/.test(email) ? { href: `mailto:${email}` } : {};

function renderText(title: string, notes: string[], sections: Section[], message: string, reference: string): string {
  const heading = (text: string) => `${text.toUpperCase()}\n${"-".repeat(text.length)}`;
  const line = ({ label, value, note }: Detail) =>
    `${label}: ${value.replace(/\n/g, "\n  ")}${note === undefined ? "" : ` (${note})`}`;
  return [
    title,
    ...notes,
    ...sections.map((section) => `${heading(section.heading)}\n${section.details.map(line).join("\n")}`),
    `${heading(QUESTIONS.message.inEmail)}\n${message}\n(end of message)`,
    `--\nReference: ${reference}\n${CONFIDENTIAL}`,
  ].join("\n\n");
}

/** Every character that could end a text run or an attribute value in HTML. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// Inline styles only: many email clients drop <style> blocks and all external resources.
const STYLE = {
  body: "margin:0;padding:16px;background:#ffffff;color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5",
  wrapper: "max-width:640px",
  h1: "margin:0 0 16px;font-size:24px;line-height:1.25",
  h2: "margin:0 0 8px;font-size:20px;line-height:1.3",
  safety: "margin:0 0 24px;padding:12px 16px;border:5px solid #d4351c",
  section: "margin:0 0 24px",
  table: "border-collapse:collapse;width:100%",
  th: "padding:4px 16px 4px 0;text-align:left;vertical-align:top;width:40%;font-weight:bold",
  td: "padding:4px 0;vertical-align:top;overflow-wrap:anywhere;word-break:break-word",
  warning: "color:#d4351c",
  link: "color:#1d70b8",
  paragraph: "margin:0 0 12px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word",
  note: "margin:0 0 24px;padding:12px 16px;background:#f3f2f1",
  footer: "margin:24px 0 0;padding-top:12px;border-top:1px solid #b1b4b6;font-size:14px;color:#505a5f",
} as const;

/** Visitor text with its line breaks kept; Outlook ignores white-space, so breaks become <br>. */
const multiline = (value: string) => escapeHtml(value).replace(/\n/g, "<br>");

function renderDetailHtml({ label, value, warning, href, note }: Detail): string {
  const shown = href
    ? `<a href="${escapeHtml(href)}" style="${STYLE.link}">${escapeHtml(value)}</a>`
    : multiline(value);
  const emphasised = warning ? `<strong style="${STYLE.warning}">${shown}</strong>` : shown;
  const noted = note === undefined ? "" : ` (${escapeHtml(note)})`;
  return `<tr><th scope="row" style="${STYLE.th}">${escapeHtml(label)}</th><td style="${STYLE.td}">${emphasised}${noted}</td></tr>`;
}

function renderSectionHtml(section: Section, style: string): string {
  return [
    `<div style="${style}">`,
    `<h2 style="${STYLE.h2}">${escapeHtml(section.heading)}</h2>`,
    `<table style="${STYLE.table}">`,
    ...section.details.map(renderDetailHtml),
    "</table>",
    "</div>",
  ].join("\n");
}

function renderHtml(title: string, notes: string[], sections: Section[], message: string, reference: string): string {
  const [contact, ...others] = sections;
  const paragraphs = message.split(/\n{2,}/).map((part) => `<p style="${STYLE.paragraph}">${multiline(part)}</p>`);
  return [
    "<!doctype html>",
    '<html lang="en-GB">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    "</head>",
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.wrapper}">`,
    `<h1 style="${STYLE.h1}">${escapeHtml(title)}</h1>`,
    ...notes.map((note) => `<p style="${STYLE.note}"><strong>${escapeHtml(note)}</strong></p>`),
    ...(contact ? [renderSectionHtml(contact, STYLE.safety)] : []),
    ...others.map((section) => renderSectionHtml(section, STYLE.section)),
    `<div style="${STYLE.section}">`,
    `<h2 style="${STYLE.h2}">${escapeHtml(QUESTIONS.message.inEmail)}</h2>`,
    ...paragraphs,
    "</div>",
    `<p style="${STYLE.footer}">Reference: ${escapeHtml(reference)}<br>${escapeHtml(CONFIDENTIAL)}</p>`,
    "</div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
