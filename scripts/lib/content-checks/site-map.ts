/**
 * Every address a page can link to: the pages in content/, the pages Astro builds from
 * src/pages (the enquiry form and its confirmation), and the files in public/. Content pages
 * also list their headings' ids, so links to a part of a page (#section) can be checked.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Nodes } from "mdast";
import GithubSlugger from "github-slugger";
import { visit } from "unist-util-visit";
import type { PageSource } from "./page-source.ts";
import { headingsOf } from "./page-headings.ts";

export interface Destination {
  draft: boolean;
  /** The ids of the page's headings, when known. */
  anchors?: Set<string>;
}

export type SiteMap = Map<string, Destination>;

export function addressOf(id: string): string {
  return id === "index" ? "/" : `/${id}/`;
}

export function buildSiteMap(pages: PageSource[], pagesDir: string, publicDir: string): SiteMap {
  const map: SiteMap = new Map();
  for (const route of astroRoutes(pagesDir)) map.set(route, { draft: false });
  for (const file of filesIn(publicDir)) map.set(file, { draft: false });
  for (const page of pages) {
    map.set(addressOf(page.id), { draft: page.settings?.["draft"] === true, anchors: anchorsOf(page) });
  }
  return map;
}

/** Heading ids as the built page has them: GitHub's slugs, numbered when a heading repeats. */
function anchorsOf(page: PageSource): Set<string> {
  const slugger = new GithubSlugger();
  const headings = headingsOf(page.tree).filter((heading) => heading.markdown);
  const anchors = new Set(headings.map((heading) => slugger.slug(heading.text)));
  // Ids written by hand, such as <div id="…">, count too.
  visit(page.tree as Nodes, (node) => {
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const id = node.attributes.find((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === "id");
      if (typeof id?.value === "string") anchors.add(id.value);
    }
  });
  return anchors;
}

/** Static pages in src/pages: enquire/index.astro is /enquire/, enquire/sent.astro is /enquire/sent/. */
function astroRoutes(pagesDir: string): string[] {
  return filesIn(pagesDir, "")
    .filter((file) => /\.(astro|md|mdx)$/.test(file) && !file.includes("["))
    .map((file) => file.replace(/\.(astro|md|mdx)$/, ""))
    .filter((route) => route !== "/404")
    .map((route) => (route.endsWith("/index") ? route.slice(0, -"index".length) : `${route}/`));
}

function filesIn(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${prefix}/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/")}`);
}
