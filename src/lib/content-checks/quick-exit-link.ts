/**
 * quick-exit-link: body text must never link to the quick exit's destination. People
 * use that page to hide that they were here; a link to it from our pages would give that away.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { QUICK_EXIT_URL } from "../../site.ts";
import { linksOf } from "./links.ts";
import { report, ruleMeta } from "./rule.ts";

const quickExitLink = lintRule<Root>(ruleMeta("quick-exit-link"), (tree, file) => {
  for (const { href, position } of linksOf(tree)) {
    if (!isQuickExitDestination(href)) continue;
    report(
      file,
      `This links to ${href}, the page the "Leave this site" button goes to.`,
      position,
      "Remove the link. People use that page to hide that they were here; a link to it from our pages would give that away. Name the page in words instead.",
    );
  }
});

export default quickExitLink;

/** The same host and path as the quick exit's destination, however it is written. */
export function isQuickExitDestination(href: string): boolean {
  if (!URL.canParse(href)) return false;
  const link = new URL(href);
  const exit = new URL(QUICK_EXIT_URL);
  const strip = (url: URL) => `${url.hostname.replace(/^www\./, "")}${url.pathname.replace(/\/$/, "")}`;
  return /^https?:$/.test(link.protocol) && (strip(link) === strip(exit) || strip(link).startsWith(`${strip(exit)}/`));
}
