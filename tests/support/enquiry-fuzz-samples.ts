/**
 * What the enquiry fuzz test sends: fast-check generators for hostile answers, both form
 * encodings, odd transports, sizes at the limits and a mail API that comes and goes, and the
 * request each sample makes. The oracle and the properties stay in
 * tests/integration/enquiry-fuzz.integration.test.ts; the recorded responses test
 * (enquiry-responses.integration.test.ts) sends the same samples, so both build requests here.
 */
import fc from "fast-check";
import { MAX_BODY_BYTES } from "../../src/lib/enquiry/handler.ts";
import type { LanguageCode } from "../../src/i18n/languages.ts";
import { enquiryActionIn } from "../../src/lib/enquiry/enquiry-pages.ts";
import { ENQUIRY_FIELDS, HONEYPOT_FIELD, type EnquiryField } from "../../src/lib/enquiry/schema.ts";
import type { MailFailure } from "../../tools/fakes/memory-mailer.ts";

/** Stands for the site's own origin in generated requests. */
export const SELF = "(self)";
export const ORIGIN = "https://rj.example";

// ---------------------------------------------------------------------------------------------
// What is sent
// ---------------------------------------------------------------------------------------------

/** A form entry as a correct parser reads it: text, or a file (which the handler reads as ""). */
type Entry = readonly [name: string, value: string | { file: string }];

export interface Sample {
  /** The language of the form it was sent from; left out, English. */
  language?: LanguageCode;
  method: string;
  /** SELF, another origin, or none. */
  origin: string | null;
  /** The Sec-Fetch-Site header browsers add, or none. */
  secFetchSite: string | null;
  contentType: string | null;
  body: Uint8Array | null;
  /** Sent as a stream, so no length is known before it is read. */
  stream: boolean;
  /** A Content-Length header, true or not. */
  contentLength: string | null;
  /** The entries a correct parser finds in the body; null: ask the platform's parser. */
  entries: Entry[] | null;
}

/** The request a browser or a script would make of a sample, posted to the form's action on ORIGIN. */
export function requestFor(sample: Sample): Request {
  const headers = new Headers();
  if (sample.origin !== null)
    headers.set("origin", sample.origin.replace(SELF, ORIGIN).replace(SELF.toUpperCase(), ORIGIN.toUpperCase()));
  if (sample.secFetchSite !== null) headers.set("sec-fetch-site", sample.secFetchSite);
  if (sample.contentType !== null) headers.set("content-type", sample.contentType);
  if (sample.contentLength !== null) headers.set("content-length", sample.contentLength);
  let body: BodyInit | null = sample.body as BodyInit | null;
  if (sample.body && sample.stream) {
    const bytes = sample.body;
    body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.byteLength; at += 16_384) controller.enqueue(bytes.slice(at, at + 16_384));
        controller.close();
      },
    });
  }
  return new Request(new URL(enquiryActionIn(sample.language ?? "en"), ORIGIN), {
    method: sample.method,
    headers,
    body,
    duplex: "half",
  } as RequestInit);
}

const encoder = new TextEncoder();
export const utf8 = (text: string) => encoder.encode(text);
/** As the handler decodes: UTF-8, a byte order mark kept (undici does not strip it). */
const decodeUtf8 = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</textarea><script>alert(1)</script>",
  "'><svg onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "<!--",
  "-->",
  "<![CDATA[x]]>",
  "&lt;b&gt;",
  "&amp;",
  "&#60;script&#62;",
  "&quot;",
  "&copy ",
  "&",
  '"',
  "'",
  "<",
  ">",
  "</p>",
  "<br>",
  "</td></tr></table>",
  "<style>*{display:none}</style>",
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=//evil.example">',
  "{{7*7}}",
  "${7*7}",
  "\r\nBcc: victim@example.com",
  "\nSubject: hello",
  "%0d%0aBcc:x@example.com",
  "=?utf-8?q?hi?=",
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  "mailto:x@evil.example",
  "RJ-2222-2222",
  "\\",
  "%",
  "+",
  "=",
];

