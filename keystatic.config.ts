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
import { createPageSchema, todayInUk } from "./src/lib/page-schema.ts";

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
    pages: collection({
      label: "Pages",
      // content/<address>.mdx: the file name is the page's address (index is the home page).
      path: "content/*",
      slugField: "title",
      format: { contentField: "content" },
      entryLayout: "content",
      columns: ["title", "lastReviewed"],
      schema: {
        // Each setting tells the checks panel its value; the panel sits under the page text.
        ...publishSettings(fieldsFromSchema(createPageSchema(), { slugField: "title", today: todayInUk() })),
        content: withChecks(pageTextField(), {
          schema: fieldsFromSchema(createPageSchema(), { slugField: "title" }),
          slugField: "title",
        }),
      },
    }),
  },
});
