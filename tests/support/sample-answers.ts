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
    name: "Samantha Quill",
  };
}
