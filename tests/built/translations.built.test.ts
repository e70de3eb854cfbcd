/**
 * The translated pages as built: each page's language and direction, the alternates that tie
 * every language of a page together (both ways, and x-default), the header's language links,
 * the quick exit in the page's words, and the notices a translated page carries.
 */
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { LANGUAGES, languageOfPath, TRANSLATIONS } from "../../src/i18n/languages.ts";
import { uiFor } from "../../src/i18n/ui.ts";
import { MORE_LANGUAGES } from "../../src/i18n/interpreter-help-more.ts";
import { TRANSLATION_HELP_ID } from "../../src/components/translation-notice.ts";
import { builtFile, builtPagePaths } from "../../tools/project/site-pages.ts";
import { ENQUIRY_PAGES, enquiryPageIn, type EnglishEnquiryPage } from "../../src/lib/enquiry/enquiry-pages.ts";

const SITE = "https://restorativejustice-westmercia.netlify.app";
const paths = builtPagePaths();
const documentFor = (path: string) => parseHTML(readFileSync(builtFile(path), "utf8")).document;
/** A page's alternates, by hreflang, as site paths. */
function alternatesOf(path: string): Map<string, string> {
  const links = [...documentFor(path).querySelectorAll('link[rel="alternate"][hreflang]')];
  return new Map(
    links.map((link) => [link.getAttribute("hreflang")!, new URL(link.getAttribute("href")!).pathname] as const),
  );
}

/**
 * The answers to a sent form are never in search results, so they name no alternates; their
 * language links still lead to the same answer in each language.
 */
function answerPageIn(path: string, tag: string): string | undefined {
  const code = languageOfPath(path);
  const english = (code === "en" ? path : path.slice(code.length + 1)) as EnglishEnquiryPage;
  const other = Object.entries(LANGUAGES).find(([, language]) => language.tag === tag)?.[0] as keyof typeof LANGUAGES;
  const there = enquiryPageIn(other, english);
  return ENQUIRY_PAGES.includes(english) && ENQUIRY_PAGES.includes(there) ? there : undefined;
}

