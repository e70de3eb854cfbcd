/**
 * The build's part in the enquiry function: once Astro has written the site, each page the
 * function answers with becomes a template (page-template-builder.ts; a problem page, which
 * the function serves as built, stays as it is), and all of them go into one file,
 * ENQUIRY_TEMPLATES_FILE. The function reads that file, or carries it inside itself once
 * bundled. The builder reads strictly: a page it could not write out exactly as the function
 * always has fails the build, naming the page and the line.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { ENQUIRY_PAGES, FILLED_PAGES, type EnquiryPage } from "./enquiry-pages.ts";
import type { EnquiryTemplates } from "./page-loader.ts";
import { buildPageTemplate, verbatimTemplate } from "./page-template-builder.ts";
import type { PageTemplate } from "./page-template.ts";

/**
 * Where the build writes the templates, from the project's root: beside Netlify's other
 * generated files, out of git and out of the published site. netlify/functions/enquiry.mts
 * names the same file, and a test keeps the two the same.
 */
export const ENQUIRY_TEMPLATES_FILE = ".netlify/enquiry-templates.json";

/** Every page's template, from the built pages (`read` gives a page's built HTML by its path). */
export function buildEnquiryTemplates(read: (path: EnquiryPage) => string): EnquiryTemplates {
  const templates = {} as Record<EnquiryPage, PageTemplate>;
  for (const path of ENQUIRY_PAGES) {
    const html = read(path);
    try {
      templates[path] = FILLED_PAGES.includes(path) ? buildPageTemplate(html) : verbatimTemplate(html);
    } catch (error) {
      throw new Error(`The built page ${path} cannot be made a template: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return templates;
}

/** The built page's file in the output folder: /enquire/ is enquire/index.html. */
export const builtPageFile = (dist: string, path: string) =>
  join(dist, ...path.split("/").filter(Boolean), "index.html");

/** Writes the templates once the site is built (not under astro dev, which builds no pages). */
export function enquiryTemplates(): AstroIntegration {
  let root = "";
  return {
    name: "enquiry-templates",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:build:done": ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const templates = buildEnquiryTemplates((path) => readFileSync(builtPageFile(dist, path), "utf8"));
        const file = join(root, ENQUIRY_TEMPLATES_FILE);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(templates));
        logger.info(`Wrote the enquiry pages' templates to ${ENQUIRY_TEMPLATES_FILE}`);
      },
    },
  };
}
