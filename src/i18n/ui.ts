/**
 * The words of the site's own components in a page's language. Components ask with the page's
 * locale (Astro.currentLocale), so a block in a Polish page speaks Polish.
 */
import { DEFAULT_LANGUAGE, isTranslation, LANGUAGES, type LanguageCode } from "./languages.ts";
import { en, type UiStrings } from "./strings/en.ts";
import { pa } from "./strings/pa.ts";
import { pl } from "./strings/pl.ts";
import { ro } from "./strings/ro.ts";
import { ur } from "./strings/ur.ts";

const STRINGS: Record<LanguageCode, UiStrings> = { en, pl, ro, ur, pa };

/** The language of a locale Astro gives (undefined outside i18n routes: English). */
export const languageOf = (locale: string | undefined): LanguageCode =>
  isTranslation(locale) ? locale : DEFAULT_LANGUAGE;

export const uiFor = (locale: string | undefined): UiStrings => STRINGS[languageOf(locale)];

export const languageFor = (locale: string | undefined) => LANGUAGES[languageOf(locale)];

/** Fills {name} slots in a string. */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
