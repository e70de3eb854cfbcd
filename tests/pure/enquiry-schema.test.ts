import { describe, expect, it } from "vitest";
import { countIn } from "../../src/i18n/languages.ts";
import {
  MESSAGES,
  normalisePhone,
  normaliseText,
  parseEnquiry,
  type EnquiryAnswers,
} from "../../src/lib/enquiry/schema.ts";

const byPhone: EnquiryAnswers = {
  message: "Can I meet the person who burgled my home?",
  contactMethod: "phone",
  phone: "07700 900982",
  voicemail: "no",
  sayWhoWeAre: "no",
};
const byEmail: EnquiryAnswers = { message: "What happens next?", contactMethod: "email", email: "sam@example.com" };

const errorsFor = (answers: EnquiryAnswers) => {
  const result = parseEnquiry(answers);
  return result.ok ? [] : result.errors;
};

describe("a valid enquiry", () => {
  it("by phone keeps the phone answers and the optional ones given", () => {
    expect(
      parseEnquiry({ ...byPhone, safeTimes: " weekday mornings ", name: " Sam ", careCoordinator: "not-sure" }),
    ).toEqual({
      ok: true,
      enquiry: {
        message: byPhone.message,
        contactMethod: "phone",
        phone: "07700900982",
        voicemail: "no",
        sayWhoWeAre: "no",
        safeTimes: "weekday mornings",
        name: "Sam",
        careCoordinator: "not-sure",
      },
    });
  });

  it("by email drops phone answers the visitor did not mean to send", () => {
    expect(parseEnquiry({ ...byEmail, phone: "07700 900982", voicemail: "yes", safeTimes: "any time" })).toEqual({
      ok: true,
      enquiry: { message: "What happens next?", contactMethod: "email", email: "sam@example.com" },
    });
  });

  it("by phone or email needs and keeps both", () => {
    const result = parseEnquiry({ ...byPhone, contactMethod: "either", email: "sam@example.com" });
    expect(result.ok && result.enquiry).toMatchObject({ phone: "07700900982", email: "sam@example.com" });
  });

  it("accepts UK numbers written with +44 and international numbers with a country code", () => {
    for (const phone of ["+44 7700 900982", "01632 960 001", "(01632) 960-001", "+33 1 23 45 67 89"]) {
      expect(errorsFor({ ...byPhone, phone }), phone).toEqual([]);
    }
  });
});

describe("every rule has its message", () => {
  it("asks for a message and a way to contact, all at once", () => {
    expect(errorsFor({})).toEqual([
      { field: "message", message: MESSAGES.messageMissing },
      { field: "contactMethod", message: MESSAGES.contactMethodMissing },
    ]);
  });

  it("treats a message of only spaces and blank lines as missing", () => {
    expect(errorsFor({ ...byEmail, message: " \r\n \n\t" })).toEqual([
      { field: "message", message: MESSAGES.messageMissing },
    ]);
  });

  it("limits the message to 3,000 characters, counting each emoji once", () => {
    expect(errorsFor({ ...byEmail, message: "🙂".repeat(3000) })).toEqual([]);
    expect(errorsFor({ ...byEmail, message: "a".repeat(3001) })).toEqual([
      { field: "message", message: "Your message must be 3,000 characters or less" },
    ]);
  });

  it("rejects a contact method the form does not offer", () => {
    expect(errorsFor({ ...byEmail, contactMethod: "post" })).toEqual([
      { field: "contactMethod", message: MESSAGES.contactMethodMissing },
    ]);
  });

  it("asks for the phone answers when phone is chosen", () => {
    expect(errorsFor({ message: "Hello", contactMethod: "phone" })).toEqual([
      { field: "phone", message: MESSAGES.phoneMissing },
      { field: "voicemail", message: MESSAGES.voicemailMissing },
      { field: "sayWhoWeAre", message: MESSAGES.sayWhoWeAreMissing },
    ]);
  });

  it("rejects phone numbers that cannot be dialled", () => {
    for (const phone of ["123", "0770 090", "0800 952 3000 1234", "phone me", "+0 123 4567"]) {
      expect(errorsFor({ ...byPhone, phone }), phone).toEqual([{ field: "phone", message: MESSAGES.phoneInvalid }]);
    }
  });

  it("rejects a voicemail or caller answer other than yes or no", () => {
    expect(errorsFor({ ...byPhone, voicemail: "maybe", sayWhoWeAre: "" })).toEqual([
      { field: "voicemail", message: MESSAGES.voicemailMissing },
      { field: "sayWhoWeAre", message: MESSAGES.sayWhoWeAreMissing },
    ]);
  });

  it("limits safe times to call", () => {
    expect(errorsFor({ ...byPhone, safeTimes: "x".repeat(501) })).toEqual([
      { field: "safeTimes", message: "Safe times to call must be 500 characters or less" },
    ]);
  });

  it("asks for an email address when email is chosen, in the GOV.UK words", () => {
    expect(errorsFor({ message: "Hello", contactMethod: "email" })).toEqual([
      { field: "email", message: "Enter an email address" },
    ]);
    for (const email of ["sam", "sam@", "@example.com", "sam example@example.com", `${"a".repeat(250)}@example.com`]) {
      expect(errorsFor({ ...byEmail, email }), email).toEqual([
        { field: "email", message: "Enter an email address in the correct format, like name@example.com" },
      ]);
    }
  });

  it("limits the name and checks the care coordinator answer", () => {
    expect(errorsFor({ ...byEmail, name: "n".repeat(101), careCoordinator: "perhaps" })).toEqual([
      { field: "name", message: "Name must be 100 characters or less" },
      { field: "careCoordinator", message: MESSAGES.careCoordinatorInvalid },
    ]);
  });

  it("lists errors in the order the fields appear on the page", () => {
    const fields = errorsFor({ contactMethod: "either", phone: "1", email: "x", name: "n".repeat(101) }).map(
      (e) => e.field,
    );
    expect(fields).toEqual(["message", "phone", "voicemail", "sayWhoWeAre", "email", "name"]);
  });
});

describe("normalising", () => {
  it("makes line endings plain and cuts runs of blank lines to one", () => {
    expect(normaliseText("  one\r\n\r\n\r\n\r\ntwo  \rthree \n\n\n ")).toBe("one\n\ntwo\nthree");
  });

  it("takes out what people type between the digits of a phone number", () => {
    expect(normalisePhone(" (01632) 960-001. ")).toBe("01632960001");
  });

  it("ignores fields the form does not have", () => {
    const result = parseEnquiry({ ...byEmail, isAdmin: "true" } as EnquiryAnswers);
    expect(result.ok && Object.keys(result.enquiry)).toEqual(["message", "contactMethod", "email"]);
  });
});

describe("numbers in hints and messages", () => {
  it("are written in English as toLocaleString('en-GB') writes whole numbers", () => {
    for (const value of [0, 7, 100, 254, 500, 999, 1000, 3000, 12345, 999999, 1000000, 123456789]) {
      expect(countIn("en", value)).toBe(value.toLocaleString("en-GB"));
    }
  });

  it("are written without a comma in Polish and Romanian, where a comma marks decimals", () => {
    expect(["pl", "ro"].map((code) => countIn(code as "pl" | "ro", 3000))).toEqual(["3000", "3000"]);
    expect(["ur", "pa"].map((code) => countIn(code as "ur" | "pa", 3000))).toEqual(["3,000", "3,000"]);
  });
});
