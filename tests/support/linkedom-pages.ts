/**
 * The enquiry function's page filling as it was until the templates (src/lib/enquiry/pages.ts
 * at c6d3691), with linkedom parsing each built page per request. Kept only as the tests'
 * reference: tests/built/enquiry-templates.built.test.ts shows that the templates give the
 * same bytes for the same answers, errors and failures.
 *
 * The rest of this file is that module, unchanged but for its imports and the names it is
 * exported under, and for linkedomWrites.
 */
import { parseHTML } from "linkedom";
import { slotSelector } from "../../src/lib/enquiry/page-slots.ts";
import type { EnquiryAnswers, FieldError } from "../../src/lib/enquiry/schema.ts";

interface FormPageState {
  /** What the visitor typed, to put back exactly as it was. */
  answers: EnquiryAnswers;
  /** Answers to fix, in page order. */
  errors?: readonly FieldError[];
  /** The email could not be sent: say so, and offer to try again. */
  sendFailed?: boolean;
}

/** A page as linkedom parsed it and wrote it out, unchanged. */
export const linkedomWrites = (html: string): string => serialize(parseHTML(html).document);

/** The enquiry form page with the visitor's answers, and its errors or failure banner shown. */
export function linkedomFillFormPage(
  html: string,
  { answers, errors = [], sendFailed = false }: FormPageState,
): string {
  const { document } = parseHTML(html);
  const form = document.querySelector("form");
  if (!form) throw new Error("The enquiry page has no form.");

  for (const [field, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    for (const control of form.querySelectorAll(`[name="${field}"]`)) {
      if (control.localName === "textarea") control.textContent = textareaText(value);
      else if (control.getAttribute("type") === "radio")
        control.toggleAttribute("checked", control.getAttribute("value") === value);
      else control.setAttribute("value", attributeText(value));
    }
  }

  if (errors.length > 0) {
    document.title = `Error: ${document.title}`;
    const summary = document.querySelector(slotSelector("errorSummary"));
    summary?.removeAttribute("hidden");
    summary?.setAttribute("autofocus", "");
    for (const { field, message } of errors) {
      const item = document.querySelector(slotSelector("summaryFor", field));
      item?.removeAttribute("hidden");
      setText(item?.querySelector(slotSelector("errorText")), message);

      const slot = document.querySelector(slotSelector("errorFor", field));
      slot?.removeAttribute("hidden");
      setText(slot?.querySelector(slotSelector("errorText")), message);
      document.querySelector(slotSelector("formGroup", field))?.classList.add("form-group--error");
      const described = document.querySelector(slotSelector("fieldset", field)) ?? document.getElementById(field);
      if (described && slot) {
        const ids = (described.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
        described.setAttribute("aria-describedby", [...ids, slot.id].join(" "));
      }
    }
  }

  if (sendFailed) {
    const banner = document.querySelector(slotSelector("sendFailed"));
    banner?.removeAttribute("hidden");
    // With errors too, the summary takes focus; otherwise the banner's heading does.
    if (errors.length === 0) banner?.querySelector(slotSelector("sendFailedTitle"))?.setAttribute("autofocus", "");
    setText(document.querySelector(slotSelector("submitButton")), "Try sending again");
  }
  return serialize(document);
}

/** The confirmation page, showing the enquiry's reference. */
export function linkedomFillConfirmationPage(html: string, reference: string): string {
  const { document } = parseHTML(html);
  const line = document.querySelector(slotSelector("referenceLine"));
  if (!line) throw new Error("The confirmation page has no place for the reference.");
  line.removeAttribute("hidden");
  setText(line.querySelector(slotSelector("reference")), reference);
  return serialize(document);
}

/*
 * linkedom writes HTML out without escaping a textarea's text, or "&" in attribute values, as
 * a browser expects. Unhelped, a message holding "</textarea>" would end the box early and
 * "&amp;" typed in a field would come back as "&". tests/built/enquiry-pages.built.test.ts and the fuzz
 * tests read the result with a spec-following parser to prove the round trip.
 */
function textareaText(value: string): string {
  // A browser drops one newline straight after <textarea>: this one, not the visitor's own.
  return "\n" + value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attributeText(value: string): string {
  return value.replace(/&/g, "&amp;");
}

/**
 * The page as HTML, doctype and all. linkedom's documents write themselves out so, but its
 * typings hand back lib.dom's Document, whose toString is Object's.
 */
function serialize(document: Document): string {
  return (document as Document & { toString(): string }).toString();
}

function setText(element: Element | null | undefined, text: string) {
  if (element) element.textContent = text;
}
