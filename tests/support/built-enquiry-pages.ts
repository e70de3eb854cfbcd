/**
 * The templates of the built pages the enquiry handler answers with, read from the file the
 * build writes, as the function's source reads it: for tests that call the handler directly
 * or fill the pages (after `npm run build`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createTemplateReader, type EnquiryTemplates } from "../../src/lib/enquiry/page-loader.ts";
import { ENQUIRY_TEMPLATES_FILE } from "../../src/lib/enquiry/templates-build.ts";

const ROOT = join(import.meta.dirname, "..", "..");
export const TEMPLATES_FILE = join(ROOT, ENQUIRY_TEMPLATES_FILE);

export const loadBuiltPage = createTemplateReader(pathToFileURL(TEMPLATES_FILE));

/** All of them at once, read now. */
export const builtTemplates = (): EnquiryTemplates =>
  JSON.parse(readFileSync(TEMPLATES_FILE, "utf8")) as EnquiryTemplates;
