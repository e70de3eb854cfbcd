/**
 * The content checks, as unified plugins defined once and run in three places: the Astro build
 * (build.ts), `npm run check:content` (check-content.ts) and the editor's Checks panel
 * (src/keystatic/editor-checks.ts).
 * checkPage reads nothing from disk: give it a page's MDX, even an unsaved draft, and the
 * site's addresses and building blocks, and it returns the file with every rule's messages.
 */
import type { Root } from "mdast";
import { ParseEnglish } from "parse-english";
import remarkLintNoDuplicateHeadings from "remark-lint-no-duplicate-headings";
import remarkRetext from "remark-retext";
import retextPassive from "retext-passive";
import retextReadability from "retext-readability";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import { todayInUk } from "../page-schema.ts";
import brokenLink from "./broken-link.ts";
import buildingBlock from "./building-block.ts";
import handWrittenContact from "./hand-written-contact.ts";
import headingOrder from "./heading-order.ts";
import imageAlt from "./image-alt.ts";
import imageSource from "./image-source.ts";
import { explainLibraryMessages } from "./library-rules.ts";
import { pageId, pageOf, pageParser } from "./page.ts";
import plainWords from "./plain-words.ts";
import quickExitLink from "./quick-exit-link.ts";
import readingGrade, { ceilingFor } from "./reading-grade.ts";
import reviewDue from "./review-due.ts";
import { CONTENT_RULES, ruleNamed, stopsAChange, type RuleId } from "./registry.ts";
import { report } from "./rule.ts";
import settings from "./settings.ts";
import settingsContact from "./settings-contact.ts";
import englishOnlyLink from "./english-only-link.ts";
import sentenceLength from "./sentence-length.ts";
import { isTranslationId, type SiteMap } from "./site-map.ts";
import translationSource from "./translation-source.ts";

export { ceilingFor, GUIDANCE_CEILING, LEGAL_CEILINGS } from "./reading-grade.ts";
export { addressOf, createSiteMap, type Destination, type SiteMap } from "./site-map.ts";
export { pageId } from "./page.ts";

export interface CheckPageOptions {
  /** The file as messages name it, e.g. content/contact-us.mdx. */
  path: string;
  /** The page's MDX, settings included. */
  source: string;
  /** The page's id ("privacy" for /privacy/); default from the path inside content/. */
  id?: string | undefined;
  /** Every address a link may go to; without it, links and images are checked only for their form. */
  siteMap?: SiteMap | undefined;
  /** The building blocks' names; without them, unknown names are not reported. */
  blocks?: readonly string[] | undefined;
  /** YYYY-MM-DD; default today in the UK. Tests always pass one. */
  today?: string | undefined;
}

/** Each rule, as the report prints it (rule id, then source), and whether it stops a change. */
export const RULES: readonly { ruleId: string; source: string; severity: "error" | "warning" }[] = CONTENT_RULES.map(
  ({ id, source, severity }) => ({ ruleId: id, source, severity }),
);

/**
 * Every rule, in the order they run, for one page. The prose rules come last: remark-retext
 * (mutate mode, so the whole run stays synchronous) turns the tree into natural language for
 * retext from there on. Run it on a tree parsed for the checks, never on the site's own.
 */
export function contentRules(options: Omit<CheckPageOptions, "path" | "source"> & { id: string }): PluggableList {
  const today = options.today ?? todayInUk();
  // Each rule's severity as the registry gives it, in unified-lint-rule's words.
  const level = (ruleId: RuleId) => (stopsAChange(ruleNamed(ruleId)) ? "error" : "warn");
  // A translation (content/pl/…) gets the rules that hold in any language, and its own; the
  // English prose rules know only English.
  const translation = isTranslationId(options.id);
  const anyLanguage: PluggableList = [
    [settings, [level("settings"), { today, translation }]],
    [brokenLink, [level("broken-link"), { siteMap: options.siteMap }]],
    [quickExitLink, [level("quick-exit-link")]],
    [handWrittenContact, [level("hand-written-contact")]],
    [imageAlt, [level("image-alt")]],
    [imageSource, [level("image-source"), { siteMap: options.siteMap }]],
    [headingOrder, [level("heading-order")]],
    [buildingBlock, [level("building-block"), { blocks: options.blocks }]],
  ];
  if (translation) {
    return [
      ...anyLanguage,
      [translationSource, [level("translation-source"), { siteMap: options.siteMap }]],
      [reviewDue, [level("review-due"), { today }]],
      [settingsContact, [level("settings-contact")]],
      [sentenceLength, [level("sentence-length")]],
      [englishOnlyLink, [level("english-only-link"), { siteMap: options.siteMap }]],
      [remarkLintNoDuplicateHeadings, [level("no-duplicate-headings")]],
    ];
  }
  return [
    ...anyLanguage,
    [readingGrade, [level("reading-grade")]],
    [reviewDue, [level("review-due"), { today }]],
    [settingsContact, [level("settings-contact")]],
    [plainWords, [level("plain-words")]],
    [remarkLintNoDuplicateHeadings, [level("no-duplicate-headings")]],
    [remarkRetext, ParseEnglish, { ignore: ["code", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression"] }],
    // The library counts a reading age (a US school grade plus 5): the page's ceiling, sentence by
    // sentence. Short sentences and a bare majority of its 7 formulas flag plain ones; these do not.
    [retextReadability, { age: ceilingFor(options.id) + 5, minWords: 10, threshold: 5 / 7 }],
    retextPassive,
  ];
}

/** Runs every rule on one page and returns its file, with the messages in order. */
export function checkPageSync(options: CheckPageOptions): VFile {
  const file = new VFile({ path: options.path, value: options.source });
  const id = options.id ?? pageId(options.path);
  file.data.pageId = id;
  let tree: Root;
  try {
    tree = pageParser.parse(file);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    unreadable(file, `This line could not be read: ${place.reason ?? String(place.message)}`, place, false);
    return file;
  }
  const { settingsError } = pageOf(tree, file);
  if (settingsError) {
    unreadable(file, `The settings at the top could not be read: ${settingsError.reason}`, settingsError, true);
    return file;
  }
  unified()
    .use(contentRules({ ...options, id }))
    .runSync(tree, file);
  explainLibraryMessages(file);
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return file;
}

/**
 * The editor's entry point: the same as checkPageSync, as a promise, so rules may one day wait.
 * A rule that throws rejects the promise rather than throwing at the caller.
 */
export function checkPage(options: CheckPageOptions): Promise<VFile> {
  return new Promise((resolve) => resolve(checkPageSync(options)));
}

/** Errors stop a change going live; warnings are reminders. */
export function errorsIn(file: VFile) {
  return file.messages.filter((message) => message.fatal === true);
}

function unreadable(
  file: VFile,
  reason: string,
  place: { line?: number | undefined; column?: number | undefined },
  inSettings: boolean,
): void {
  const message = report(
    file,
    reason,
    { line: place.line ?? 1, column: place.column ?? 1 },
    inSettings
      ? 'Each setting is one line, "name: value". Put text that holds a colon in double quotes.'
      : "In ordinary text, write < as \\< and { as \\{. Check that every building block you open, such as <Details>, is closed again, such as </Details>.",
    "unreadable",
  );
  message.fatal = stopsAChange(ruleNamed("unreadable"));
}
