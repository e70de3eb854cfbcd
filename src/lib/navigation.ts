import { getCollection, type CollectionEntry } from "astro:content";

/**
 * Draft pages show in `npm start` and in Netlify's deploy previews, so editors can see their
 * work, and never on the live site (or in the build the tests check).
 */
const SHOW_DRAFTS = import.meta.env.DEV || ["deploy-preview", "branch-deploy"].includes(process.env["CONTEXT"] ?? "");

/** The pages this build publishes. */
export async function getPublishedPages(): Promise<CollectionEntry<"pages">[]> {
  return getCollection("pages", (entry) => SHOW_DRAFTS || !entry.data.draft);
}

export interface NavigationLink {
  href: string;
  label: string;
}

/** The address a content file is published at: content/index.mdx is the home page. */
export function pageHref(entry: CollectionEntry<"pages">): string {
  return entry.id === "index" ? "/" : `/${entry.id}/`;
}

/** A menu built from the pages' frontmatter, so adding a page never means editing a list. */
export async function getMenu(menu: "main" | "footer"): Promise<NavigationLink[]> {
  const pages = await getPublishedPages();
  return pages
    .flatMap((entry) => {
      const place = entry.data.navigation;
      return place && place.menu === menu
        ? [{ entry, order: place.order, label: place.label ?? entry.data.title }]
        : [];
    })
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ entry, label }) => ({ href: pageHref(entry), label }));
}