const ODD_UNICODE = [
  "\u202E", // right-to-left override
  "\u202D",
  "\u2066",
  "\u2067",
  "\u2069",
  "\u200B",
  "\u200D",
  "\uFEFF",
  "\u0000",
  "\u0001",
  "\u001B[31m",
  "\u007F",
  "\u0085",
  "\u2028",
  "\u2029",
  "\uD800", // lone surrogates: sent as U+FFFD, as any UTF-8 encoder does
  "\uDC00",
  "😀",
  "👩🏽‍🚒",
  "🏴󠁧󠁢󠁷󠁬󠁳󠁿",
  "e\u0301",
  "Z\u0334\u0321\u031B\u0348\u0316\u0353\u031D\u031E\u032E\u032B\u0359a\u0343\u0303",
  "𝕳𝖊𝖑𝖑𝖔",
  "مرحبا",
  "שלום",
  "日本語",
  "\t",
  "\r",
  "\n",
  "\r\n",
  "\n\n\n\n",
  " ",
  "\u00A0",
  "\u3000",
  "\uFDFA",
  "\uFFFD",
  "\uFFFF",
  "\u{10FFFF}",
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: loneSurrogate, minLength: 1, maxLength: 2 }) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_UNICODE) },
);
/** Text of every kind: hostile markup, odd Unicode, lone surrogates, control characters. */
export const freeText = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(""));

const mostly = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>, oddWeight = 1) =>
  fc.oneof({ weight: 8, arbitrary: usual }, { weight: oddWeight, arbitrary: odd });

/** Each field's answers: mostly what people type, sometimes anything at all. */
export const FIELD_VALUES: Record<EnquiryField, fc.Arbitrary<string>> = {
  message: fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom("Hello", "Can we talk?", "I'd like to write a letter", "x"), freeText)
        .map(([start, rest]) => `${start} ${rest}`),
    },
    { weight: 2, arbitrary: freeText },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\r\n\r\n", "\u00A0\n") },
  ),
  contactMethod: mostly(
    fc.constantFrom("phone", "email", "either"),
    fc.oneof(fc.constantFrom("", "Email", " email", "either\r\n", "phone\u0000", "sms", "email,phone"), freeText),
  ),
  phone: mostly(
    fc.constantFrom(
      "07700 900982",
      "07700900982",
      "+44 7700 900982",
      "(01632) 960 001",
      "01632-960-001",
      "020 7946 0000",
      "0800.952.3000",
      "+1 202-555-0143",
      "+353 86 123 4567",
    ),
    fc.oneof(fc.constantFrom("", "12", "999", "0770090098", "+44", "07700 900982 ext 2", "0770<b>0900982"), freeText),
    2,
  ),
  voicemail: mostly(fc.constantFrom("yes", "no"), fc.oneof(fc.constantFrom("", "Yes", "y", "true"), freeText)),
  sayWhoWeAre: mostly(fc.constantFrom("yes", "no"), fc.oneof(fc.constantFrom("", "NO", "n", "0"), freeText)),
  safeTimes: fc.oneof(fc.constantFrom("", "After 6pm", "Weekday mornings\r\nnot Fridays"), freeText),
  email: mostly(
    fc.constantFrom("sam@example.com", "o'brien+rj@example.co.uk", "x.y_z-1@sub.example.org", "UPPER@EXAMPLE.COM"),
    fc.oneof(
      fc.constantFrom(
        "",
        "not an address",
        "a@b",
        '"><img src=x onerror=alert(1)>@example.com',
        "sam@example.com\r\nBcc: x@example.com",
        "<sam@example.com>",
        "sam@exa mple.com",
        "s\u202Eam@example.com",
      ),
      freeText,
    ),
    2,
  ),
  interpreter: mostly(fc.constantFrom("yes", "no", ""), fc.oneof(fc.constantFrom("Yes", "tak", "y"), freeText)),
  interpreterLanguage: fc.oneof(
    fc.constantFrom("", "Polish", "polski", "اردو", "ਪੰਜਾਬੀ", "Panjabi, not Urdu"),
    freeText,
  ),
  communication: fc.oneof(
    fc.constantFrom("", "BSL", "Large print\r\nand Easy Read", "My sister will be with me"),
    freeText,
  ),
  name: fc.oneof(fc.constantFrom("", "Sam", "Ñoño 😀", "O'Brien", "Tom & Jerry"), freeText),
  careCoordinator: mostly(
    fc.constantFrom("yes", "no", "not-sure", ""),
    fc.oneof(fc.constantFrom("not sure", "maybe", "YES"), freeText),
  ),
};

