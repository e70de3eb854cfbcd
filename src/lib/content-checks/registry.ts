/**
 * Every content rule, declared once, so that adding one is one entry here (and its code):
 * its id, where it comes from, whether it stops a change, what it finds, and its section in
 * the editors' guide, content/README.md. Everything else reads this list: RULES and the order
 * the report lists them in (index.ts), the severity each rule runs with, the guide's address
 * on every message (rule.ts, library-rules.ts), the editor's Checks panel, and the guide's
 * table of checks, which tests/pure/content-guide-anchors.test.ts holds to this list.
 * It imports nothing, so any part of the site, the editor included, can read it.
 */

/** The source of our own rules, as the report prints it after the rule id. */
export const RULE_SOURCE = "west-mercia-rj";

export type RuleSource = typeof RULE_SOURCE | "remark-lint" | "retext-readability" | "retext-passive";

export interface ContentRule {
  /** The rule id the report prints after each message. */
  id: string;
  source: RuleSource;
  /** An error stops a change going live; a warning is a reminder. */
  severity: "error" | "warning";
  /** What the rule finds, in a line an editor can read; the guide's table shows it. */
  summary: string;
  /** The id of the guide's heading that explains the rule, as GitHub makes it from the heading's words. */
  guide: string;
  /**
   * The library names each message by the words it found, not by one id (retext-passive:
   * "been-written"), so id describes them and every message from the source is this rule's.
   */
  namedByWhatItFinds?: true;
}

export const CONTENT_RULES = [
  {
    id: "unreadable",
    source: RULE_SOURCE,
    severity: "error",
    summary: "The page, or its settings, cannot be read at all.",
    guide: "unreadable",
  },
  {
    id: "settings",
    source: RULE_SOURCE,
    severity: "error",
    summary: "A setting is missing, misspelt or wrong.",
    guide: "settings",
  },
  {
    id: "broken-link",
    source: RULE_SOURCE,
    severity: "error",
    summary: "A link that would go nowhere.",
    guide: "broken-link",
  },
  {
    id: "quick-exit-link",
    source: RULE_SOURCE,
    severity: "error",
    summary: 'A link to the page the "Leave this site" button goes to.',
    guide: "quick-exit-link",
  },
  {
    id: "hand-written-contact",
    source: RULE_SOURCE,
    severity: "error",
    summary: "The phone number or an email address typed into the page.",
    guide: "hand-written-contact",
  },
  {
    id: "image-alt",
    source: RULE_SOURCE,
    severity: "error",
    summary: "An image with no alt text.",
    guide: "image-alt-and-image-source",
  },
  {
    id: "image-source",
    source: RULE_SOURCE,
    severity: "error",
    summary: "An image that is not one of the site's own files.",
    guide: "image-alt-and-image-source",
  },
  {
    id: "heading-order",
    source: RULE_SOURCE,
    severity: "error",
    summary: "A second main heading, or a heading that skips a level.",
    guide: "heading-order",
  },
  {
    id: "building-block",
    source: RULE_SOURCE,
    severity: "error",
    summary: "A building block that does not exist, or that is missing something it needs.",
    guide: "building-block",
  },
  {
    id: "reading-grade",
    source: RULE_SOURCE,
    severity: "error",
    summary: "A page, or a long paragraph, that is too hard to read.",
    guide: "reading-grade",
  },
  {
    id: "review-due",
    source: RULE_SOURCE,
    severity: "warning",
    summary: "A page nobody has reviewed for a long time.",
    guide: "review-due",
  },
  {
    id: "settings-contact",
    source: RULE_SOURCE,
    severity: "error",
    summary: "The phone number or an email address typed into the title or description.",
    guide: "settings-contact",
  },
  {
    id: "plain-words",
    source: RULE_SOURCE,
    severity: "warning",
    summary: "A word GOV.UK's style guide asks writers to avoid.",
    guide: "plain-words",
  },
  {
    id: "translation-source",
    source: RULE_SOURCE,
    severity: "warning",
    summary: "A translation whose English page has changed since it was translated.",
    guide: "translation-source",
  },
  {
    id: "sentence-length",
    source: RULE_SOURCE,
    severity: "warning",
    summary: "In a translation, a sentence of more than 25 words.",
    guide: "sentence-length",
  },
  {
    id: "english-only-link",
    source: RULE_SOURCE,
    severity: "warning",
    summary: "In a translation, a plain link to a page in English.",
    guide: "english-only-link",
  },
  {
    id: "no-duplicate-headings",
    source: "remark-lint",
    severity: "warning",
    summary: "Two headings with the same words.",
    guide: "no-duplicate-headings",
  },
  {
    id: "readability",
    source: "retext-readability",
    severity: "warning",
    summary: "A sentence that is hard to read.",
    guide: "readability",
  },
  {
    id: "(the passive words, such as been-written)",
    source: "retext-passive",
    severity: "warning",
    summary: "The passive voice, which hides who does what.",
    guide: "passive",
    namedByWhatItFinds: true,
  },
] as const satisfies readonly ContentRule[];

type Declared = (typeof CONTENT_RULES)[number];
export type RuleId = Declared["id"];
/** Our own rules' ids: each is a unified-lint-rule in this folder. */
export type OwnRuleId = Extract<Declared, { source: typeof RULE_SOURCE }>["id"];
/** The ids of the rules that come from libraries. */
export type LibraryRuleId = Exclude<RuleId, OwnRuleId>;

export function ruleNamed(id: RuleId): ContentRule {
  return CONTENT_RULES.find((rule) => rule.id === id)!;
}

/** The rule a message came from, by its source and rule id; undefined for a message of no rule here. */
export function ruleOf(message: { source?: string | null | undefined; ruleId?: string | null | undefined }) {
  return CONTENT_RULES.find(
    (rule: ContentRule) => rule.source === message.source && (rule.namedByWhatItFinds || rule.id === message.ruleId),
  );
}

/** Whether the rule's messages stop a change going live (errors), rather than remind (warnings). */
export function stopsAChange(rule: ContentRule): boolean {
  return rule.severity === "error";
}

/** Where a message sends the editor: the guide's section on its rule. */
export function guideUrl(id: RuleId): string {
  return `content/README.md#${ruleNamed(id).guide}`;
}
