/**
 * Turns a built enquiry page into a template (page-template.ts): a string scanner that reads
 * the page once, at build time (and under `npm start`, from the dev server), writes its markup
 * out as linkedom wrote it, and keeps apart the elements the enquiry function may change:
 *
 * - every element carrying a slot attribute from page-slots.ts;
 * - every element with a `name` inside the page's first form, and that form;
 * - every element with an id (a field's message is tied to the element with the field's id);
 * - the title in the head.
 *
 * A slot whose text the function writes (an error message, the submit button, the reference)
 * and every title or text area is kept whole; the others keep only their start tag.
 *
 * `strict` (the build) refuses anything it cannot write out exactly as linkedom would: a
 * character reference it does not know, a tag closed out of order, a self-closing tag that is
 * not a void element, SVG, MathML or a template. The dev server's pages are read leniently.
 */
import { SLOT } from "./page-slots.ts";
import {
  escapeText,
  rawTextElement,
  RAW_TEXT_ELEMENTS,
  startTag,
  VOID_ELEMENTS,
  type PageTemplate,
  type TemplateElement,
  type TemplatePart,
} from "./page-template.ts";

/** A page served as it was built, with nothing to fill: a problem page. */
export const verbatimTemplate = (html: string): PageTemplate => ({ parts: [html], elements: [] });

const SLOT_ATTRIBUTES = new Set<string>(Object.values(SLOT));
/** Slots whose text the function writes. */
const TEXT_SLOTS = [SLOT.errorText, SLOT.submitButton, SLOT.reference];
/** Parsed differently by linkedom's parser, or written differently by it: refused when strict. */
const UNSUPPORTED = new Set(["svg", "math", "template", "xmp", "plaintext", "basefont", "command", "frame", "isindex"]);
const REFERENCE = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)?/g;
const NAMED_REFERENCES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

export class TemplateBuildError extends Error {
  override name = "TemplateBuildError";
}

interface Open {
  name: string;
  /** Its index among the kept elements, when kept. */
  kept?: number;
  /** Where its content is written while it is a "text" element being read. */
  capture?: string[];
}