const UNKNOWN_KEYS = [
  "message[]",
  "Message",
  "MESSAGE",
  " message",
  "message ",
  "message\u0000",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "_charset_",
  "isindex",
  "email[0]",
  "contactMethod.x",
  "a&b",
  "=",
  "",
  "😀",
  "website2",
  "subject",
  "bcc",
  "reply_to",
  "html",
];

const knownKey = fc.constantFrom<string>(...ENQUIRY_FIELDS, HONEYPOT_FIELD);
const anyKey = fc.oneof(
  { weight: 3, arbitrary: knownKey },
  { weight: 3, arbitrary: fc.constantFrom(...UNKNOWN_KEYS) },
  { weight: 1, arbitrary: freeText },
);

const extraEntry = fc.record({
  at: fc.nat(),
  name: anyKey,
  value: fc.oneof(freeText, fc.constantFrom("email", "phone", "yes", "sam@example.com")),
  asFile: fc.boolean(),
});

/** A visitor's answers: most fields there, most of them plausible, some repeated or unknown. */
const formEntries = fc
  .record({
    fields: fc.record(
      Object.fromEntries(ENQUIRY_FIELDS.map((field) => [field, fc.option(FIELD_VALUES[field], { freq: 8 })])) as {
        [F in EnquiryField]: fc.Arbitrary<string | null>;
      },
    ),
    honeypot: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 3, arbitrary: fc.constant("") },
      { weight: 1, arbitrary: fc.constantFrom("https://spam.example", " ") },
      { weight: 1, arbitrary: freeText },
    ),
    honeypotAt: fc.nat(),
    extras: fc.oneof(
      { weight: 2, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(extraEntry, { maxLength: 4 }) },
    ),
    knownAsFile: fc.oneof({ weight: 15, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: knownKey }),
  })
  .map(({ fields, honeypot, honeypotAt, extras, knownAsFile }) => {
    const entries: { name: string; value: string; asFile: boolean }[] = [];
    for (const field of ENQUIRY_FIELDS) {
      const value = fields[field];
      if (value !== null) entries.push({ name: field, value, asFile: field === knownAsFile });
    }
    if (honeypot !== null)
      entries.splice(honeypotAt % (entries.length + 1), 0, { name: HONEYPOT_FIELD, value: honeypot, asFile: false });
    for (const extra of extras) entries.splice(extra.at % (entries.length + 1), 0, extra);
    return entries;
  });

type RawEntries = { name: string; value: string; asFile: boolean }[];

// --- urlencoded ---

interface UrlencodedStyle {
  space: "+" | "%20";
  upperHex: boolean;
  /** Non-ASCII left as UTF-8 rather than percent-encoded: the body is decoded before it is split. */
  rawUnicode: boolean;
  /** Malformed fragments put in between or inside pairs. */
  junk: { at: number; text: string }[];
  contentType: string;
}

