/**
 * The languages the site is written in: English, and the translations of its main pages. Each
 * language's code is its address prefix (/pl/…) and its Astro locale; English has no prefix.
 * Adding one: docs/translations.md.
 */
export const LANGUAGES = {
  en: { tag: "en-GB", dir: "ltr", name: "English", englishName: "English", thousands: "," },
  pl: { tag: "pl", dir: "ltr", name: "Polski", englishName: "Polish", thousands: "" },
  ro: { tag: "ro", dir: "ltr", name: "Română", englishName: "Romanian", thousands: "" },
  ur: { tag: "ur", dir: "rtl", name: "اردو", englishName: "Urdu", thousands: "," },
  pa: { tag: "pa", dir: "ltr", name: "ਪੰਜਾਬੀ", englishName: "Panjabi", thousands: "," },
} as const satisfies Record<string, Language>;

export interface Language {
  /** For lang and hreflang: BCP 47. */
  tag: string;
  dir: "ltr" | "rtl";
  /** The language's name in itself, as its readers look for it. */
  name: string;
  /** Its name in English, as a caller says it to ask for an interpreter. */
  englishName: string;
  /**
   * What groups the thousands of a count such as a character limit: 3,000 in English; Polish
   * and Romanian write 3000, as a comma there marks decimals.
   */
  thousands: "," | "";
}

/** A whole number as a language's readers read it in a hint or message. */
export const countIn = (code: LanguageCode, value: number): string =>
  String(value).replace(/\B(?=(\d{3})+(?!\d))/g, LANGUAGES[code].thousands);

export type LanguageCode = keyof typeof LANGUAGES;
export const DEFAULT_LANGUAGE = "en" satisfies LanguageCode;
/** The translations, in the order the header lists them. */
export const TRANSLATIONS = ["pl", "ro", "ur", "pa"] as const satisfies readonly Exclude<LanguageCode, "en">[];
export type TranslationCode = (typeof TRANSLATIONS)[number];

export const isTranslation = (code: string | undefined): code is TranslationCode =>
  (TRANSLATIONS as readonly string[]).includes(code ?? "");

/** The language of an address: its first segment when that is a translation's code, else English. */
export function languageOfPath(pathname: string): LanguageCode {
  const first = pathname.split("/")[1];
  return isTranslation(first) ? first : DEFAULT_LANGUAGE;
}

/** A page's address in a language: slug "" is the home page. */
export function pathIn(code: LanguageCode, slug: string): string {
  const prefix = code === DEFAULT_LANGUAGE ? "" : `/${code}`;
  return slug === "" ? `${prefix}/` : `${prefix}/${slug}/`;
}

/** The slug of an address in any language: /pl/contact-us/ and /contact-us/ are both "contact-us". */
export function slugOfPath(pathname: string): string {
  const parts = pathname.split("/").filter(Boolean);
  if (isTranslation(parts[0])) parts.shift();
  return parts.join("/");
}
