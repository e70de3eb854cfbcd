/**
 * The page templates a bundled enquiry function carries inside itself, packed and compressed
 * (shared-blocks.ts): opened on the first answer, each page's template then read only when
 * that page is first asked for. Nothing here: the function's source reads the file the build
 * wrote (page-loader.ts), and the bundler replaces this module with the templates themselves,
 * so the bundled function reads no file at all.
 */
export const INLINE_TEMPLATES: string | undefined = undefined;
