/**
 * Links: every link to this site must reach a page that will be there (and the part of it,
 * for #links), and body text must never link to the quick exit's destination.
 */
import leven from "leven";
import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";
import { QUICK_EXIT_URL } from "../../../src/site.ts";
import { attributeOf, isJsxElement } from "./mdx-nodes.ts";
import type { PageSource } from "./page-source.ts";
import { placeOf, type Place, type Problem } from "./problem.ts";
import { addressOf, type SiteMap } from "./site-map.ts";

/** The site's own address, for links written out in full. */
const SITE_ORIGIN = "https://restorativejustice-westmercia.netlify.app";

export function checkLinks(page: PageSource, site: SiteMap): Problem[] {
  const problems: Problem[] = [];
  const report = (place: Place, rule: string, message: string, fix: string) =>
    problems.push({ file: page.file, ...place, severity: "error", rule, message, fix });

  visit(page.tree as Nodes, (node) => {
    let href: string | undefined;
    if (node.type === "link" || node.type === "definition") href = node.url;
    else if (isJsxElement(node) && node.name === "a") href = attributeOf(node, "href").text;
    if (href === undefined) return;
    const place = placeOf(node);
    const problem = problemWith(href.trim(), page, site);
    if (problem) report(place, problem.rule, problem.message, problem.fix);
  });
  return problems;
}

interface LinkProblem {
  rule: string;
  message: string;
  fix: string;
}

function problemWith(href: string, page: PageSource, site: SiteMap): LinkProblem | undefined {
  if (isQuickExitDestination(href)) {
    return {
      rule: "quick-exit-link",
      message: `This links to ${href}, the page the "Leave this site" button goes to.`,
      fix: "Remove the link. People use that page to hide that they were here; a link to it from our pages would give that away. Name the page in words instead.",
    };
  }
  if (/^tel:/i.test(href)) {
    return {
      rule: "hand-written-contact",
      message: `This phone link (${href}) is written by hand.`,
      fix: "Write <PhoneLink /> instead. It always shows the number set in src/site.ts.",
    };
  }
  if (/^mailto:/i.test(href)) {
    return {
      rule: "hand-written-contact",
      message: `This email link (${href}) is written by hand.`,
      fix: "Write <ContactDetails /> instead. It shows the team's email address once it is set in src/site.ts.",
    };
  }
  const own = href.startsWith(SITE_ORIGIN) ? href.slice(SITE_ORIGIN.length) || "/" : undefined;
  if (own !== undefined) {
    return {
      rule: "broken-link",
      message: `This link writes out the site's full address (${href}).`,
      fix: `Write just the part after the domain, ${own}, so the link also works in previews.`,
    };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return undefined; // Another site.
  if (href.startsWith("#")) return anchorProblem(href.slice(1), addressOf(page.id), site);
  if (!href.startsWith("/")) {
    const guess = `/${href
      .replace(/^\.?\//, "")
      .replace(/\.mdx?$/, "")
      .replace(/\/?$/, "/")}`;
    return {
      rule: "broken-link",
      message: `The link "${href}" does not start with /, so it would only work from some pages.`,
      fix: `Write links to our own pages from the site's root, such as ${guess}`,
    };
  }
  const [pathAndQuery = "", fragment] = href.split("#", 2);
  const path = decodeURI(pathAndQuery.split("?")[0] ?? "");
  const destination = site.get(path) ?? (path.endsWith("/") ? undefined : site.get(`${path}/`));
  if (!destination) {
    const closest = [...site.keys()].sort((a, b) => leven(a, path) - leven(b, path))[0];
    return {
      rule: "broken-link",
      message: `The link to ${path} goes to a page that does not exist.`,
      fix: path.endsWith(".mdx")
        ? `Link to the page's address, not its file: ${path.replace(/\.mdx$/, "/")}`
        : `Check the address.${closest ? ` Did you mean ${closest}?` : ""} Page addresses are the file names in content/, such as /contact-us/ for content/contact-us.mdx.`,
    };
  }
  const pageIsDraft = page.settings?.["draft"] === true;
  if (destination.draft && !pageIsDraft) {
    return {
      rule: "broken-link",
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
    rule: "broken-link",
    message: `The link to #${fragment} on ${path} goes to a heading that does not exist.`,
    fix: `Check the heading's words. The headings there can be linked as: ${[...anchors].map((a) => `#${a}`).join(", ") || "(none)"}.`,
  };
}

/** The same host and path as the quick exit's destination, however it is written. */
function isQuickExitDestination(href: string): boolean {
  if (!URL.canParse(href)) return false;
  const link = new URL(href);
  const exit = new URL(QUICK_EXIT_URL);
  const strip = (url: URL) => `${url.hostname.replace(/^www\./, "")}${url.pathname.replace(/\/$/, "")}`;
  return /^https?:$/.test(link.protocol) && (strip(link) === strip(exit) || strip(link).startsWith(`${strip(exit)}/`));
}
