import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { escapeHtml, formatPhone, renderEnquiryEmail } from "../../src/lib/enquiry/email.ts";
import type { Enquiry } from "../../src/lib/enquiry/schema.ts";
import { EVERY_ANSWER } from "../support/sample-answers.ts";

const REFERENCE = "RJ-7K3M-9Q2X";

const byPhone: Enquiry = {
  message: "Can I meet the person who burgled my home?",
  contactMethod: "phone",
  phone: "07700900982",
  voicemail: "no",
  sayWhoWeAre: "no",
};
const byEmail: Enquiry = { message: "What happens next?", contactMethod: "email", email: "sam@example.com" };
const byEither = EVERY_ANSWER;

const HOSTILE = `<script>alert("x")</script> & 'quotes' "double" <img src=x onerror=alert(1)>`;
const hostile: Enquiry = {
  message: `${HOSTILE}\n</p></div><a href="https://evil.example/">click</a>`,
  contactMethod: "either",
  phone: "07700900982",
  voicemail: "no",
  sayWhoWeAre: "no",
  safeTimes: `</td></tr></table><style>body{display:none}</style> & "evenings"`,
  email: "o'brien&co@example.com",
  name: `<b onclick="steal()">Sam</b> & 'Jo'`,
  careCoordinator: "not-sure",
};

const textLines = (enquiry: Enquiry) => renderEnquiryEmail(enquiry, REFERENCE).text.split("\n");
const documentOf = (enquiry: Enquiry) => parseHTML(renderEnquiryEmail(enquiry, REFERENCE).html).document;
/** The rows of the HTML's tables as "label: value", the way a screen reader pairs them. */
const htmlRows = (enquiry: Enquiry) =>
  [...documentOf(enquiry).querySelectorAll("tr")].map(
    (row) => `${row.querySelector("th")?.textContent}: ${row.querySelector("td")?.textContent}`,
  );

describe("the subject", () => {
  it("is fixed words and the reference, nothing the person wrote", () => {
    for (const enquiry of [byPhone, byEmail, byEither, hostile]) {
      expect(renderEnquiryEmail(enquiry, REFERENCE).subject).toBe(`Restorative justice enquiry ${REFERENCE}`);
    }
  });

  it("refuses anything that is not a reference, so no visitor words can get in", () => {
    expect(() => renderEnquiryEmail(byPhone, "Sam wants a call")).toThrow(TypeError);
    expect(() => renderEnquiryEmail(byPhone, `${REFERENCE} Sam`)).toThrow(TypeError);
  });
});
describe("language and communication", () => {
  it("come first, before how to contact them: English, with nothing asked for", () => {
    const lines = textLines(byEmail);
    const start = lines.indexOf("Form language: English");
    expect(start).toBeGreaterThan(-1);
    expect(lines.slice(start, start + 5)).toEqual([
      "Form language: English",
      "Interpreter: not answered",
      "Interpreter's language: not given",
      "What would help them talk to us: not given",
      "Contact by: email only",
    ]);
  });

  it("name the form's language and the interpreter in bold, and keep their words as written", () => {
    const enquiry: Enquiry = {
      ...byEmail,
      interpreter: "yes",
      interpreterLanguage: "polski",
      communication: "Duży druk\nmoja siostra będzie ze mną",
    };
    const { text, html } = renderEnquiryEmail(enquiry, REFERENCE, { language: "pl" });
    const lines = text.split("\n");
    const start = lines.indexOf("Form language: Polish (they filled in the form in Polish)");
    expect(lines.slice(start, start + 6)).toEqual([
      "Form language: Polish (they filled in the form in Polish)",
      "Interpreter: NEEDED: arrange one before you contact them",
      "Interpreter's language: polski",
      "What would help them talk to us: Duży druk",
      "  moja siostra będzie ze mną",
      "Contact by: email only",
    ]);
    // Before anything else in the email but its title.
    expect(lines.slice(0, start).join("\n")).not.toMatch(/Contact by|Phone|Email/);
    const strong = [...parseHTML(html).document.querySelectorAll("strong")].map((element) => element.textContent);
    expect(strong).toEqual([
      "Polish (they filled in the form in Polish)",
      "NEEDED: arrange one before you contact them",
    ]);
  });
});

