/**
 * A built enquiry page made ready to fill without parsing it: its markup in order, with the
 * few elements the enquiry function may change (the slots of page-slots.ts, the form's
 * controls, anything with an id, the title) kept apart as their name and attributes. The build
 * makes one of each page the function answers with (page-template-builder.ts); the function
 * changes attributes and text here and writes the page out as one string.
 *
 * It writes HTML exactly as linkedom did when the function filled the page with it, so every
 * answer keeps the bytes it had: attributes in double quotes with only `"` escaped, an empty
 * boolean attribute bare, new attributes first, text with `&`, `<`, `>` and no-break spaces
 * escaped, and the text of a title or text area as it is.
 * tests/built/enquiry-templates.built.test.ts holds the two side by side.
 */

/** A place the function may change: an element's start tag, or the whole element. */
export interface TemplateElement {
  /** The tag name, in lower case. */
  name: string;
  /** In page order, values as the browser reads them (no character references left). */
  attributes: [name: string, value: string][];
  /** The index of the last element inside this one (its own index when none is). */
  last: number;
  /**
   * How it is written out: "tag" only its start tag (the rest of it is in the markup around
   * it); "text" the whole element, its content as `html` (text may replace it); "raw" the
   * whole element, its text as it is (a title or text area).
   */
  mode: "tag" | "text" | "raw";
  /** Its content as HTML ("text") or as text ("raw"). */
  content?: string;
}

/** An element's place in the markup: `{ element: n }` is elements[n], written out. */
export type TemplatePart = string | { element: number };

export interface PageTemplate {
  parts: TemplatePart[];
  elements: TemplateElement[];
}

/** Every page the function answers with, by path, ready to fill. */
export type PageTemplates<Path extends string = string> = Readonly<Record<Path, PageTemplate>>;

/** Written bare when empty, as linkedom writes them (its `emptyAttributes`). */
const BARE_WHEN_EMPTY = new Set([
  "allowfullscreen",
  "allowpaymentrequest",
  "async",
  "autofocus",
  "autoplay",
  "checked",
  "class",
  "contenteditable",
  "controls",
  "default",
  "defer",
  "disabled",
  "draggable",
  "formnovalidate",
  "hidden",
  "id",
  "ismap",
  "itemscope",
  "loop",
  "multiple",
  "muted",
  "nomodule",
  "novalidate",
  "open",
  "playsinline",
  "readonly",
  "required",
  "reversed",
  "selected",
  "style",
  "truespeed",
]);
/** And these three, when empty, are left out altogether. */
const DROPPED_WHEN_EMPTY = new Set(["id", "class", "style"]);

export const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "menuitem",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/** Elements whose text is written as it is, not escaped. */
export const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title"]);

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\u00a0": "&#160;" };

/** Text as HTML: `&`, `<`, `>` and the no-break space escaped. */
export const escapeText = (text: string): string => text.replace(/[&<>\u00a0]/g, (c) => TEXT_ESCAPES[c] ?? c);

export function startTag(name: string, attributes: readonly (readonly [string, string])[]): string {
  let tag = `<${name}`;
  for (const [attribute, value] of attributes) {
    if (value === "" && BARE_WHEN_EMPTY.has(attribute)) {
      if (!DROPPED_WHEN_EMPTY.has(attribute)) tag += ` ${attribute}`;
    } else {
      tag += ` ${attribute}="${value.replace(/"/g, "&quot;")}"`;
    }
  }
  return `${tag}>`;
}

/** A title, text area, script or style: its text goes in as it is, at the first "><". */
export function rawTextElement(name: string, attributes: readonly (readonly [string, string])[], text: string) {
  return `${startTag(name, attributes)}</${name}>`.replace("><", () => `>${text}<`);
}

function writeElement(element: TemplateElement): string {
  switch (element.mode) {
    case "tag":
      return startTag(element.name, element.attributes);
    case "text":
      return `${startTag(element.name, element.attributes)}${element.content ?? ""}</${element.name}>`;
    case "raw":
      return rawTextElement(element.name, element.attributes, element.content ?? "");
  }
}