describe("every built page", () => {
  it("includes the translations, in every language", () => {
    for (const code of TRANSLATIONS) expect(paths, code).toContain(`/${code}/`);
  });

  it.each(paths)("%s has the lang and dir of its language", (path) => {
    const html = documentFor(path).documentElement;
    const language = LANGUAGES[languageOfPath(path)];
    expect([html.getAttribute("lang"), html.getAttribute("dir")]).toEqual([language.tag, language.dir]);
  });

  it("names its alternates both ways: each language of a page lists every other, itself and x-default", () => {
    const problems: string[] = [];
    let pagesWithAlternates = 0;
    for (const path of paths) {
      const alternates = alternatesOf(path);
      if (alternates.size === 0) continue;
      pagesWithAlternates += 1;
      const own = LANGUAGES[languageOfPath(path)].tag;
      if (alternates.get(own) !== path) problems.push(`${path} does not list itself as ${own}`);
      if (alternates.get("x-default") !== alternates.get(LANGUAGES.en.tag)) {
        problems.push(`${path}: x-default is not the English page`);
      }
      for (const [hreflang, other] of alternates) {
        if (!paths.includes(other)) problems.push(`${path} names ${other}, which was not built`);
        else if (hreflang !== "x-default" && alternatesOf(other).get(own) !== path) {
          problems.push(`${other} does not name ${path} back as ${own}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The seven translated pages and the enquiry form, each in five languages.
    expect(pagesWithAlternates).toBe(8 * (TRANSLATIONS.length + 1));
  });

  it.each(paths)("%s links to every other language in the header, named in it, with lang and hreflang", (path) => {
    const code = languageOfPath(path);
    const links = [...documentFor(path).querySelectorAll(".language-links a[lang]")];
    const named = links.map((link) => [link.textContent, link.getAttribute("lang"), link.getAttribute("hreflang")]);
    const others = Object.values(LANGUAGES).filter((language) => language !== LANGUAGES[code]);
    expect(named).toEqual(others.map((language) => [language.name, language.tag, language.tag]));
    // Each leads to this page in that language when there is one, else to that language's home page.
    const alternates = alternatesOf(path);
    for (const link of links) {
      const href = link.getAttribute("href")!;
      const tag = link.getAttribute("hreflang")!;
      expect(href, tag).toBe(alternates.get(tag) ?? answerPageIn(path, tag) ?? (tag === "en-GB" ? "/" : `/${tag}/`));
    }
  });

  it.each(paths)(
    "%s has the quick exit first, in the page's own words, and every phone number left to right",
    (path) => {
      const document = documentFor(path);
      const ui = uiFor(languageOfPath(path));
      const exit = document.querySelector("body > .quick-exit a[data-quick-exit-link]");
      expect(exit?.textContent).toBe(`${ui.quickExit.link}${ui.quickExit.hint}`);
      expect(document.querySelector("body > .quick-exit")?.getAttribute("aria-label")).toBe(ui.quickExit.regionLabel);
      const phones = [...document.querySelectorAll('a[href^="tel:"]')];
      expect(phones.length).toBeGreaterThan(0);
      expect(phones.filter((phone) => phone.getAttribute("dir") !== "ltr")).toEqual([]);
    },
  );
});

describe.each(TRANSLATIONS)("a page translated into %s", (code) => {
  const ui = uiFor(code);
  const pages = paths.filter((path) => path.startsWith(`/${code}/`));

  it("says it has not yet been checked by a second translator, and how to ask for an interpreter", () => {
    for (const path of pages) {
      const document = documentFor(path);
      // A one-line caption above the heading, linking to the notice in full at the end.
      const caption = document.querySelector("main .translation-status--caption a");
      expect(caption?.textContent?.trim(), path).toBe(ui.translation.unreviewedShort);
      expect(caption?.getAttribute("href"), path).toBe(`#${TRANSLATION_HELP_ID}`);
      expect(document.querySelector("main h1")?.previousElementSibling, path).toBe(caption?.parentElement);
      const help = document.getElementById(TRANSLATION_HELP_ID);
      const words = help?.textContent ?? "";
      expect(words, path).toContain(ui.translation.unreviewed);
      expect(words, path).toContain(LANGUAGES[code].englishName);
      expect(help?.querySelector('a[href^="tel:"]'), path).not.toBeNull();
      // Up to date: nothing says otherwise, and the English page is a link away.
      expect(document.querySelector("main")?.textContent, path).not.toContain(ui.translation.outOfDate);
      const english = [...(help?.querySelectorAll("a") ?? [])].find(
        (a) => a.textContent?.trim() === ui.translation.readInEnglish,
      );
      expect(english?.getAttribute("hreflang"), path).toBe(LANGUAGES.en.tag);
      expect(english?.getAttribute("href"), path).toBe(path.replace(`/${code}/`, "/"));
    }
  });

  it("marks each link to a page in English, in the menus and the text", () => {
    for (const path of pages) {
      const document = documentFor(path);
      const english = [...document.querySelectorAll("main a[href^='/'], footer a[href^='/']")].filter(
        (link) => languageOfPath(link.getAttribute("href")!) === "en",
      );
      for (const link of english) {
        expect(link.getAttribute("hreflang"), `${path}: ${link.outerHTML}`).toBe(LANGUAGES.en.tag);
      }
    }
  });
});

describe("the page for help in other languages", () => {
  it("says how to ask for an interpreter in at least ten languages, each in its own script with lang and dir", () => {
    const sections = [...documentFor("/help-in-your-language/").querySelectorAll("main section[lang]")];
    const languages = sections.map((section) => [section.getAttribute("lang"), section.getAttribute("dir")]);
    expect(languages).toEqual([
      ...TRANSLATIONS.map((code) => [LANGUAGES[code].tag, LANGUAGES[code].dir]),
      ...MORE_LANGUAGES.map((language) => [language.tag, language.dir]),
    ]);
    expect(languages.length).toBeGreaterThanOrEqual(10);
    for (const section of sections) {
      expect(section.querySelector('a[href^="tel:"]'), section.getAttribute("lang")!).not.toBeNull();
    }
  });

  it("is linked from every page's header", () => {
    for (const path of paths) {
      expect(documentFor(path).querySelector('.language-links a[href="/help-in-your-language/"]'), path).not.toBeNull();
    }
  });
});

it("names its alternates at the site's public address", () => {
  const link = documentFor("/pl/").querySelector('link[rel="alternate"][hreflang="x-default"]');
  expect(link?.getAttribute("href")).toBe(`${SITE}/`);
});
