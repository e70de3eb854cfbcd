/**
 * What the rules need from the project's files, read from disk for the build and for
 * `npm run check:content` (the editor passes its own): the site map and the building blocks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { TRANSLATIONS } from "../../i18n/languages.ts";
import { pageId } from "./page.ts";
import { createSiteMap, type SiteMap } from "./site-map.ts";

export interface ContentPageFile {
  /** Absolute path. */
  path: string;
  id: string;
}

/** The .mdx pages in a folder, sorted, with the id the site gives each. */
export function contentPages(contentDir: string): ContentPageFile[] {
  return readdirSync(contentDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".mdx"))
    .sort()
    .map((file) => ({ path: join(contentDir, file), id: pageId(`content/${file.split(sep).join("/")}`) }));
}

/** The site map of a project: its content pages (or those in contentDir), src/pages and public/. */
export function siteMapFromFiles(root: string, contentDir = join(root, "content")): SiteMap {
  const pages = contentPages(contentDir).map((page) => ({ id: page.id, source: readFileSync(page.path, "utf8") }));
  return createSiteMap(pages, [...astroRoutes(join(root, "src", "pages")), ...filesIn(join(root, "public"))]);
}

/** The building blocks are the .astro files in src/components/content/, as the site itself finds them. */
export function buildingBlocksIn(root: string): string[] {
  return readdirSync(join(root, "src", "components", "content"))
    .filter((file) => file.endsWith(".astro"))
    .map((file) => file.slice(0, -".astro".length))
    .sort();
}

/**
 * Static pages in src/pages: enquire/index.astro is /enquire/, enquire/sent.astro is
 * /enquire/sent/, and [lang]/enquire/index.astro is /pl/enquire/ and the other translations'.
 */
function astroRoutes(pagesDir: string): string[] {
  return filesIn(pagesDir)
    .filter((file) => /\.(astro|md|mdx)$/.test(file))
    .map((file) => file.replace(/\.(astro|md|mdx)$/, ""))
    .flatMap((route) =>
      route.startsWith("/[lang]/") ? TRANSLATIONS.map((code) => `/${code}${route.slice("/[lang]".length)}`) : [route],
    )
    .filter((route) => !route.includes("[") && route !== "/404")
    .map((route) => (route.endsWith("/index") ? route.slice(0, -"index".length) : `${route}/`));
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/")}`);
}
