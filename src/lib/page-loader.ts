/**
 * Fetches the site's own built pages for the enquiry function to fill in, so the form's
 * markup exists once, in the Astro components. Kept for a minute: pages change only on deploy.
 */
import type { EnquiryPage } from "./enquiry-handler.ts";

const KEEP_FOR_MS = 60_000;

export function createPageLoader(origin: string, fetchPage: typeof fetch = fetch) {
  const cache = new Map<EnquiryPage, { html: string; until: number }>();
  return async (path: EnquiryPage): Promise<string> => {
    const kept = cache.get(path);
    if (kept && kept.until > Date.now()) return kept.html;
    const response = await fetchPage(new URL(path, origin), { redirect: "error" });
    if (!response.ok) throw new Error(`The page ${path} answered ${response.status}.`);
    const html = await response.text();
    cache.set(path, { html, until: Date.now() + KEEP_FOR_MS });
    return html;
  };
}
