/**
 * settings: the settings at the top of a page, checked against the same schema the
 * site build uses (src/lib/page-schema.ts), with each complaint rewritten for the person
 * editing the page and placed on the line of the setting it is about.
 */
// astro/zod, as the schema this checks with is built with (src/lib/page-schema.ts).
import type { z } from "astro/zod";
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import {
  createPageSchema,
  createTranslationSchema,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  LABEL_MAX,
  TITLE_MAX,
  todayInUk,
} from "../page-schema.ts";
import { pageOf } from "./page.ts";
import { report, ruleMeta } from "./rule.ts";

const SETTINGS = ["title", "description", "navigation", "lastReviewed", "draft"];
const NAVIGATION_SETTINGS = ["menu", "order", "label"];
const EXAMPLE = "title: Contact us\ndescription: How to ask …\nlastReviewed: 2026-11-24";

export interface SettingsOptions {
  /** YYYY-MM-DD: lastReviewed may not be later. Default today in the UK. */
  today?: string | undefined;
  /** A translation (content/pl/…) has a translation setting too. */
  translation?: boolean | undefined;
}

const settingsRule = lintRule<Root, SettingsOptions>(ruleMeta("settings"), (tree, file, options) => {
  const page = pageOf(tree, file);
  if (page.settingsError) return; // Reported as unreadable.
  if (!page.settings) {
    report(
      file,
      "The page has no settings block at the top.",
      page.placeOf([]),
      `Start the file with a line of three dashes (---), then the settings, then another --- line:\n${EXAMPLE}`,
    );
    return;
  }
  const today = options?.today ?? todayInUk();
  const schema = options?.translation ? createTranslationSchema(today) : createPageSchema(today);
  const result = schema.safeParse(page.settings);
  if (result.success) return;
  for (const issue of result.error.issues) {
    explain(issue, page.settings, options?.translation === true).forEach((words, index) => {
      // Each unknown setting on its own line.
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[index] ?? ""] : issue.path;
      report(file, words.message, page.placeOf(path), words.fix);
    });
  }
});

export default settingsRule;

type Words = { message: string; fix: string };

/** One zod complaint in plain words; more than one when several unknown settings are named. */
function explain(issue: z.core.$ZodIssue, settings: Record<string, unknown>, translation: boolean): Words[] {
  const name = issue.path.join(".");
  const value = issue.path.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    settings,
  );
  const length = typeof value === "string" ? value.trim().length : 0;

  if (issue.code === "unrecognized_keys") {
    const known = issue.path.length ? NAVIGATION_SETTINGS : translation ? [...SETTINGS, "translation"] : SETTINGS;
    return issue.keys.map((key) => ({
      message: `"${key}" is not a setting ${issue.path.length ? "menus" : "pages"} have.`,
      fix: `Check the spelling, or remove the line. The settings are: ${known.join(", ")}.`,
    }));
  }
  if (value === undefined || value === null || value === "") {
    return [missing(name)];
  }
  switch (name) {
    case "title":
      return [
        {
          message: `The title is ${length} characters long. Browser tabs and search results cut titles off after ${TITLE_MAX}.`,
          fix: `Shorten it by at least ${length - TITLE_MAX} characters.`,
        },
      ];
    case "description":
      return length > DESCRIPTION_MAX
        ? [
            {
              message: `The description is ${length} characters long. Search results cut it off after ${DESCRIPTION_MAX}.`,
              fix: `Shorten it by at least ${length - DESCRIPTION_MAX} characters. Say what the page helps with, in one sentence.`,
            },
          ]
        : [
            {
              message: `The description is only ${length} characters long, too short to tell people in search results what the page is for.`,
              fix: `Write at least ${DESCRIPTION_MIN} characters: one sentence saying what the page helps with.`,
            },
          ];
    case "lastReviewed": {
      const reason = issue.code === "custom" ? (issue.params?.["reason"] as string | undefined) : undefined;
      return reason === "in-the-future"
        ? [{ message: issue.message, fix: "Use the date you last checked the page. It cannot be later than today." }]
        : [
            {
              message: `lastReviewed is "${asWritten(value)}", which is not a real date in the form YYYY-MM-DD.`,
              fix: "Write the year, month and day with dashes, such as lastReviewed: 2026-11-24.",
            },
          ];
    }
    case "draft":
      return [
        {
          message: `draft is "${asWritten(value)}".`,
          fix: "Write draft: true to keep the page off the live site, or remove the line to publish it.",
        },
      ];
    case "navigation":
      return [
        {
          message: "navigation needs settings of its own, indented under it.",
          fix: "Write navigation:, then indented lines such as menu: main and order: 3. Or remove navigation to keep the page out of the menus.",
        },
      ];
    case "navigation.menu":
      return [
        {
          message: `The menu "${asWritten(value)}" does not exist.`,
          fix: "Write menu: main for the top menu, or menu: footer for the footer.",
        },
      ];
    case "navigation.order":
      return [
        {
          message: `order is "${asWritten(value)}". It must be a whole number, 0 or more.`,
          fix: "Use a whole number such as 3. Menus list pages from the lowest number to the highest.",
        },
      ];
    case "navigation.label":
      return [
        {
          message: `The menu label is ${length} characters long. Menus have room for ${LABEL_MAX}.`,
          fix: `Shorten it by at least ${length - LABEL_MAX} characters, or remove label to use the title.`,
        },
      ];
    case "translation.from":
      return [
        {
          message: `translation.from is "${asWritten(value)}", not the fingerprint the translations command writes.`,
          fix: "Run npm run translations -- stamp with this file's name once the translation says what the English page says.",
        },
      ];
    default:
      return [
        {
          // The schema's own messages for the translation's dates already start with the setting's name.
          message: issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`,
          fix: "Check this setting against the example in content/README.md.",
        },
      ];
  }
}

function missing(name: string): Words {
  const fixes: Record<string, string> = {
    title: "Add a line such as title: Contact us. It is the page's heading and the name in the browser tab.",
    description: `Add a line such as description: How to ask us about restorative justice. Write ${DESCRIPTION_MIN} to ${DESCRIPTION_MAX} characters; search results show it under the title.`,
    lastReviewed: "Add a line such as lastReviewed: 2026-11-24, with the date you checked the page was right.",
    "navigation.order":
      "Add order: with a whole number under navigation. Menus list pages from the lowest number to the highest.",
    "translation.from":
      "When the page is translated, run npm run translations -- stamp with this file's name: it writes the English page's fingerprint here.",
  };
  return {
    message: `The page has no ${name} setting.`,
    fix: fixes[name] ?? `Add a ${name} line, or see the example in content/README.md.`,
  };
}

/** A setting's value as the editor wrote it: a list or a group as YAML-like JSON, not "[object Object]". */
function asWritten(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}
