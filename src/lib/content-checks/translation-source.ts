/**
 * translation-source: a translation says what its English page says now. Each translation
 * keeps the fingerprint of the English page it was made from (translation.from); when the
 * English page's fingerprint is different, the translation is out of date, and its readers are
 * told so on the page. A warning, so an English change can go live before its translations.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { pageOf } from "./page.ts";
import { report, ruleMeta } from "./rule.ts";
import { addressOf, type SiteMap } from "./site-map.ts";

export interface TranslationSourceOptions {
  siteMap?: SiteMap | undefined;
}

const translationSource = lintRule<Root, TranslationSourceOptions>(
  ruleMeta("translation-source"),
  (tree, file, options) => {
    const page = pageOf(tree, file);
    const englishId = page.id.split("/").slice(1).join("/") || "index";
    const englishFile = `content/${englishId}.mdx`;
    const from = (page.settings?.["translation"] as { from?: unknown } | undefined)?.from;
    const stamp = `npm run translations -- stamp ${file.path}`;
    if (!options?.siteMap || typeof from !== "string" || from === "") return; // No stamp: the settings rule says so.
    const english = options.siteMap.get(addressOf(englishId));
    if (!english?.fingerprint) {
      report(
        file,
        `This translation has no English page: ${englishFile} does not exist.`,
        page.placeOf([]),
        "Name the file as the English page it translates, or remove it if that page was retired.",
      );
      return;
    }
    if (english.fingerprint === from) return;
    report(
      file,
      `${file.path} is out of date: ${englishFile} has changed since it was translated.`,
      page.placeOf(["translation", "from"]),
      `Compare the English page with this one and bring the translation up to date, then run ${stamp}. Until then the page tells its readers that the English page has changed.`,
    );
  },
);

export default translationSource;
