/**
 * The built pages the enquiry handler answers with, read from dist/ as the deployed function
 * reads its packaged copies: for tests that call the handler directly (after `npm run build`).
 */
import { pathToFileURL } from "node:url";
import { ENQUIRY_PAGES, type EnquiryPage } from "../../src/lib/enquiry/handler.ts";
import { createPageReader } from "../../src/lib/enquiry/page-loader.ts";
import { builtFile } from "../../tools/project/site-pages.ts";

const files = Object.fromEntries(ENQUIRY_PAGES.map((path) => [path, pathToFileURL(builtFile(path))])) as Record<
  EnquiryPage,
  URL
>;

export const loadBuiltPage = createPageReader(files);
