/**
 * The `data-*` attributes that mark the places in the built enquiry pages the enquiry function
 * fills in (pages.ts). The components render each slot from here, and the build's template
 * builder (page-template-builder.ts) and pages.ts find it from here, so they cannot drift
 * apart. A slot given a value holds the field's name.
 */
export const SLOT = Object.freeze({
  /** The error summary: revealed, and given autofocus, when any answer needs fixing. */
  errorSummary: "data-error-summary",
  /** One summary item per field: revealed, its text slot given that field's message. */
  summaryFor: "data-summary-for",
  /** In a summary item's link and in an error message: the message is written here. */
  errorText: "data-error-text",
  /** A field's error message: revealed, and its id added to the field's aria-describedby. */
  errorFor: "data-error-for",
  /** The box round a question: given the form-group--error class. */
  formGroup: "data-form-group",
  /** A radio question's fieldset: described by the error message, as it has no one input. */
  fieldset: "data-fieldset",
  /** The banner saying the email could not be sent: revealed, and focused if no answer is wrong. */
  sendFailed: "data-send-failed",
  /**
   * The banner's heading: focused when no answer is wrong. Focus on the whole banner scrolled
   * the page wherever the banner ran below the screen, leaving the header's links half under
   * the quick exit; its heading is always on the first screen.
   */
  sendFailedTitle: "data-send-failed-title",
  /** The submit button: its text becomes the words of sendAgain after a failed send. */
  submitButton: "data-submit-button",
  /** On the submit button: "Try sending again", in the page's language. */
  sendAgain: "data-send-again",
  /** On the error summary: "Error: ", in the page's language, to start the page's title. */
  titlePrefix: "data-title-prefix",
  /** The confirmation page's panel with the reference: revealed. */
  referenceLine: "data-enquiry-reference-line",
  /** In that line: the enquiry's reference is written here. */
  reference: "data-enquiry-reference",
});
export type SlotName = keyof typeof SLOT;

/**
 * The slot's attribute, to spread on an element in a component: `<div {...slot("sendFailed")}>`.
 * Without a field it renders as the bare attribute name, as the markup always has. In a
 * component with a <style>, give an element that has no class of its own `class={undefined}`
 * beside the spread: otherwise Astro's compiler adds an unused `astro-…` class to it, in case
 * the spread held a class, and the built page changes.
 */
export function slot<N extends SlotName>(name: N, field = ""): Record<(typeof SLOT)[N], string> {
  return { [SLOT[name]]: field } as Record<(typeof SLOT)[N], string>;
}

/** A CSS selector for the slot, or for the one holding that field's name (for tests that parse pages). */
export function slotSelector(name: SlotName, field?: string): string {
  return field === undefined ? `[${SLOT[name]}]` : `[${SLOT[name]}="${field}"]`;
}
