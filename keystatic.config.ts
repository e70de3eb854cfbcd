/**
 * The browser editor at /keystatic (Keystatic): the pages in content/, their settings and their
 * building blocks, saved back to the same MDX files. Settings come from the build's own schema
 * (src/lib/page-schema.ts, through src/keystatic/page-fields.ts) and the blocks from
 * src/keystatic/content-components.ts, so the editor cannot write what the build refuses.
 * Where it saves is chosen when the site is built: see src/keystatic/mode.ts and README.md.
 */
import { collection, config } from "@keystatic/core";
import { publishSettings, withChecks } from "./src/keystatic/editor-checks.ts";
import { pageTextField } from "./src/keystatic/mdx-field.ts";
import { fieldsFromSchema } from "./src/keystatic/page-fields.ts";
import { LANGUAGES, TRANSLATIONS } from "./src/i18n/languages.ts";
import { createPageSchema, createTranslationSchema, todayInUk } from "./src/lib/page-schema.ts";

/**
 * The fields and checks of a collection of pages: the English ones in content/, or a
 * language's translations in content/<code>/, whose settings add what it was translated from.
 */
function pageCollection(label: string, folder?: string) {
  const schema = folder ? createTranslationSchema() : createPageSchema();
  const today = todayInUk();
  return collection({
    label,
    // content/<address>.mdx: the file name is the page's address (index is the home page).
    path: folder ? `content/${folder}/*` : "content/*",
    slugField: "title",
    format: { contentField: "content" },
    entryLayout: "content",
    columns: ["title", "lastReviewed"],
    schema: {
      // Each setting tells the checks panel its value; the panel sits under the page text.
      ...publishSettings(fieldsFromSchema(schema, { slugField: "title", today })),
      content: withChecks(pageTextField(), {
        schema: fieldsFromSchema(schema, { slugField: "title" }),
        slugField: "title",
        ...(folder ? { folder } : {}),
      }),
    },
  });
}

/** Set by src/keystatic/integration.ts from KEYSTATIC and KEYSTATIC_GITHUB_REPO; local when unset (tests). */
const storageKind = import.meta.env["KEYSTATIC_STORAGE"] === "github" ? "github" : "local";
const repo = String(import.meta.env["KEYSTATIC_GITHUB_REPO"] ?? "");

export default config({
  // local: files on this machine (npm start, tests). github: each save is a commit on a branch of
  // the repository, so it gets a pull request, a deploy preview and the content checks first.
  storage:
    storageKind === "github"
      ? { kind: "github", repo: repo as `${string}/${string}`, branchPrefix: "editor/" }
      : { kind: "local" },
  ui: { brand: { name: "Restorative justice West Mercia" } },
  collections: {
    pages: pageCollection("Pages"),
    // One collection a language: content/pl/, content/ro/, … (docs/translations.md).
    ...Object.fromEntries(
      TRANSLATIONS.map((code) => [
        `pages-${code}`,
        pageCollection(`Pages in ${LANGUAGES[code].englishName} (${LANGUAGES[code].name})`, code),
      ]),
    ),
  },
});
