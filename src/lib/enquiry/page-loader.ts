/**
 * The templates of the site's own built pages (page-template.ts), for the enquiry function to
 * fill in, so the form's markup exists once, in the Astro components. The build writes them to
 * one file (templates-build.ts), which travels with the function; they are never fetched from
 * the site, so no request header (a wrong Host, say) can change what is read or whether it can
 * be read. Kept in memory once read: pages change only on deploy.
 *
 * Only `npm start` (astro dev, which has no built files to read) asks its own dev server
 * (dev-pages.ts).
 */
import { readFile } from "node:fs/promises";
import { ENQUIRY_PAGES, type EnquiryPage } from "./enquiry-pages.ts";
import { INLINE_TEMPLATES } from "./inline-templates.ts";
import type { PageTemplate, PageTemplates } from "./page-template.ts";

/** Every page the function answers with, as a template. */
export type EnquiryTemplates = PageTemplates<EnquiryPage>;

/**
 * The templates in the file the build wrote, read once; a failed read is tried again next time.
 * A bundled function has them inside itself (`inline`), and reads nothing: `file` is unused.
 */
export function createTemplateReader(
  file: URL,
  read: (file: URL) => Promise<string> = readText,
  inline: unknown = INLINE_TEMPLATES,
) {
  if (inline !== undefined) {
    const templates = checkedTemplates(inline, "The bundled function");
    return (path: EnquiryPage): Promise<PageTemplate> => Promise.resolve(templates[path]);
  }
  let kept: Promise<EnquiryTemplates> | undefined;
  return async (path: EnquiryPage): Promise<PageTemplate> => {
    if (!kept) {
      kept = read(file).then((text) => checkedTemplates(JSON.parse(text), file.pathname));
      kept.catch(() => (kept = undefined));
    }
    return (await kept)[path];
  };
}

function checkedTemplates(templates: unknown, from: string): EnquiryTemplates {
  const missing = ENQUIRY_PAGES.filter(
    (path) => !(typeof templates === "object" && templates !== null && path in templates),
  );
  if (missing.length) throw new Error(`${from} has no template of ${missing.join(", ")}: run npm run build.`);
  return templates as EnquiryTemplates;
}

const readText = (file: URL) => readFile(file, "utf8");
