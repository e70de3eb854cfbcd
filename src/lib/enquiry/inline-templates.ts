/**
 * The page templates a bundled enquiry function carries inside itself: each page's template as
 * JSON text, by path, read only when that page is first asked for (a cold start needs one or
 * two of the eight). Nothing here: the function's source reads the file the build wrote
 * (page-loader.ts), and the bundler replaces this module with the templates themselves, so
 * the bundled function reads no file at all.
 */
export const INLINE_TEMPLATES: Readonly<Record<string, string>> | undefined = undefined;
