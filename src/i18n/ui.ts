/**
 * The words of the site's own components in a page's language. Components ask with the page's
 * locale (Astro.currentLocale), so a block in a Polish page speaks Polish.
 */
import { DEFAULT_LANGUAGE, isTranslation, LANGUAGES, type LanguageCode, type TranslationCode } from "./languages.ts";
import { en, type UiStrings } from "./strings/en.ts";
import { pa } from "./strings/pa.ts";
import { pl } from "./strings/pl.ts";
import { ro } from "./strings/ro.ts";
import { ur } from "./strings/ur.ts";

const STRINGS: Record<LanguageCode, UiStrings> = { en, pl, ro, ur, pa };

/**
 * Who checked the site's own words in a language (strings/<code>.ts and the enquiry form's
 * words in src/lib/enquiry/), and when. Until then every page made of them, such as the
 * enquiry form, carries the notice that its translation has not been checked.
 */
export const REVIEWED_WORDS: Partial<Record<TranslationCode, { by: string; on: string }>> = {};

/** The language of a locale Astro gives (undefined outside i18n routes: English). */
export const languageOf = (locale: string | undefined): LanguageCode =>
  isTranslation(locale) ? locale : DEFAULT_LANGUAGE;

export const uiFor = (locale: string | undefined): UiStrings => STRINGS[languageOf(locale)];

export const languageFor = (locale: string | undefined) => LANGUAGES[languageOf(locale)];

export { fill } from "./words.ts";