const urlencodedStyle = fc.record({
  space: fc.constantFrom<"+" | "%20">("+", "%20"),
  upperHex: fc.boolean(),
  rawUnicode: fc.boolean(),
  junk: fc.oneof(
    { weight: 3, arbitrary: fc.constant<UrlencodedStyle["junk"]>([]) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.record({
          at: fc.nat(),
          text: fc.constantFrom(
            "%",
            "%%",
            "%zz",
            "%E0%A4",
            "%ED%A0%80", // a lone surrogate, percent-encoded
            "%ED%B0%80",
            "%C0%AF",
            "%FF",
            "%F0%9F%98",
            "%00",
            "&",
            "&&",
            "=",
            "==",
            "a=b=c",
            "+",
            "%2B",
            "%26message%3Dx",
            "message=",
            "\uD800",
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    },
  ),
  contentType: fc.constantFrom(
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=UTF-8",
    "Application/X-WWW-Form-URLEncoded",
    "application/x-www-form-urlencoded ;charset=iso-8859-1",
    "application/x-www-form-urlencoded;",
  ),
});

function percentEncode(text: string, style: UrlencodedStyle): string {
  // Runs of characters left as they are are skipped in one step: bodies near 512 KiB are mostly such runs.
  return text.toWellFormed().replace(/[^A-Za-z0-9*\-._]/gu, (character) => {
    if (character === " ") return style.space;
    if (style.rawUnicode && character.codePointAt(0)! > 0x7f) return character;
    let out = "";
    for (const byte of utf8(character)) {
      const hex = byte.toString(16).padStart(2, "0");
      out += `%${style.upperHex ? hex.toUpperCase() : hex}`;
    }
    return out;
  });
}

function encodeUrlencoded(raw: RawEntries, style: UrlencodedStyle): Pick<Sample, "contentType" | "body" | "entries"> {
  let text = raw.map(({ name, value }) => `${percentEncode(name, style)}=${percentEncode(value, style)}`).join("&");
  for (const { at, text: junk } of style.junk) {
    const position = at % (text.length + 1);
    text = text.slice(0, position) + junk + text.slice(position);
  }
  const body = utf8(text);
  // Without junk the pairs must come back exactly as generated; with it, the URL Standard's
  // parser (the one the platform must use) says what a correct reading is.
  const entries: Entry[] =
    style.junk.length === 0
      ? raw.map(({ name, value }) => [name.toWellFormed(), value.toWellFormed()] as const)
      : [...new URLSearchParams(decodeUtf8(body))];
  return { contentType: style.contentType, body, entries };
}

// --- multipart ---

interface MultipartStyle {
  boundary: string;
  quotedBoundary: boolean;
  typeCase: "lower" | "title";
  extraParam: boolean;
  partContentType: boolean;
  lowerCaseHeader: boolean;
  preamble: boolean;
  epilogue: boolean;
}

const multipartStyle = fc.record({
  boundary: fc.stringMatching(/^[0-9A-Za-z]{16,40}$/).map((random) => `----fuzz${random}`),
  quotedBoundary: fc.boolean(),
  typeCase: fc.constantFrom<"lower" | "title">("lower", "title"),
  extraParam: fc.boolean(),
  partContentType: fc.boolean(),
  lowerCaseHeader: fc.boolean(),
  preamble: fc.boolean(),
  epilogue: fc.boolean(),
});

/** As the HTML standard escapes a name or file name in a multipart/form-data header. */
const escapeHeaderName = (name: string) =>
  name.toWellFormed().replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

function multipartContentType(style: MultipartStyle): string {
  const type = style.typeCase === "lower" ? "multipart/form-data" : "Multipart/Form-Data";
  const boundary = style.quotedBoundary ? `"${style.boundary}"` : style.boundary;
  return `${type}; boundary=${boundary}${style.extraParam ? "; charset=UTF-8" : ""}`;
}

function encodeMultipart(raw: RawEntries, style: MultipartStyle): Pick<Sample, "contentType" | "body" | "entries"> {
  const disposition = style.lowerCaseHeader ? "content-disposition" : "Content-Disposition";
  let text = style.preamble ? "This is a preamble, which parsers ignore.\r\n" : "";
  for (const { name, value, asFile } of raw) {
    text += `--${style.boundary}\r\n${disposition}: form-data; name="${escapeHeaderName(name)}"`;
    if (asFile) text += `; filename="${escapeHeaderName(value.slice(0, 8))}.txt"\r\nContent-Type: text/plain`;
    else if (style.partContentType) text += "\r\nContent-Type: text/plain; charset=UTF-8";
    text += `\r\n\r\n${value.toWellFormed()}\r\n`;
  }
  text += `--${style.boundary}--\r\n${style.epilogue ? "An epilogue, ignored too." : ""}`;
  return {
    contentType: multipartContentType(style),
    body: utf8(text),
    entries: raw.map(({ name, value, asFile }) => [
      name.toWellFormed().replace(/%22/g, '"').replace(/%0D/g, "\r").replace(/%0A/g, "\n"),
      asFile ? { file: value } : value.toWellFormed(),
    ]),
  };
}

type Encoding = { kind: "urlencoded"; style: UrlencodedStyle } | { kind: "multipart"; style: MultipartStyle };
const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  urlencodedStyle.map((style) => ({ kind: "urlencoded" as const, style })),
  multipartStyle.map((style) => ({ kind: "multipart" as const, style })),
);

function encode(raw: RawEntries, how: Encoding) {
  return how.kind === "urlencoded" ? encodeUrlencoded(raw, how.style) : encodeMultipart(raw, how.style);
}

const sendOptions = fc.record({
  stream: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  declareLength: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  /** As a script posts, or as a browser on a page from the old no-referrer site did: `Origin: null` and Sec-Fetch-Site. */
  asBrowser: fc.boolean(),
});

export const wellFormed = (
  parts: Pick<Sample, "contentType" | "body" | "entries">,
  stream = false,
  declareLength = false,
): Sample => ({
  method: "POST",
  origin: SELF,
  secFetchSite: null,
  stream,
  contentLength: declareLength ? String(parts.body?.byteLength ?? 0) : null,
  ...parts,
});

/** Property A: hostile answers in well-formed forms, both encodings. */
/** The form's language: English most often, as most of the site's readers read it. */
const formLanguage = fc.oneof(
  { weight: 4, arbitrary: fc.constant<LanguageCode>("en") },
  { weight: 1, arbitrary: fc.constantFrom<LanguageCode>("pl", "ro", "ur", "pa") },
);

export const enquirySamples = fc
  .tuple(formEntries, encoding, sendOptions, formLanguage)
  .map(([raw, how, { stream, declareLength, asBrowser }, language]) => ({
    ...wellFormed(encode(raw, how), stream, declareLength),
    ...(asBrowser ? { origin: "null", secFetchSite: "same-origin" } : {}),
    ...(language === "en" ? {} : { language }),
  }));

// --- sizes ---

const LIMITS: Partial<Record<EnquiryField, number>> = {
  message: 3000,
  name: 100,
  safeTimes: 500,
  email: 254,
  interpreterLanguage: 100,
  communication: 500,
};
/** Units of one or more code points, so lengths count as the schema counts them. */
const LONG_UNITS = ["a", "é", "😀", "e\u0301", "\u202E", "<", "&", "\r\n", " ", "𝕳"];

function codePoints(unit: string, count: number): string {
  const points = [...unit];
  return Array.from({ length: count }, (_, i) => points[i % points.length]).join("");
}

/** A value of exactly `count` code points made of `unit`, as an email address when the field wants one. */
function longValue(field: EnquiryField, unit: string, count: number): string {
  if (field !== "email") return codePoints(unit, count);
  const domain = "@example.com";
  return codePoints(/^[a-z]$/i.test(unit) ? unit : "a", Math.max(1, count - domain.length)) + domain;
}

const validBase = fc.record({
  message: fc.constantFrom("Hello", "Can we talk?"),
  contactMethod: fc.constantFrom("phone", "email", "either"),
  phone: fc.constant("07700 900982"),
  voicemail: fc.constantFrom("yes", "no"),
  sayWhoWeAre: fc.constantFrom("yes", "no"),
  email: fc.constant("sam@example.com"),
  nonce: fc.stringMatching(/^[a-z0-9]{8}$/),
});

const longField = fc.record({
  field: fc.constantFrom<EnquiryField>("message", "message", "name", "safeTimes", "email"),
  unit: fc.constantFrom(...LONG_UNITS),
  delta: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -2, max: 2 }) },
    { weight: 1, arbitrary: fc.integer({ min: -500, max: 3000 }) },
  ),
  /** Spaces and blank lines that tidying removes, so the raw value may be over the limit yet valid. */
  trailing: fc.constantFrom("", "", "   ", " \r\n\r\n\r\n  ", "\t\n"),
});

