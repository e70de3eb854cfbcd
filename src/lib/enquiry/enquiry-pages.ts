/**
 * The pages the enquiry function answers with, by path, in every language: the build makes each
 * of them, and a template of each (templates-build.ts) travels with the function. A form sent
 * from /pl/enquire/ posts to /pl/enquire/send, and every answer to it is the Polish page.
 */
import { LANGUAGES, type LanguageCode, type TranslationCode } from "../../i18n/languages.ts";
import { ENQUIRY_ACTION } from "../../site.ts";
import { ENQUIRY_PROBLEM_IDS, ENQUIRY_PROBLEMS, problemPagePath, type EnquiryProblemId } from "./problems.ts";

const CODES = Object.keys(LANGUAGES) as LanguageCode[];

export const FORM_PAGE = "/enquire/";
export const CONFIRMATION_PAGE = "/enquire/sent/";
/** The enquiry is kept and will be delivered, but is not in the team's inbox yet. */
export const KEPT_PAGE = "/enquire/received/";

/** A page's English path; every language has its own copy under its prefix. */
export type EnglishEnquiryPage =
  typeof FORM_PAGE | typeof CONFIRMATION_PAGE | typeof KEPT_PAGE | ReturnType<typeof problemPagePath>;
export type EnquiryPage = EnglishEnquiryPage | `/${TranslationCode}${EnglishEnquiryPage}`;

/** The page in a language: /enquire/sent/ in Polish is /pl/enquire/sent/. */
export const enquiryPageIn = (code: LanguageCode, page: EnglishEnquiryPage): EnquiryPage =>
  code === "en" ? page : `/${code}${page}`;

/** Where the form posts in a language: /enquire/send, /pl/enquire/send… */
export const enquiryActionIn = (code: LanguageCode) => (code === "en" ? ENQUIRY_ACTION : `/${code}${ENQUIRY_ACTION}`);

/** Every address the enquiry function answers at, one per language. */
export const ENQUIRY_ACTIONS = CODES.map(enquiryActionIn);

/** A problem's page in a language; one shown in every language has one page, the English. */
export const problemPageIn = (code: LanguageCode, id: EnquiryProblemId): EnquiryPage => {
  const everyLanguage = "everyLanguage" in ENQUIRY_PROBLEMS[id];
  return enquiryPageIn(everyLanguage ? "en" : code, problemPagePath(id));
};

/** Every page the function fills in, in every language. */
export const FILLED_PAGES: readonly EnquiryPage[] = CODES.flatMap((code) =>
  ([FORM_PAGE, CONFIRMATION_PAGE, KEPT_PAGE] as const).map((page) => enquiryPageIn(code, page)),
);

/** Every page the function answers with; it serves the problem pages as they were built. */
export const ENQUIRY_PAGES: readonly EnquiryPage[] = [
  ...FILLED_PAGES,
  ...new Set(CODES.flatMap((code) => ENQUIRY_PROBLEM_IDS.map((id) => problemPageIn(code, id)))),
];
