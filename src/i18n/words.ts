/**
 * Words said in every language, side by side: a question on the form, its options and its error
 * messages each hold one of these, so the words of a thing are defined with it, once. Kept free
 * of the components' strings, so the enquiry function carries only what it says.
 */
import type { LanguageCode } from "./languages.ts";

export type Words = Readonly<Record<LanguageCode, string>>;

/** Fills {name} slots in a string. */
export const fill = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
