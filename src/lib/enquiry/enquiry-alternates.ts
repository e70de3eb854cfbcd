/** An enquiry page in each language, for the header's language links and hreflang. */
import { LANGUAGES, type LanguageCode } from "../../i18n/languages.ts";
import type { Alternate } from "../translations.ts";
import { enquiryPageIn, type EnglishEnquiryPage } from "./enquiry-pages.ts";

export const enquiryAlternates = (page: EnglishEnquiryPage): Alternate[] =>
  (Object.keys(LANGUAGES) as LanguageCode[]).map((code) => ({ code, href: enquiryPageIn(code, page) }));