describe("an enquiry that filled in the hidden box", () => {
  const marked = renderEnquiryEmail(byEither, REFERENCE, { possiblyAutomated: true });

  it("starts its subject with a mark the team can filter on", () => {
    expect(marked.subject).toBe(`Possibly automated: Restorative justice enquiry ${REFERENCE}`);
  });

  it("says why near the top, in both parts, and still carries the whole message", () => {
    const unmarked = renderEnquiryEmail(byEither, REFERENCE);
    for (const part of ["text", "html"] as const) {
      expect(marked[part]).toContain("A box that people cannot see on the form was filled in.");
      const lower = marked[part].toLowerCase();
      expect(lower.indexOf("cannot see")).toBeLessThan(lower.indexOf("how to contact"));
      expect(unmarked[part]).not.toContain("cannot see");
    }
    expect(marked.text).toContain(`\n${byEither.message}\n(end of message)`);
  });
});

describe("how to contact the person comes first", () => {
  it("in the text, before anything else they wrote", () => {
    const { text } = renderEnquiryEmail(byEither, REFERENCE);
    const safely = text.indexOf("HOW TO CONTACT THIS PERSON SAFELY");
    expect(safely).toBeGreaterThan(0);
    expect(text.slice(0, safely)).toBe(`Restorative justice enquiry ${REFERENCE}\n\n`);
    for (const later of ["ABOUT THEM", "Name to use: Sam", "THEIR MESSAGE", byEither.message]) {
      expect(text.indexOf(later)).toBeGreaterThan(text.indexOf("Safe times to call"));
    }
  });

  it("in the HTML, as the first section, boxed", () => {
    const document = documentOf(byEither);
    const headings = [...document.querySelectorAll("h1, h2")].map((heading) => heading.textContent);
    expect(headings).toEqual([
      `Restorative justice enquiry ${REFERENCE}`,
      "How to contact this person safely",
      "About them",
      "Their message",
    ]);
    expect(document.querySelector("h2")?.parentElement?.getAttribute("style")).toContain("border:");
  });
});

