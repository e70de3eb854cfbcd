/**
 * Fills in the built enquiry pages for the enquiry function's answers. The markup lives only in
 * the Astro components: every message slot is already in the page, hidden, so this only puts
 * answers back, writes messages in and reveals them. No element is made here. The slots are
 * found by the attributes in page-slots.ts, which the components render them with, in the
 * page's template (page-template.ts), which the build made from the built page: nothing is
 * parsed here.
 */
import { SLOT } from "./page-slots.ts";
import { PageInFill, type PageTemplate } from "./page-template.ts";
import type { EnquiryAnswers, FieldError } from "./schema.ts";

export interface FormPageState {
  /** What the visitor typed, to put back exactly as it was. */
  answers: EnquiryAnswers;
  /** Answers to fix, in page order. */
  errors?: readonly FieldError[];
  /** The email could not be sent: say so, and offer to try again. */
  sendFailed?: boolean;
}

/** The enquiry form page with the visitor's answers, and its errors or failure banner shown. */
export function fillFormPage(
  template: PageTemplate,
  { answers, errors = [], sendFailed = false }: FormPageState,
): string {
  const page = new PageInFill(template);
  const form = page.findTag("form");
  if (form === undefined) throw new Error("The enquiry page has no form.");

  for (const [field, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    for (const control of page.findAll("name", field, form)) {
      if (page.nameOf(control) === "textarea") page.setText(control, textareaText(value));
      else if (page.attribute(control, "type") === "radio")
        page.toggleAttribute(control, "checked", page.attribute(control, "value") === value);
      else page.setAttribute(control, "value", attributeText(value));
    }
  }

  if (errors.length > 0) {
    const title = page.findTag("title");
    if (title === undefined) throw new Error("The enquiry page has no title.");
    const summary = page.find(SLOT.errorSummary);
    if (summary === undefined) throw new Error("The enquiry page has no error summary.");
    // "Error: " in the page's language, which the summary carries for the title.
    page.setText(title, `${wordsOf(page, summary, SLOT.titlePrefix)}${page.rawText(title)}`);
    page.removeAttribute(summary, "hidden");
    page.setAttribute(summary, "autofocus", "");
    for (const { field, message } of errors) {
      const item = page.find(SLOT.summaryFor, field);
      if (item !== undefined) {
        page.removeAttribute(item, "hidden");
        setText(page, page.find(SLOT.errorText, undefined, item), message);
      }

      const slot = page.find(SLOT.errorFor, field);
      if (slot !== undefined) {
        page.removeAttribute(slot, "hidden");
        setText(page, page.find(SLOT.errorText, undefined, slot), message);
      }
      const group = page.find(SLOT.formGroup, field);
      if (group !== undefined) page.addClass(group, "form-group--error");
      const described = page.find(SLOT.fieldset, field) ?? page.find("id", field);
      if (described !== undefined && slot !== undefined) {
        const ids = (page.attribute(described, "aria-describedby") ?? "").split(" ").filter(Boolean);
        page.setAttribute(described, "aria-describedby", [...ids, page.attribute(slot, "id") ?? ""].join(" "));
      }
    }
  }

  if (sendFailed) {
    const banner = page.find(SLOT.sendFailed);
    if (banner !== undefined) {
      page.removeAttribute(banner, "hidden");
      // With errors too, the summary takes focus; otherwise the banner's heading does.
      const title = page.find(SLOT.sendFailedTitle, undefined, banner);
      if (errors.length === 0 && title !== undefined) page.setAttribute(title, "autofocus", "");
    }
    const button = page.find(SLOT.submitButton);
    if (button === undefined) throw new Error("The enquiry page has no submit button.");
    // "Try sending again" in the page's language, which the button carries.
    page.setText(button, wordsOf(page, button, SLOT.sendAgain));
  }
  return page.html();
}

/** The confirmation page, showing the enquiry's reference. */
export function fillConfirmationPage(template: PageTemplate, reference: string): string {
  const page = new PageInFill(template);
  const line = page.find(SLOT.referenceLine);
  if (line === undefined) throw new Error("The confirmation page has no place for the reference.");
  page.removeAttribute(line, "hidden");
  setText(page, page.find(SLOT.reference, undefined, line), reference);
  return page.html();
}

/*
 * A text area's text is written out as it is, and attribute values with only `"` escaped, as
 * linkedom wrote them when it filled these pages. So the text area's text is escaped here, and
 * "&" in attribute values: a message holding "</textarea>" would otherwise end the box early,
 * and "&amp;" typed in a field would come back as "&". tests/built/enquiry-pages.built.test.ts
 * and the fuzz tests read the result with a spec-following parser to prove the round trip.
 */
function textareaText(value: string): string {
  // A browser drops one newline straight after <textarea>: this one, not the visitor's own.
  return "\n" + value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attributeText(value: string): string {
  return value.replace(/&/g, "&amp;");
}

/** Words in the page's language that an element carries for the function to write in. */
function wordsOf(page: PageInFill, element: number, attribute: string): string {
  const words = page.attribute(element, attribute);
  if (words === null) throw new Error(`The enquiry page has no ${attribute}.`);
  return words;
}

function setText(page: PageInFill, element: number | undefined, text: string) {
  if (element !== undefined) page.setText(element, text);
}
