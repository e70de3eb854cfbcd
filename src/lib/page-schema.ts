/**
 * The settings at the top of every page in content/, in one place so the site build
 * (src/content.config.ts), the editors' checks (npm run check:content) and the browser editor
 * (keystatic.config.ts, whose fields src/keystatic/page-fields.ts derives from this schema)
 * agree on them. Each setting's `meta` is what the editor shows: its label and a line of help.
 * Messages are written for the people who edit pages, not for developers.
 */
// astro/zod, as Astro asks of content schemas: the zod its content layer validates them with.
import { z } from "astro/zod";

/** Search results cut a description off after about this many characters. */
export const DESCRIPTION_MAX = 160;
/** Shorter than this and a description says too little to help anyone choose the page. */
export const DESCRIPTION_MIN = 50;
/** Tab titles and search results cut a title off after about this many characters. */
export const TITLE_MAX = 70;
/** Menus have little room, on a phone least of all. */
export const LABEL_MAX = 30;

/** Today's date in the UK, as YYYY-MM-DD: the day an editor in West Mercia sees on their calendar. */
export function todayInUk(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD, or undefined: 2026-02-30 is not a day. */
export function parseDay(text: string): Date | undefined {
  const match = ISO_DAY.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : undefined;
}

/**
 * The last-reviewed date. YAML readers differ: the site's turns 2026-11-24 into a date, others
 * keep the text, so both are accepted and checked the same way.
 */
function reviewDate(today: string, name = "lastReviewed") {
  return z.union([z.date(), z.string()]).transform((value, context) => {
    const text =
      value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10)) : value;
    const day = parseDay(text.trim());
    if (!day) {
      context.addIssue({
        code: "custom",
        message: `${name} must be a real date written YYYY-MM-DD, such as 2026-11-24.`,
        params: { reason: "not-a-day" },
      });
      return z.NEVER;
    }
    if (text.trim() > today) {
      context.addIssue({
        code: "custom",
        message: `${name} (${text.trim()}) is later than today (${today}).`,
        params: { reason: "in-the-future" },
      });
      return z.NEVER;
    }
    return day;
  });
}

/** The schema as it stands on a given day (the review date may not be later than that day). */
export function createPageSchema(today = todayInUk()) {
  return z.strictObject({
    // The page's heading and the start of its browser tab title.
    title: z
      .string()
      .trim()
      .min(1)
      .max(TITLE_MAX)
      .meta({ title: "Title", description: `The page's main heading and the name in the browser tab.` }),
    // The summary search engines show under the title; they cut it off after about 160 characters.
    description: z.string().trim().min(DESCRIPTION_MIN).max(DESCRIPTION_MAX).meta({
      title: "Description",
      description: "One sentence saying what the page helps with. Search results show it under the title.",
    }),
    // Where the page sits in the menus; leave it out to keep the page out of every menu.
    navigation: z
      .strictObject({
        // Which menu: "main" under the header, or "footer" for privacy, accessibility and the like.
        menu: z
          .enum(["main", "footer"])
          .default("main")
          .meta({ title: "Menu", description: "main: the menu at the top. footer: the links at the bottom." }),
        // Position within that menu, lowest first.
        order: z
          .number()
          .int()
          .min(0)
          .meta({ title: "Order in the menu", description: "A whole number, 0 or more. Lower numbers come first." }),
        // Shorter text for the menu when the title is long.
        label: z
          .string()
          .trim()
          .min(1)
          .max(LABEL_MAX)
          .optional()
          .meta({ title: "Menu label", description: "Shorter words for the menu. Leave it empty to use the title." }),
      })
      .optional()
      .meta({ title: "Put this page in a menu", description: "Leave it unticked and the page is in no menu." }),
    // The day someone last checked the page was right, written YYYY-MM-DD; shown on the page.
    lastReviewed: reviewDate(today).meta({
      title: "Last reviewed",
      description: "The day someone last checked that the whole page is right. It shows on the page.",
      format: "date",
    }),
    // true keeps the page off the live site (it still shows in previews) while it is being written.
    draft: z
      .boolean()
      .default(false)
      .meta({ title: "Draft", description: "Keeps the page off the live site. Previews still show it." }),
  });
}

export const pageSchema = createPageSchema();

/** A fingerprint of an English page's text and settings (src/i18n/fingerprint.ts): 16 hex digits. */
export const FINGERPRINT = /^[0-9a-f]{16}$/;

/**
 * A translation's settings: a page's, and what it was translated from and who checked it.
 * The fingerprint is set by `npm run translations -- stamp`, never by hand.
 */
export function createTranslationSchema(today = todayInUk()) {
  return createPageSchema(today).extend({
    translation: z
      .strictObject({
        // The English page's fingerprint when this translation was made or last brought up to date.
        from: z
          .string()
          .length(16)
          .regex(FINGERPRINT, "translation.from must be set by `npm run translations -- stamp`.")
          .meta({
            title: "Translated from",
            description: "Set by the translations command. Do not change it by hand.",
          }),
        // The day the translation was made or brought up to date.
        translated: reviewDate(today, "translation.translated").meta({
          title: "Translated on",
          description: "YYYY-MM-DD.",
          format: "date",
        }),
        // A second, fluent person who checked it against the English, and when.
        reviewed: z
          .strictObject({
            by: z.string().trim().min(1).max(100).meta({ title: "Reviewed by", description: "The reviewer's name." }),
            on: reviewDate(today, "translation.reviewed.on").meta({
              title: "Reviewed on",
              description: "YYYY-MM-DD.",
              format: "date",
            }),
          })
          .optional()
          .meta({
            title: "Reviewed",
            description: "Fill in only when a second, fluent translator has checked the whole page.",
          }),
      })
      .meta({ title: "Translation", description: "What this translation was made from, and who checked it." }),
  });
}

export const translationSchema = createTranslationSchema();

export type TranslationSettings = z.output<ReturnType<typeof createTranslationSchema>>;

export type PageSettings = z.output<ReturnType<typeof createPageSchema>>;