describe("the contact wording", () => {
  it.each([
    [
      "no",
      "no",
      "Voicemail: Do NOT leave a voicemail",
      "If someone else answers: Do NOT say who you are or where you are calling from",
    ],
    [
      "yes",
      "no",
      "Voicemail: You may leave a voicemail",
      "If someone else answers: Do NOT say who you are or where you are calling from",
    ],
    [
      "no",
      "yes",
      "Voicemail: Do NOT leave a voicemail",
      "If someone else answers: You may say you are calling from the restorative justice service",
    ],
    [
      "yes",
      "yes",
      "Voicemail: You may leave a voicemail",
      "If someone else answers: You may say you are calling from the restorative justice service",
    ],
  ] as const)("by phone, voicemail %s, say who we are %s", (voicemail, sayWhoWeAre, voicemailLine, answersLine) => {
    const enquiry: Enquiry = { ...byPhone, voicemail, sayWhoWeAre };
    const expected = [
      "Contact by: phone only",
      "Phone: 07700 900982",
      voicemailLine,
      answersLine,
      "Safe times to call: not given",
    ];
    const lines = textLines(enquiry);
    const start = lines.indexOf("Contact by: phone only");
    expect(lines.slice(start, start + expected.length)).toEqual(expected);
    const rows = htmlRows(enquiry);
    expect(rows.slice(rows.indexOf(expected[0]!), rows.indexOf(expected[0]!) + expected.length)).toEqual(expected);
    expect(lines.some((line) => line.startsWith("Email:"))).toBe(false);
  });

  it("makes each Do NOT bold in the HTML", () => {
    const strong = [...documentOf(byPhone).querySelectorAll("strong")].map((element) => element.textContent);
    expect(strong).toEqual(["Do NOT leave a voicemail", "Do NOT say who you are or where you are calling from"]);
    expect(documentOf({ ...byEither, interpreter: "no" }).querySelectorAll("strong")).toHaveLength(0);
  });

  it("reads a missing voicemail or caller answer as Do NOT", () => {
    const lines = textLines({ message: "x", contactMethod: "phone", phone: "07700900982" });
    expect(lines).toContain("Voicemail: Do NOT leave a voicemail");
    expect(lines).toContain("If someone else answers: Do NOT say who you are or where you are calling from");
  });

  it("by email, with replies going to their address and nothing about phoning", () => {
    const lines = textLines(byEmail);
    const start = lines.indexOf("Contact by: email only");
    expect(lines.slice(start, start + 2)).toEqual([
      "Contact by: email only",
      "Email: sam@example.com (replying to this email writes to this address)",
    ]);
    expect(lines.some((line) => /^(Phone|Voicemail|If someone else answers|Safe times to call):/.test(line))).toBe(
      false,
    );
  });

  it("by either, with both", () => {
    const expected = [
      "Contact by: phone or email",
      "Phone: 07700 900982",
      "Voicemail: You may leave a voicemail",
      "If someone else answers: You may say you are calling from the restorative justice service",
      "Safe times to call: Weekday mornings",
      "Email: sam@example.com (replying to this email writes to this address)",
    ];
    const lines = textLines(byEither);
    const start = lines.indexOf(expected[0]!);
    expect(lines.slice(start, start + expected.length)).toEqual(expected);
    const rows = htmlRows(byEither);
    expect(rows.slice(rows.indexOf(expected[0]!), rows.indexOf(expected[0]!) + expected.length)).toEqual(expected);
  });

  it("links the phone and email with tel: and mailto: built from the validated values", () => {
    const links = [...documentOf(byEither).querySelectorAll("a")].map((link) => link.getAttribute("href"));
    expect(links).toEqual(["tel:07700900982", "mailto:sam@example.com"]);
  });

  it("keeps line breaks in safe times", () => {
    const enquiry: Enquiry = { ...byPhone, safeTimes: "Mornings\nNot at weekends" };
    expect(renderEnquiryEmail(enquiry, REFERENCE).text).toContain("Safe times to call: Mornings\n  Not at weekends\n");
    expect(renderEnquiryEmail(enquiry, REFERENCE).html).toContain("Mornings<br>Not at weekends");
  });
});

describe("about them", () => {
  it.each([
    [undefined, "not answered"],
    ["yes", "Yes"],
    ["no", "No"],
    ["not-sure", "Not sure"],
  ] as const)("care coordinator %s reads %s", (careCoordinator, label) => {
    const enquiry: Enquiry = careCoordinator ? { ...byPhone, careCoordinator } : byPhone;
    expect(textLines(enquiry)).toContain(`Already has a care coordinator: ${label}`);
    expect(htmlRows(enquiry)).toContain(`Already has a care coordinator: ${label}`);
  });

  it("says when no name was given", () => {
    expect(textLines(byPhone)).toContain("Name to use: not given");
    expect(textLines(byEither)).toContain("Name to use: Sam");
  });

  it("keeps a name on one line", () => {
    expect(textLines({ ...byPhone, name: "Sam\nVoicemail: You may leave a voicemail" })).toContain(
      "Name to use: Sam Voicemail: You may leave a voicemail",
    );
  });
});

describe("the message", () => {
  const message = "First line\nsecond line\n\nA new paragraph";

  it("is in the text as written, after the details", () => {
    const { text } = renderEnquiryEmail({ ...byPhone, message }, REFERENCE);
    expect(text).toContain(`THEIR MESSAGE\n-------------\n${message}\n(end of message)`);
  });

  it("keeps its line breaks and paragraphs in the HTML", () => {
    const document = documentOf({ ...byPhone, message });
    const paragraphs = [...document.querySelectorAll("h2 ~ p")];
    expect(paragraphs.map((paragraph) => paragraph.innerHTML)).toEqual([
      "First line<br>second line",
      "A new paragraph",
    ]);
    expect(paragraphs[0]?.getAttribute("style")).toContain("white-space:pre-wrap");
  });
});

