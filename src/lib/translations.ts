/**
 * The translations this build publishes, and how each stands against its English page: the
 * site's side of src/i18n/fingerprint.ts. A page's alternates and notices come from here.
 */
import { readFileSync } from "node:fs";
import { getCollection, type CollectionEntry } from "astro:content";
import { pageFingerprint } from "../i18n/fingerprint.ts";
import { isTranslation, LANGUAGES, pathIn, type LanguageCode, type TranslationCode } from "../i18n/languages.ts";
import { getPublishedPages, SHOW_DRAFTS } from "./navigation.ts";

export interface Alternate {
  code: LanguageCode;
  href: string;
}

/** A translation's language and the id of the English page it translates: "pl/contact-us". */
export function translationKey(entry: CollectionEntry<"translations">): { code: TranslationCode; id: string } {
  const [code = "", ...rest] = entry.id.split("/");
  if (!isTranslation(code)) throw new Error(`${entry.id} is not in a translation's folder.`);
  return { code, id: rest.join("/") || "index" };
}

export async function getPublishedTranslations(): Promise<CollectionEntry<"translations">[]> {
  const english = new Set((await getPublishedPages()).map((page) => page.id));
  const translations = await getCollection("translations", (entry) => SHOW_DRAFTS || !entry.data.draft);
  for (const entry of translations) {
    const { id } = translationKey(entry);
    if (!english.has(id)) throw new Error(`${entry.filePath} translates content/${id}.mdx, which is not published.`);
  }
  return translations;
}

/** Every language a page is in, English first, each with its address. */
export async function alternatesOf(id: string): Promise<Alternate[]> {
  const translated = (await getPublishedTranslations()).map(translationKey).filter((key) => key.id === id);
  const codes = Object.keys(LANGUAGES).filter(
    (code) => code === "en" || translated.some((key) => key.code === code),
  ) as LanguageCode[];
  const slug = id === "index" ? "" : id;
  return codes.map((code) => ({ code, href: pathIn(code, slug) }));
}

/** Whether the English page has changed since the translation was made. */
export function isOutOfDate(translation: CollectionEntry<"translations">, english: CollectionEntry<"pages">): boolean {
  if (!english.filePath) throw new Error(`No file for the English page ${english.id}.`);
  return pageFingerprint(readFileSync(english.filePath, "utf8")) !== translation.data.translation.from;
}
