/**
 * The site's own built pages, for the enquiry function to fill in, so the form's markup exists
 * once, in the Astro components. They are read from the files packaged with the function, never
 * fetched from the site: no request header (a wrong Host, say) can change what is read or
 * whether it can be read. Kept in memory once read: pages change only on deploy.
 *
 * Only `npm start` (astro dev, which has no built files to read) asks its own dev server.
 */
import { readFile } from "node:fs/promises";
import type { EnquiryPage } from "./handler.ts";

/** Where each built page's packaged file is: every page the function answers with. */
export type PageFiles = Readonly<Record<EnquiryPage, URL>>;

export function createPageReader(files: PageFiles, read: (file: URL) => Promise<string> = readText) {
  const kept = new Map<EnquiryPage, Promise<string>>();
  return (path: EnquiryPage): Promise<string> => {
    let html = kept.get(path);
    if (!html) {
      html = read(files[path]);
      // A failed read is not kept, so the next request tries again.
      html.catch(() => kept.delete(path));
      kept.set(path, html);
    }
    return html;
  };
}

/** For astro dev only: the pages as its dev server renders them now. */
export function createDevPageFetcher(origin: string, fetchPage: typeof fetch = fetch) {
  return async (path: EnquiryPage): Promise<string> => {
    const response = await fetchPage(new URL(path, origin), { redirect: "error" });
    if (!response.ok) throw new Error(`The page ${path} answered ${response.status}.`);
    return response.text();
  };
}

const readText = (file: URL) => readFile(file, "utf8");
