/**
 * broken-link: every link to this site must reach a page that will be there, and the
 * part of it for #links. Our own rule rather than remark-validate-links, which checks links
 * to files on disk: ours are site addresses (/contact-us/ is content/contact-us.mdx, and
 * /enquire/ is src/pages), and the editor must check a draft with no disk at all.
 */
import leven from "leven";
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import type { VFile } from "vfile";
import { linksOf } from "./links.ts";
import { pageOf } from "./page.ts";
import { isQuickExitDestination } from "./quick-exit-link.ts";
import { report, ruleMeta } from "./rule.ts";
import { addressOf, anchorsOf, type SiteMap } from "./site-map.ts";

/** The site's own address, for links written out in full. */
export const SITE_ORIGIN = "https://restorativejustice-westmercia.netlify.app";

export interface BrokenLinkOptions {
  /** Without one, only what needs no list of pages is checked. */
  siteMap?: SiteMap | undefined;
}

interface LinkProblem {
  message: string;
  fix: string;
}

const brokenLink = lintRule<Root, BrokenLinkOptions>(ruleMeta("broken-link"), (tree, file, options) => {
  const page = pageOf(tree, file);
  // This page's own headings come from the text being checked, which may be an unsaved draft.
  const own = addressOf(page.id);
  const siteMap = new Map(options?.siteMap ?? []);
  siteMap.set(own, { draft: page.settings?.["draft"] === true, anchors: anchorsOf(tree) });
  for (const { href, position } of linksOf(tree)) {
    const problem = problemWith(href, file, own, siteMap, options?.siteMap !== undefined);
    if (problem) report(file, problem.message, position, problem.fix);
  }
});

export default brokenLink;

function problemWith(href: string, file: VFile, own: string, site: SiteMap, known: boolean): LinkProblem | undefined {
  // Other rules speak for these.
  if (isQuickExitDestination(href) || /^(tel|mailto):/i.test(href)) return undefined;
  const ownPath = href.startsWith(SITE_ORIGIN) ? href.slice(SITE_ORIGIN.length) || "/" : undefined;
  if (ownPath !== undefined) {
    return {
      message: `This link writes out the site's full address (${href}).`,
      fix: `Write just the part after the domain, ${ownPath}, so the link also works in previews.`,
    };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return undefined; // Another site.
  if (href.startsWith("#")) return anchorProblem(href.slice(1), own, site);
  if (!href.startsWith("/")) {
    const guess = `/${href
      .replace(/^\.?\//, "")
      .replace(/\.mdx?$/, "")
      .replace(/\/?$/, "/")}`;
    return {
      message: `The link "${href}" does not start with /, so it would only work from some pages.`,
      fix: `Write links to our own pages from the site's root, such as ${guess}`,
    };
  }
  const [pathAndQuery = "", fragment] = href.split("#", 2);
  const path = decodeURI(pathAndQuery.split("?")[0] ?? "");
  if (path.endsWith(".mdx")) {
    return {
      message: `The link to ${path} goes to a page that does not exist.`,
      fix: `Link to the page's address, not its file: ${path.replace(/\.mdx$/, "/")}`,
    };
  }
  if (!known && path !== own) return undefined; // No site map: nothing more to go on.
  const destination = site.get(path) ?? (path.endsWith("/") ? undefined : site.get(`${path}/`));
  if (!destination) {
    const closest = [...site.keys()].sort((a, b) => leven(a, path) - leven(b, path))[0];
    return {
      message: `The link to ${path} goes to a page that does not exist.`,
      fix: `Check the address.${closest ? ` Did you mean ${closest}?` : ""} Page addresses are the file names in content/, such as /contact-us/ for content/contact-us.mdx.`,
    };
  }
  const pageIsDraft = file.data.page?.settings?.["draft"] === true;
  if (destination.draft && !pageIsDraft) {
    return {
      message: `The link to ${path} goes to a draft page, which is not on the live site.`,
      fix: "Remove the link until that page is published, or publish it by removing draft: true from its settings.",
    };
  }
  return fragment === undefined ? undefined : anchorProblem(fragment, path, site);
}

function anchorProblem(fragment: string, path: string, site: SiteMap): LinkProblem | undefined {
  const anchors = (site.get(path) ?? site.get(`${path}/`))?.anchors;
  if (!anchors || fragment === "" || anchors.has(decodeURIComponent(fragment))) return undefined;
  return {
    message: `The link to #${fragment} on ${path} goes to a heading that does not exist.`,
    fix: `Check the heading's words. The headings there can be linked as: ${[...anchors].map((a) => `#${a}`).join(", ") || "(none)"}.`,
  };
}