/** A template's page as HTML, as it stands. */
export function writePage(template: PageTemplate): string {
  let html = "";
  for (const part of template.parts)
    html += typeof part === "string" ? part : writeElement(template.elements[part.element]!);
  return html;
}

/**
 * One page being filled: a copy of the template's elements, changed as a DOM would change
 * them, then written out. `find` and `within` stand in for querySelector: every element that
 * carries a slot, a name inside the form, or an id is kept, in page order.
 */
export class PageInFill {
  readonly #template: PageTemplate;
  readonly #elements: TemplateElement[];

  constructor(template: PageTemplate) {
    this.#template = template;
    this.#elements = template.elements.map((element) => ({
      ...element,
      attributes: element.attributes.map(([name, value]): [string, string] => [name, value]),
    }));
  }

  /** The first element (after `inside`, and inside it) with the attribute, or with that value. */
  find(attribute: string, value?: string, inside?: number): number | undefined {
    const from = inside === undefined ? 0 : inside + 1;
    const to = inside === undefined ? this.#elements.length - 1 : this.#elements[inside]!.last;
    for (let index = from; index <= to; index++) {
      const found = this.attribute(index, attribute);
      if (found !== null && (value === undefined || found === value)) return index;
    }
    return undefined;
  }

  /** Every element inside `inside` with the attribute at that value. */
  findAll(attribute: string, value: string, inside: number): number[] {
    const found: number[] = [];
    for (let index = inside + 1; index <= this.#elements[inside]!.last; index++) {
      if (this.attribute(index, attribute) === value) found.push(index);
    }
    return found;
  }

  /** The first element with this tag name. */
  findTag(name: string): number | undefined {
    const index = this.#elements.findIndex((element) => element.name === name);
    return index === -1 ? undefined : index;
  }

  nameOf(index: number): string {
    return this.#elements[index]!.name;
  }

  attribute(index: number, name: string): string | null {
    return this.#elements[index]!.attributes.find(([attribute]) => attribute === name)?.[1] ?? null;
  }

  /** Changes it where it is; a new attribute goes first, as linkedom puts it. */
  setAttribute(index: number, name: string, value: string): void {
    const { attributes } = this.#elements[index]!;
    const found = attributes.find(([attribute]) => attribute === name);
    if (found) found[1] = value;
    else attributes.unshift([name, value]);
  }

  removeAttribute(index: number, name: string): void {
    const { attributes } = this.#elements[index]!;
    const at = attributes.findIndex(([attribute]) => attribute === name);
    if (at !== -1) attributes.splice(at, 1);
  }

  toggleAttribute(index: number, name: string, force: boolean): void {
    if (this.attribute(index, name) !== null) {
      if (!force) this.removeAttribute(index, name);
    } else if (force) {
      this.setAttribute(index, name, "");
    }
  }

  /** classList.add: the classes once each, in order, then the new one. */
  addClass(index: number, name: string): void {
    const classes = new Set((this.attribute(index, "class") ?? "").split(/\s+/).filter(Boolean));
    classes.add(name);
    this.setAttribute(index, "class", [...classes].join(" "));
  }

  /** textContent: the element's content becomes this text. */
  setText(index: number, text: string): void {
    const element = this.#elements[index]!;
    if (element.mode === "tag") throw new Error(`The template cannot change the text of this <${element.name}>.`);
    element.content = element.mode === "raw" ? text : escapeText(text);
  }

  /** The text of a title or text area. */
  rawText(index: number): string {
    const element = this.#elements[index]!;
    if (element.mode !== "raw") throw new Error(`The template keeps no text for this <${element.name}>.`);
    return element.content ?? "";
  }

  html(): string {
    return writePage({ parts: this.#template.parts, elements: this.#elements });
  }
}
