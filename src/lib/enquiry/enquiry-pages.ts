/**
 * The pages the enquiry function answers with, by path: the build makes each of them, and a
 * template of each (templates-build.ts) travels with the function.
 */
import { ENQUIRY_PROBLEM_IDS, problemPagePath } from "./problems.ts";

export const FORM_PAGE = "/enquire/";
export const CONFIRMATION_PAGE = "/enquire/sent/";
/** The enquiry is kept and will be delivered, but is not in the team's inbox yet. */
export const KEPT_PAGE = "/enquire/received/";
export type EnquiryPage =
  typeof FORM_PAGE | typeof CONFIRMATION_PAGE | typeof KEPT_PAGE | ReturnType<typeof problemPagePath>;
/** Every page the function answers with. */
export const ENQUIRY_PAGES: readonly EnquiryPage[] = [
  FORM_PAGE,
  CONFIRMATION_PAGE,
  KEPT_PAGE,
  ...ENQUIRY_PROBLEM_IDS.map(problemPagePath),
];
/** The pages the function fills in; it serves the problem pages as they were built. */
export const FILLED_PAGES: readonly EnquiryPage[] = [FORM_PAGE, CONFIRMATION_PAGE, KEPT_PAGE];
