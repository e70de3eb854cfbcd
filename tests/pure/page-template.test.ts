/**
 * The template builder (src/lib/enquiry/page-template-builder.ts) on small pages: what it keeps,
 * that it writes markup out as linkedom did, and what it refuses to read when building for
 * real. tests/built/enquiry-templates.built.test.ts holds it against every built page.
 */
import { describe, expect, it } from "vitest";
import { PageInFill, writePage } from "../../src/lib/enquiry/page-template.ts";
import { buildPageTemplate, TemplateBuildError } from "../../src/lib/enquiry/page-template-builder.ts";
import { linkedomWrites } from "../support/linkedom-pages.ts";

const page = (body: string, head = "<title>A &amp; B</title>") =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe("writing a page out", () => {
  it.each([
    ["boolean and empty attributes", '<div hidden data-x class="" id="" style="" tabindex="-1"></div>'],
    [
      "character references in text and attributes",
      '<p title="&quot;&amp;&lt;&#39;&#x27;&nbsp;">a &amp; b &lt;c&gt; &#169;&nbsp;d &apos;</p>',
    ],
    ["a bare ampersand", "<p>Tom & Jerry &amp;&</p>"],
    [
      "raw text in scripts, styles and text areas",
      '<script>if (a && b < c) x = "&amp;";</script><style>a>b{}</style><form><textarea name="m">&amp; <b></textarea></form>',
    ],
    ["comments and void elements", '<!-- note --><br><img src="x.png" alt=""><input name="a" value="1">'],
    ["quotes in attributes", `<a href='/x?a="b"' title=unquoted>x</a>`],
  ])("%s, as linkedom wrote them", (_, body) => {
    const html = page(body);
    expect(writePage(buildPageTemplate(html))).toBe(linkedomWrites(html));
  });
});

describe("what it keeps apart", () => {
  const template = buildPageTemplate(
    page(
      '<p id="intro">Hi</p><div data-error-summary hidden><a data-error-text href="#x">Fix x</a></div>' +
        '<form><input name="x" id="x"><textarea name="y"></textarea><button data-submit-button>Send</button></form>' +
        '<input name="outside">',
    ),
  );

  it("keeps the title, slots, the form, its named controls and anything with an id, in page order", () => {
    expect(template.elements.map(({ name, mode }) => `${name} ${mode}`)).toEqual([
      "title raw",
      "p tag",
      "div tag",
      "a text",
      "form tag",
      "input tag",
      "textarea raw",
      "button text",
    ]);
    // The form holds the next three; the summary holds its link.
    expect(template.elements[4]!.last).toBe(7);
    expect(template.elements[2]!.last).toBe(3);
  });

  it("changes attributes and text as a DOM would, and writes the page out", () => {
    const filled = new PageInFill(template);
    filled.removeAttribute(2, "hidden");
    filled.setAttribute(2, "autofocus", "");
    filled.setText(3, "Enter <x> & go");
    filled.setText(0, `Error: ${filled.rawText(0)}`);
    filled.addClass(5, "wide");
    expect(filled.html()).toContain(
      '<div autofocus data-error-summary=""><a data-error-text="" href="#x">Enter &lt;x&gt; &amp; go</a></div>',
    );
    expect(filled.html()).toContain("<title>Error: A & B</title>");
    expect(filled.html()).toContain('<input class="wide" name="x" id="x">');
    // The template itself is as it was.
    expect(writePage(template)).toContain('<div data-error-summary="" hidden>');
  });
});

describe("what it refuses when building for real", () => {
  it.each([
    ["an unknown character reference", "<p>&copy;</p>"],
    ["a reference without its semicolon", "<p>&amp x</p>"],
    ["a tag closed out of order", "<div><p></div></p>"],
    ["a tag never closed", "<div>"],
    ["a self-closing tag that is not void", "<div/>"],
    ["SVG", '<svg><path d=""/></svg>'],
    ["a stray <", "<p>1 < 2</p>"],
    ["an attribute twice", '<p class="a" class="b"></p>'],
    ["markup inside a slot whose text is replaced", '<a data-error-text><span id="s">x</span></a>'],
  ])("%s", (_, body) => {
    expect(() => buildPageTemplate(page(body))).toThrow(TemplateBuildError);
  });

  it("reads the dev server's pages leniently", () => {
    const html = page('<p>&copy; 1 < 2</p><div><span>unclosed</div><svg><path d=""/></svg>');
    expect(writePage(buildPageTemplate(html, { strict: false }))).toContain("<p>&copy; 1 &lt; 2</p>");
  });
});
