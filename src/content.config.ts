import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/** Every page of guidance lives in content/ as one MDX file; its file name is its address. */
const pages = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content" }),
  schema: z.object({
    // The page's heading and the start of its browser tab title.
    title: z.string().trim().min(1).max(70),
    // The summary search engines show under the title; they cut it off after about 160 characters.
    description: z.string().trim().min(50).max(160),
    // Where the page sits in the menus; leave it out to keep the page out of every menu.
    navigation: z
      .object({
        // Which menu: "main" under the header, or "footer" for privacy, accessibility and the like.
        menu: z.enum(["main", "footer"]).default("main"),
        // Position within that menu, lowest first.
        order: z.number().int().min(0),
        // Shorter text for the menu when the title is long.
        label: z.string().trim().min(1).max(30).optional(),
      })
      .optional(),
    // The day someone last checked the page was right, written YYYY-MM-DD; shown on the page.
    lastReviewed: z.coerce.date(),
  }),
});

export const collections = { pages };