const BODY_SIZES = [
  MAX_BODY_BYTES - 1,
  MAX_BODY_BYTES,
  MAX_BODY_BYTES + 1,
  MAX_BODY_BYTES + 2,
  2 * MAX_BODY_BYTES,
  300_000,
];
const bodySize = fc.record({
  size: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...BODY_SIZES) },
    { weight: 1, arbitrary: fc.integer({ min: MAX_BODY_BYTES - 2000, max: MAX_BODY_BYTES + 2000 }) },
  ),
  /** The header as sent: the true length, none, or a lie either way. */
  declared: fc.constantFrom<"true" | "none" | "smaller" | "larger" | "junk">(
    "true",
    "none",
    "none",
    "smaller",
    "larger",
    "junk",
  ),
});

/** Pads a well-formed body with an unknown field until it is exactly `size` bytes, when it can be. */
function padTo(raw: RawEntries, how: Encoding, size: number) {
  const padded = (n: number) => encode([...raw, { name: "pad", value: "x".repeat(n), asFile: false }], how);
  const base = padded(0).body!.byteLength;
  return padded(Math.max(0, size - base));
}

/** Property C: fields near and over their limits, and bodies near and over the 512 KiB limit. */
export const sizeSamples = fc
  .tuple(validBase, fc.option(longField, { freq: 4 }), fc.option(bodySize, { freq: 3 }), encoding, fc.boolean())
  .map(([base, long, size, how, stream]) => {
    const raw: RawEntries = [
      { name: "message", value: `${base.message} ${base.nonce}`, asFile: false },
      { name: "contactMethod", value: base.contactMethod, asFile: false },
      { name: "phone", value: base.phone, asFile: false },
      { name: "voicemail", value: base.voicemail, asFile: false },
      { name: "sayWhoWeAre", value: base.sayWhoWeAre, asFile: false },
      { name: "email", value: base.email, asFile: false },
    ];
    if (long) {
      const count = LIMITS[long.field]! + long.delta;
      // The nonce keeps a long message unique (a new email), inside the same count.
      const value =
        long.field === "message"
          ? `${base.nonce} ${codePoints(long.unit, count - base.nonce.length - 1)}${long.trailing}`
          : longValue(long.field, long.unit, count) + long.trailing;
      const existing = raw.find((entry) => entry.name === long.field);
      if (existing) existing.value = value;
      else raw.push({ name: long.field, value, asFile: false });
    }
    const parts = size ? padTo(raw, how, size.size) : encode(raw, how);
    const length = parts.body!.byteLength;
    const declared = size?.declared ?? "none";
    const sample = wellFormed(parts, stream);
    sample.contentLength =
      declared === "true"
        ? String(length)
        : declared === "smaller"
          ? String(Math.max(0, length - 100))
          : declared === "larger"
            ? String(length + 100_000)
            : declared === "junk"
              ? "12abc"
              : null;
    return sample;
  });

