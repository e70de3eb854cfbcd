/**
 * english-only-link: in a translation, a plain link to a page in English. A reader who
 * follows it should know the page is in English before they do: link to the page in the
 * translation's language when there is one (/pl/contact-us/), or write the link as
 * <InEnglish href="/privacy/">…</InEnglish>, which says "(in English)" in the reader's language.
 */
import type { Nodes, Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { visit } from "unist-util-visit";
import { pageOf } from "./page.ts";
import { report, ruleMeta } from "./rule.ts";
import { isTranslationId, type SiteMap } from "./site-map.ts";

export interface EnglishOnlyLinkOptions {
  siteMap?: SiteMap | undefined;
}

const englishOnlyLink = lintRule<Root, EnglishOnlyLinkOptions>(ruleMeta("english-only-link"), (tree, file, options) => {
  const language = pageOf(tree, file).id.split("/")[0] ?? "";
  visit(tree as Nodes, (node) => {
    if (node.type !== "link" || !node.url.startsWith("/")) return;
    const [path = ""] = node.url.split(/[?#]/);
    const address = path.endsWith("/") ? path : `${path}/`;
    const id = address.slice(1, -1);
    if (isTranslationId(id || "index")) return;
    const translated = `/${language}${address}`;
    const exists = options?.siteMap?.has(translated) ?? false;
    report(
      file,
      `This links to ${node.url}, which is in English.`,
      node.position,
      exists
        ? `Link to the page in this language instead: ${translated}.`
        : `Write it as <InEnglish href="${path}">…</InEnglish>, so readers know the page is in English.`,
    );
  });
});

export default englishOnlyLink;
