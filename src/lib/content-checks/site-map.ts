/**
 * Every address a page can link to, handed to the rules rather than read by them, so the
 * editor can pass one in for an unsaved draft: the pages in content/ (with the ids of their
 * headings, for links to a part of a page, and whether each is a draft), the pages Astro
 * builds from src/pages, and the files in public/.
 */
import type { Nodes, Root } from "mdast";
import GithubSlugger from "github-slugger";
import { visit } from "unist-util-visit";
import { headingsOf } from "./headings.ts";
import { isJsxElement } from "./mdx-nodes.ts";
import { pageOf, pageParser } from "./page.ts";
import { VFile } from "vfile";
import { pageFingerprint } from "../../i18n/fingerprint.ts";
import { isTranslation } from "../../i18n/languages.ts";

/** content/pl/… and the like: a translation's id starts with its language. */
export const isTranslationId = (id: string): boolean => isTranslation(id.split("/")[0]);

export interface Destination {
  draft: boolean;
  /** The ids of the page's headings, when known (content pages only). */
  anchors?: ReadonlySet<string>;
  /** An English content page's fingerprint, which its translations are stamped with. */
  fingerprint?: string;
}

/** Address (such as /contact-us/ or /robots.txt) to what is there. */
export type SiteMap = ReadonlyMap<string, Destination>;

export function addressOf(id: string): string {
  return id === "index" ? "/" : `/${id}/`;
}

/** Heading ids as the built page has them: GitHub's slugs, numbered when a heading repeats. */
export function anchorsOf(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const headings = headingsOf(tree).filter((heading) => heading.markdown);
  const anchors = new Set(headings.map((heading) => slugger.slug(heading.text)));
  // Ids written by hand, such as <div id="…">, count too.
  visit(tree as Nodes, (node) => {
    if (!isJsxElement(node)) return;
    const id = node.attributes.find((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === "id");
    if (typeof id?.value === "string") anchors.add(id.value);
  });
  return anchors;
}

/** A content page's entry in the site map, from its MDX text; a page that cannot be read has no anchors. */
export function destinationOf(source: string, id: string): [string, Destination] {
  const file = new VFile({ value: source });
  file.data.pageId = id;
  try {
    const tree = pageParser.parse(file);
    return [
      addressOf(id),
      {
        draft: pageOf(tree, file).settings?.["draft"] === true,
        anchors: anchorsOf(tree),
        ...(isTranslationId(id) ? {} : { fingerprint: pageFingerprint(source) }),
      },
    ];
  } catch {
    return [addressOf(id), { draft: false }];
  }
}

/** The site map of some content pages plus other addresses (src/pages routes, public/ files). */
export function createSiteMap(
  pages: readonly { id: string; source: string }[],
  otherAddresses: readonly string[] = [],
) {
  const map = new Map<string, Destination>();
  for (const address of otherAddresses) map.set(address, { draft: false });
  for (const page of pages) map.set(...destinationOf(page.source, page.id));
  return map as SiteMap;
}
