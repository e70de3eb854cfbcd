import { getCollection, type CollectionEntry } from "astro:content";
import { DEFAULT_LANGUAGE, LANGUAGES, pathIn, type LanguageCode } from "../i18n/languages.ts";
import { getPublishedTranslations, translationKey } from "./translations.ts";

/**
 * Draft pages show in `npm start` and in Netlify's deploy previews, so editors can see their
 * work, and never on the live site (or in the build the tests check).
 */
export const SHOW_DRAFTS =
  import.meta.env.DEV || ["deploy-preview", "branch-deploy"].includes(process.env["CONTEXT"] ?? "");

/** The pages this build publishes. */
export async function getPublishedPages(): Promise<CollectionEntry<"pages">[]> {
  return getCollection("pages", (entry) => SHOW_DRAFTS || !entry.data.draft);
}

export interface NavigationLink {
  href: string;
  label: string;
  /** Set when the link leads to a page in another language than the menu's: English. */
  hreflang?: string;
}

/** The address a content file is published at: content/index.mdx is the home page. */
export function pageHref(entry: CollectionEntry<"pages">): string {
  return entry.id === "index" ? "/" : `/${entry.id}/`;
}

interface Placed {
  href: string;
  order: number;
  label: string;
  id: string;
}

function placedIn(
  menu: "main" | "footer",
  entries: { id: string; href: string; data: CollectionEntry<"pages">["data"] }[],
) {
  return entries.flatMap(({ id, href, data }): Placed[] => {
    const place = data.navigation;
    return place && place.menu === menu ? [{ id, href, order: place.order, label: place.label ?? data.title }] : [];
  });
}

const byOrder = (a: Placed, b: Placed) => a.order - b.order || a.label.localeCompare(b.label);

/**
 * A menu built from the pages' frontmatter, so adding a page never means editing a list. In a
 * translation the menu holds its language's pages; an English page that has no translation in
 * that language keeps its place, in English, marked with hreflang.
 */
export async function getMenu(
  menu: "main" | "footer",
  code: LanguageCode = DEFAULT_LANGUAGE,
): Promise<NavigationLink[]> {
  const english = placedIn(
    menu,
    (await getPublishedPages()).map((entry) => ({ id: entry.id, href: pageHref(entry), data: entry.data })),
  );
  if (code === DEFAULT_LANGUAGE) return english.sort(byOrder).map(({ href, label }) => ({ href, label }));
  const translated = placedIn(
    menu,
    (await getPublishedTranslations())
      .map((entry) => ({ entry, key: translationKey(entry) }))
      .filter(({ key }) => key.code === code)
      .map(({ entry, key }) => ({
        id: key.id,
        href: pathIn(code, key.id === "index" ? "" : key.id),
        data: entry.data,
      })),
  );
  const untranslated = english.filter((page) => !translated.some((other) => other.id === page.id));
  return [
    ...translated.sort(byOrder).map(({ href, label }) => ({ href, label })),
    ...untranslated.sort(byOrder).map(({ href, label }) => ({ href, label, hreflang: LANGUAGES.en.tag })),
  ];
}
