/**
 * The templates of the pages the enquiry function answers with, made from the built site: each
 * page the function fills becomes a template (page-template-builder.ts); a problem page, which
 * it serves as built, stays as it is. functions-build.ts writes them all to one file,
 * ENQUIRY_TEMPLATES_FILE, which the function's source reads, and puts them inside the bundled
 * function. The builder reads strictly: a page it could not write out exactly as the function
 * always has fails the build, naming the page and the line.
 */
import { join } from "node:path";
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