describe("hostile input", () => {
  const { text, html } = renderEnquiryEmail(hostile, REFERENCE);
  const { document } = parseHTML(html);

  it("is escaped in every field of the HTML", () => {
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &quot;double&quot; &lt;img src=x onerror=alert(1)&gt;",
    );
    expect(html).toContain("&lt;b onclick=&quot;steal()&quot;&gt;Sam&lt;/b&gt; &amp; &#39;Jo&#39;");
    expect(html).toContain("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;style&gt;");
    expect(html).toContain("o&#39;brien&amp;co@example.com");
    expect(html).not.toMatch(/<(script|img|style|b |link|iframe)/i);
  });

  it("builds only the expected elements, with no handlers, images or outside links", () => {
    const tags = new Set([...document.querySelectorAll("*")].map((element) => element.tagName.toLowerCase()));
    const allowed = [
      "html",
      "head",
      "meta",
      "title",
      "body",
      "div",
      "h1",
      "h2",
      "table",
      "tr",
      "th",
      "td",
      "strong",
      "a",
      "p",
      "br",
    ];
    expect([...tags].filter((tag) => !allowed.includes(tag))).toEqual([]);
    for (const element of document.querySelectorAll("*")) {
      const attributes = [...element.attributes].map((attribute) => attribute.name);
      expect(attributes.filter((name) => name.startsWith("on") || name === "src")).toEqual([]);
    }
    const links = [...document.querySelectorAll("a")].map((link) => link.getAttribute("href"));
    // An address with & in it is shown but not linked: only plain addresses become mailto: links.
    expect(links).toEqual(["tel:07700900982"]);
  });

  it("reads back exactly as typed", () => {
    const cells = [...document.querySelectorAll("td")].map((cell) => cell.textContent);
    expect(cells).toContain(hostile.name);
    expect(cells).toContain(hostile.safeTimes);
    expect(cells).toContain(`${hostile.email} (replying to this email writes to this address)`);
    // A <br> reads as a line break, and paragraphs are separated by a blank line.
    const message = [...document.querySelectorAll("h2 ~ p")]
      .map((paragraph) =>
        [...paragraph.childNodes].map((node) => (node.nodeName === "BR" ? "\n" : node.textContent)).join(""),
      )
      .join("\n\n");
    expect(message).toBe(hostile.message);
  });

  it("stays as written in the plain text", () => {
    expect(text).toContain(hostile.message);
    expect(text).toContain(`Name to use: ${hostile.name}`);
  });
});

describe("the HTML", () => {
  const { html } = renderEnquiryEmail(byEither, REFERENCE);
  const { document } = parseHTML(html);

  it("is a simple, accessible document", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(document.documentElement.getAttribute("lang")).toBe("en-GB");
    expect(document.querySelector("title")?.textContent).toBe(`Restorative justice enquiry ${REFERENCE}`);
    for (const header of document.querySelectorAll("th")) expect(header.getAttribute("scope")).toBe("row");
  });

  it("uses inline styles and nothing from outside", () => {
    expect(html).not.toMatch(/<style|<link|<img|<script|url\(|https?:/i);
  });
});

describe("render", () => {
  it("returns only subject, text and HTML: the reply-to address is the sender's job", () => {
    expect(Object.keys(renderEnquiryEmail(byEither, REFERENCE)).sort()).toEqual(["html", "subject", "text"]);
  });
});

describe("formatPhone", () => {
  it.each([
    ["07700900982", "07700 900982"],
    ["+447700900982", "+44 7700 900982"],
    ["01632960001", "01632 960001"],
    ["02079460000", "020 7946 0000"],
    ["08009523000", "0800 952 3000"],
    ["0169772345", "01697 72345"],
    ["+33612345678", "+33612345678"],
  ])("shows %s as %s", (phone, shown) => {
    expect(formatPhone(phone)).toBe(shown);
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