export function buildPageTemplate(html: string, { strict = true }: { strict?: boolean } = {}): PageTemplate {
  const parts: TemplatePart[] = [];
  const elements: TemplateElement[] = [];
  const open: Open[] = [];
  let literal = "";
  let formSeen = false;
  let formDepth = -1;
  let titleSeen = false;
  let at = 0;

  const fail = (message: string): never => {
    const line = html.slice(0, at).split("\n").length;
    throw new TemplateBuildError(`${message} (line ${line} of the page).`);
  };
  /** The innermost "text" element being read, if any: markup goes into its content. */
  const capturing = () => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.capture) return open[i]!.capture;
    return undefined;
  };
  const write = (markup: string) => {
    const capture = capturing();
    if (capture) capture.push(markup);
    else literal += markup;
  };
  const place = (index: number) => {
    if (literal) parts.push(literal);
    literal = "";
    parts.push({ element: index });
  };

  /**
   * Reads the character references in text or an attribute value. Each piece of plain text
   * and each reference read goes through `write`; a reference it does not know goes through
   * `keep` as it was written (strictly, it is refused instead).
   */
  const readReferences = (text: string, write: (text: string) => string, keep: (reference: string) => string) => {
    let result = "";
    let from = 0;
    for (const match of text.matchAll(REFERENCE)) {
      result += write(text.slice(from, match.index));
      from = match.index + match[0].length;
      const body = match[1];
      const known = body === undefined ? "&" : readReference(body);
      if (known !== undefined) result += write(known);
      else if (strict) fail(`Cannot read the character reference ${match[0]}`);
      else result += keep(match[0]);
    }
    return result + write(text.slice(from));
  };
  const same = (text: string) => text;
  /** An attribute's value (or a title's text), as the browser reads it. */
  const decode = (text: string) => readReferences(text, same, same);
  /** Text as linkedom writes it out: read, then escaped; an unknown reference left for the browser. */
  const textAsHtml = (text: string) => readReferences(text, escapeText, same);

  while (at < html.length) {
    const next = html.indexOf("<", at);
    if (next === -1 || next > at) {
      const end = next === -1 ? html.length : next;
      write(textAsHtml(html.slice(at, end)));
      at = end;
      continue;
    }
    if (html.startsWith("<!--", at)) {
      const end = html.indexOf("-->", at + 4);
      if (end === -1) fail("A comment is never closed");
      write(`<!--${html.slice(at + 4, end)}-->`);
      at = end + 3;
      continue;
    }
    if (html.startsWith("<!", at)) {
      const doctype = /^<!doctype\s+html\s*>/i.exec(html.slice(at, at + 64));
      if (!doctype) fail("Only <!DOCTYPE html> may start with <!");
      write("<!DOCTYPE html>");
      at += doctype![0].length;
      continue;
    }
    if (html.startsWith("</", at)) {
      const end = /^<\/([A-Za-z][^\s/>]*)\s*>/.exec(html.slice(at, at + 256));
      if (end) {
        at += end[0].length;
        close(end[1]!.toLowerCase());
        continue;
      }
      if (strict) fail("A broken end tag");
      write(escapeText("<"));
      at += 1;
      continue;
    }
    if (!/[A-Za-z]/.test(html[at + 1] ?? "")) {
      if (strict) fail('A "<" that starts no tag');
      write(escapeText("<"));
      at += 1;
      continue;
    }
    readStartTag();
  }
  if (open.length > 0 && strict) fail(`<${open.at(-1)!.name}> is never closed`);
  while (open.length > 0) close(open.at(-1)!.name);
  if (literal) parts.push(literal);
  return { parts, elements };

  function readStartTag() {
    const name = /^<([A-Za-z][^\s/>]*)/.exec(html.slice(at, at + 128))![1]!.toLowerCase();
    at += name.length + 1;
    const attributes: [string, string][] = [];
    let selfClosing = false;
    for (;;) {
      while (/\s/.test(html[at] ?? "")) at += 1;
      if (at >= html.length) fail(`<${name}> is never finished`);
      if (html[at] === ">") {
        at += 1;
        break;
      }
      if (html.startsWith("/>", at)) {
        selfClosing = true;
        at += 2;
        break;
      }
      if (html[at] === "/") {
        if (strict) fail(`A stray "/" in <${name}>`);
        at += 1;
        continue;
      }
      const attribute = /^[^\s/>=]+/.exec(html.slice(at))![0];
      at += attribute.length;
      while (/\s/.test(html[at] ?? "")) at += 1;
      let value = "";
      if (html[at] === "=") {
        at += 1;
        while (/\s/.test(html[at] ?? "")) at += 1;
        const quote = html[at];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, at + 1);
          if (end === -1) fail(`An attribute of <${name}> is never closed`);
          value = html.slice(at + 1, end);
          at = end + 1;
        } else {
          value = /^[^\s>]*/.exec(html.slice(at))![0];
          at += value.length;
        }
      }
      if (attributes.some(([seen]) => seen === attribute)) {
        if (strict) fail(`<${name}> has ${attribute} twice`);
        continue; // The first one counts, as in linkedom's parser.
      }
      attributes.push([attribute, decode(value)]);
    }
    if (UNSUPPORTED.has(name) && strict) fail(`<${name}> is not supported in a template`);
    const isVoid = VOID_ELEMENTS.has(name);
    if (selfClosing && !isVoid && strict) fail(`<${name}/> is not a void element`);
    openElement(name, attributes, isVoid);
  }

  function openElement(name: string, attributes: [string, string][], isVoid: boolean) {
    const has = (attribute: string) => attributes.some(([seen]) => seen === attribute);
    const inHead = open.some((element) => element.name === "head");
    const isTitle = name === "title" && inHead && !titleSeen;
    const isForm = name === "form" && !formSeen;
    const keep =
      isTitle ||
      isForm ||
      has("id") ||
      attributes.some(([attribute]) => SLOT_ATTRIBUTES.has(attribute)) ||
      (formDepth !== -1 && has("name"));
    if (isTitle) titleSeen = true;

    if (RAW_TEXT_ELEMENTS.has(name)) {
      // Its text runs to its end tag and is never markup; a title's references are read.
      const end = new RegExp(`</${name}[\\s>]`, "i").exec(html.slice(at));
      if (!end) fail(`<${name}> is never closed`);
      const source = html.slice(at, at + end!.index);
      const text = name === "title" ? decode(source) : source;
      at += end!.index;
      const closing = /^<\/[^>]*>/.exec(html.slice(at));
      at += closing![0].length;
      if (keep) {
        keepElement({ name, attributes, last: elements.length, mode: "raw", content: text });
        elements.at(-1)!.last = elements.length - 1;
      } else {
        write(rawTextElement(name, attributes, text));
      }
      return;
    }

    const textSlot = TEXT_SLOTS.some(has);
    if (textSlot && isVoid) fail(`<${name}> is void, so it cannot hold a slot's text`);
    if (!keep) {
      write(startTag(name, attributes));
      if (!isVoid) open.push({ name });
      return;
    }
    const index = keepElement({ name, attributes, last: elements.length, mode: textSlot ? "text" : "tag" });
    if (isForm) {
      formSeen = true;
      formDepth = open.length;
    }
    if (isVoid) return;
    open.push(textSlot ? { name, kept: index, capture: [] } : { name, kept: index });
  }

  function keepElement(element: TemplateElement): number {
    if (capturing()) fail(`<${element.name}> is inside a slot whose text the function replaces`);
    elements.push(element);
    place(elements.length - 1);
    return elements.length - 1;
  }

  function close(name: string) {
    if (VOID_ELEMENTS.has(name)) {
      if (strict) fail(`</${name}> closes a void element`);
      return;
    }
    let depth = open.length - 1;
    while (depth >= 0 && open[depth]!.name !== name) depth -= 1;
    if (depth !== open.length - 1 && strict) {
      fail(`</${name}> closes ${open.length ? `<${open.at(-1)!.name}>` : "nothing"}`);
    }
    if (depth === -1) return; // Nothing to close: dropped, as linkedom's parser drops it.
    while (open.length > depth) {
      const element = open.pop()!;
      if (formDepth === open.length) formDepth = -1;
      if (element.kept !== undefined) {
        const kept = elements[element.kept]!;
        kept.last = elements.length - 1;
        if (element.capture) kept.content = element.capture.join("");
        else write(`</${element.name}>`);
      } else {
        write(`</${element.name}>`);
      }
    }
  }
}

/** A character reference's text, when it is one linkedom's parser reads the same way. */
function readReference(body: string): string | undefined {
  if (!body.endsWith(";")) return undefined;
  const name = body.slice(0, -1);
  if (name.startsWith("#")) {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // Zero, surrogates, C1 controls and beyond Unicode are read differently by each parser.
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x80 && code <= 0x9f)) {
      return undefined;
    }
    return String.fromCodePoint(code);
  }
  return NAMED_REFERENCES[name];
}
