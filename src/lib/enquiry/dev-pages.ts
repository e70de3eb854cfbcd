/**
 * For `npm start` only: astro dev has no built pages, so the enquiry function asks the dev
 * server for each page as it renders it now, and makes its template there and then, with the
 * same builder the build uses (read leniently: the dev server's pages carry its own scripts).
 */
import { FILLED_PAGES, type EnquiryPage } from "./enquiry-pages.ts";
import { buildPageTemplate, verbatimTemplate } from "./page-template-builder.ts";
import type { PageTemplate } from "./page-template.ts";

export function createDevPageFetcher(origin: string, fetchPage: typeof fetch = fetch) {
  return async (path: EnquiryPage): Promise<PageTemplate> => {
    const response = await fetchPage(new URL(path, origin), { redirect: "error" });
    if (!response.ok) throw new Error(`The page ${path} answered ${response.status}.`);
    const html = await response.text();
    return FILLED_PAGES.includes(path) ? buildPageTemplate(html, { strict: false }) : verbatimTemplate(html);
  };
}
