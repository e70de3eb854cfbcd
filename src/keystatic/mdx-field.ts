/**
 * The page text field: Keystatic's MDX editor with our building blocks, plus the few rewrites
 * that keep a page as the site writes it, so that opening and saving a page changes no meaning:
 *
 * - `<EnquiryLink />` (the link with its default words) has no children, which Keystatic's marks
 *   cannot hold, so it is opened as the link around its default words and saved back as it was.
 * - A one-line `<Warning>Text.</Warning>` renders its text with no paragraph around it, but
 *   Keystatic reads only block warnings, so it is opened as a block and a warning of one
 *   paragraph is saved on one line again (the site's own way of writing a short warning).
 * - Lists keep `-` bullets and the text starts after one empty line, as the pages are written.
 *
 * Everything else is Keystatic's own MDX output (tests/built/keystatic-round-trip.built.test.ts proves that
 * every page still builds to the same HTML after a round trip).
 */
import { fields } from "@keystatic/core";
import { editorComponents } from "./content-components.ts";
import { en } from "../i18n/strings/en.ts";

/** The words <EnquiryLink /> shows by default: the <slot> fallback in EnquiryLink.astro. */
export const ENQUIRY_LINK_DEFAULT_WORDS = en.enquiryLink;

const SELF_CLOSING_ENQUIRY_LINK = /<EnquiryLink\s*\/>/g;
const DEFAULT_ENQUIRY_LINK = new RegExp(`<EnquiryLink>${ENQUIRY_LINK_DEFAULT_WORDS}</EnquiryLink>`, "g");
/** A warning alone on its line, its text between the tags. */
const ONE_LINE_WARNING = /^( *)<Warning>([^\n]*\S)<\/Warning>[ \t]*$/gm;
/** A warning as Keystatic writes it when it holds one line of text (which is one paragraph). */
const ONE_PARAGRAPH_WARNING = /^( *)<Warning>\n\1 {2}([^\n*\-+#>\d<\s][^\n]*)\n\1<\/Warning>$/gm;
/** A list item as Keystatic writes it (mdast-util-to-markdown's default bullet). */
const STAR_BULLET = /^( *)\* /gm;

/** The page as the editor should read it. */
export function toEditorMdx(text: string): string {
  return text
    .replace(SELF_CLOSING_ENQUIRY_LINK, `<EnquiryLink>${ENQUIRY_LINK_DEFAULT_WORDS}</EnquiryLink>`)
    .replace(ONE_LINE_WARNING, "$1<Warning>\n\n$1$2\n\n$1</Warning>");
}

/** The editor's output, written as the site's pages are. */
export function fromEditorMdx(text: string): string {
  const written = text
    .replace(DEFAULT_ENQUIRY_LINK, "<EnquiryLink />")
    .replace(ONE_PARAGRAPH_WARNING, "$1<Warning>$2</Warning>")
    .replace(STAR_BULLET, "$1- ");
  return written.startsWith("\n") ? written : `\n${written}`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function pageTextField() {
  const field = fields.mdx({
    label: "Page",
    extension: "mdx",
    components: editorComponents,
    // The site's pages use ## and ### (the title is the only #), and show no code, tables or images yet.
    options: { heading: [2, 3, 4], codeBlock: false, code: false, image: false, table: false, divider: false },
  });
  return {
    ...field,
    parse: ((value, args) =>
      field.parse(value, {
        ...args,
        content: encoder.encode(toEditorMdx(decoder.decode(args.content))),
      })) satisfies typeof field.parse,
    serialize: ((value, args) => {
      const out = field.serialize(value, args);
      return out.content ? { ...out, content: encoder.encode(fromEditorMdx(decoder.decode(out.content))) } : out;
    }) satisfies typeof field.serialize,
  };
}
