import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { pageSchema } from "./lib/page-schema.ts";

/**
 * Every page of guidance lives in content/ as one MDX file; its file name is its address.
 * The settings each page starts with are described in src/lib/page-schema.ts.
 */
const pages = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content" }),
  schema: pageSchema,
});

export const collections = { pages };
