/**
 * The page templates a bundled enquiry function carries inside itself. Nothing here: the
 * function's source reads the file the build wrote (page-loader.ts), and the bundler replaces
 * this module with the templates themselves, so the bundled function reads no file at all.
 */
export const INLINE_TEMPLATES: unknown = undefined;
