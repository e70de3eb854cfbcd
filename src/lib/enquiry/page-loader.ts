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
import { ENQUIRY_PAGES, type EnquiryPage } from "./enquiry-pages.ts";
import { INLINE_TEMPLATES } from "./inline-templates.ts";
import type { PageTemplate, PageTemplates } from "./page-template.ts";
import { openBundledTemplates, unpackTemplate, type PackedTemplates } from "./shared-blocks.ts";

/** Every page the function answers with, as a template. */
export type EnquiryTemplates = PageTemplates<EnquiryPage>;

/**
 * The templates in the file the build wrote, read once; a failed read is tried again next time.
 * A bundled function has them inside itself (`inline`, each page's as JSON text, read when it
 * is first asked for), and reads nothing: `file` is unused.
 */
export function createTemplateReader(
  file: URL,
  read: (file: URL) => Promise<string> = readText,
  inline: string | undefined = INLINE_TEMPLATES,
) {
  if (inline !== undefined) {
    let opened: PackedTemplates | undefined;
    const parsed = new Map<EnquiryPage, PageTemplate>();
    return async (path: EnquiryPage): Promise<PageTemplate> => {
      if (opened === undefined) {
        const packed = await openBundledTemplates(inline);
        checkComplete(packed.pages, "The bundled function");
        opened = packed;
      }
      let template = parsed.get(path);
      if (!template) {
        template = unpackTemplate(opened.pages[path]!, opened.shared);
        parsed.set(path, template);
      }
      return template;
    };
  }
  let kept: Promise<EnquiryTemplates> | undefined;
  return async (path: EnquiryPage): Promise<PageTemplate> => {
    if (!kept) {
      kept = read(file).then((text) => checkComplete(JSON.parse(text) as EnquiryTemplates, file.pathname));
      kept.catch(() => (kept = undefined));
    }
    return (await kept)[path];
  };
}

/** The templates, once every page is found in them (a build that stopped half way has not all). */
function checkComplete<T extends object>(templates: T, from: string): T {
  const missing = ENQUIRY_PAGES.filter(
    (path) => !(typeof templates === "object" && templates !== null && path in templates),
  );
  if (missing.length) throw new Error(`${from} has no template of ${missing.join(", ")}: run npm run build.`);
  return templates;
}

/** Only the function's source reads the file, so Node's file system module loads only then. */
const readText = async (file: URL) => (await import("node:fs/promises")).readFile(file, "utf8");
