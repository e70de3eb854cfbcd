import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { TRANSLATIONS } from "./i18n/languages.ts";
import { pageSchema, translationSchema } from "./lib/page-schema.ts";

/** content/pl/, content/ur/, …: the translations, each file named as the English page it translates. */
const TRANSLATION_FOLDERS = `{${TRANSLATIONS.join(",")}}/**/*.mdx`;

/**
 * Every page of guidance lives in content/ as one MDX file; its file name is its address.
 * The settings each page starts with are described in src/lib/page-schema.ts.
 */
const pages = defineCollection({
  loader: glob({ pattern: ["**/*.mdx", `!${TRANSLATION_FOLDERS}`], base: "./content" }),
  schema: pageSchema,
});

/** Ids are the language and the English page's id: "pl" for content/pl/index.mdx, "pl/contact-us". */
const translations = defineCollection({
  loader: glob({ pattern: TRANSLATION_FOLDERS, base: "./content" }),
  schema: translationSchema,
});

export const collections = { pages, translations };