// --- transport ---

const OTHER_ORIGINS = [
  null,
  "null",
  "https://evil.example",
  "http://localhost",
  "http://127.0.0.1",
  "http://127.0.0.1:1",
  "file://",
  "",
  "*",
];
const REFUSED_TYPES = [
  null,
  "",
  "text/plain",
  "text/html",
  "application/json",
  "application/xml",
  "application/x-www-form-urlencodedx",
  "application/x-www-form-urlencoded, text/plain",
  "multipart/mixed; boundary=abc",
  "multipart/form-datax; boundary=abc",
  "form-data",
  "application/octet-stream",
  "x-www-form-urlencoded",
  "*/*",
];

type Mutation =
  | { kind: "method"; method: string }
  | { kind: "origin"; origin: string | null; selfVariant: number; secFetchSite: string | null }
  | { kind: "refusedType"; contentType: string | null }
  | { kind: "swapType" }
  | { kind: "noBoundary" }
  | { kind: "truncate"; at: number }
  | { kind: "lineFeeds" }
  | { kind: "randomBytes"; bytes: Uint8Array; contentType: string }
  | { kind: "lyingLength"; contentLength: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .constantFrom("GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "post")
    .map((method) => ({ kind: "method" as const, method })),
  fc
    .record({
      origin: fc.constantFrom(...OTHER_ORIGINS),
      selfVariant: fc.nat(3),
      secFetchSite: fc.constantFrom(
        null,
        "same-origin",
        "same-site",
        "cross-site",
        "none",
        "SAME-ORIGIN",
        "same-origin, cross-site",
      ),
    })
    .map((r) => ({ kind: "origin" as const, ...r })),
  fc.constantFrom(...REFUSED_TYPES).map((contentType) => ({ kind: "refusedType" as const, contentType })),
  fc.constant({ kind: "swapType" as const }),
  fc.constant({ kind: "noBoundary" as const }),
  fc.nat().map((at) => ({ kind: "truncate" as const, at })),
  fc.constant({ kind: "lineFeeds" as const }),
  fc
    .record({
      bytes: fc.uint8Array({ maxLength: 2000 }),
      contentType: fc.constantFrom(
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "multipart/form-data; boundary=",
        'multipart/form-data; boundary=""',
        "multipart/form-data; boundary=" + "b".repeat(80),
      ),
    })
    .map((r) => ({ kind: "randomBytes" as const, ...r })),
  fc
    .constantFrom("0", "1", "-1", "", "abc", "1e6", "0x20000", " 70000 ", "65537", "99999999999999999999")
    .map((contentLength) => ({
      kind: "lyingLength" as const,
      contentLength,
    })),
);

/** Property B: wrong methods, origins, types and lengths, and broken bodies. */
export const transportSamples = fc
  .tuple(enquirySamples, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([sample, mutations]) => {
    const mutated: Sample = { ...sample };
    for (const change of mutations) {
      switch (change.kind) {
        case "method":
          mutated.method = change.method;
          // fetch upper-cases the standard methods, so "post" is still a POST.
          break;
        case "origin":
          // Close to the real origin but not it: a trailing slash, another case, a path.
          mutated.origin =
            [change.origin, `${SELF}/`, `${SELF}/enquire/`, SELF.toUpperCase()][change.selfVariant] ?? null;
          mutated.secFetchSite = change.secFetchSite;
          break;
        case "refusedType":
          mutated.contentType = change.contentType;
          break;
        case "swapType":
          mutated.contentType = mutated.contentType?.toLowerCase().startsWith("multipart")
            ? "application/x-www-form-urlencoded"
            : "multipart/form-data; boundary=----fuzzswapped";
          mutated.entries = null;
          break;
        case "noBoundary":
          mutated.contentType = "multipart/form-data";
          mutated.entries = null;
          break;
        case "truncate":
          if (mutated.body) mutated.body = mutated.body.slice(0, change.at % (mutated.body.byteLength + 1));
          mutated.entries = null;
          break;
        case "lineFeeds":
          if (mutated.body) mutated.body = utf8(decodeUtf8(mutated.body).replace(/\r\n/g, "\n"));
          mutated.entries = null;
          break;
        case "randomBytes":
          mutated.body = change.bytes;
          mutated.contentType = change.contentType;
          mutated.entries = null;
          break;
        case "lyingLength":
          mutated.contentLength = change.contentLength;
          break;
      }
    }
    // A GET or HEAD request cannot carry a body at all.
    if (mutated.method === "GET" || mutated.method === "HEAD") mutated.body = null;
    if (mutated.body === null) mutated.stream = false;
    return mutated;
  });

// --- delivery: the mailer failing at random, and now and then the store down ---

const FAILURES: readonly MailFailure[] = [
  { reason: "503 internal_server_error", maybeAccepted: true },
  { reason: "network_error", maybeAccepted: true },
  { reason: "timeout", maybeAccepted: true },
  { reason: "429 rate_limit_exceeded" },
  { reason: "422 validation_error" },
];
export const FAILURE_REASONS = new Set(FAILURES.map(({ reason }) => reason));

/** A few valid enquiries, sent again and again in other encodings: repeats meet failures. */
const pooledEnquiry = fc
  .tuple(fc.nat(5), fc.constantFrom("phone", "email", "either"), fc.boolean(), encoding)
  .map(([n, contactMethod, marked, how]) => {
    const raw: RawEntries = [
      { name: "message", value: `Could we meet? Pooled enquiry ${n}`, asFile: false },
      { name: "contactMethod", value: contactMethod, asFile: false },
      { name: "phone", value: "07700 900982", asFile: false },
      { name: "voicemail", value: "no", asFile: false },
      { name: "sayWhoWeAre", value: "yes", asFile: false },
      { name: "email", value: "sam@example.com", asFile: false },
    ];
    if (marked) raw.push({ name: HONEYPOT_FIELD, value: "https://spam.example", asFile: false });
    return wellFormed(encode(raw, how));
  });

export interface World {
  /** Every send fails with this, as in an outage; null: the mailer is healthy. */
  failure: MailFailure | null;
  storeDown: boolean;
}

/** Property D: valid and invalid enquiries while the mail API and the store come and go. */
export const deliverySamples = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: pooledEnquiry }, { weight: 2, arbitrary: enquirySamples }),
  fc.record({
    failure: fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.constantFrom(...FAILURES) },
    ),
    storeDown: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  }),
);
