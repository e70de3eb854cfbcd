/**
 * Site settings: the one place to change a phone number, address or destination.
 * Components and pages read these; content editors never write them out by hand.
 */

/**
 * Where the quick exit goes: a common, harmless page that gives nothing away. QUICK_EXIT_URL
 * overrides it at build time; it must be https, since the exit must never fail or warn.
 */
export const QUICK_EXIT_URL: string = safeDestination(
  // The editor's checks run this in a browser, which has no process (nor QUICK_EXIT_URL).
  (typeof process === "undefined" ? undefined : process.env["QUICK_EXIT_URL"]) || "https://www.bbc.co.uk/weather",
);

function safeDestination(url: string): string {
  if (!URL.canParse(url) || new URL(url).protocol !== "https:") {
    throw new Error(`QUICK_EXIT_URL must be a full https:// address, not "${url}".`);
  }
  return new URL(url).href;
}

export const SITE_NAME = "Restorative justice in West Mercia";

export const AREA = "Herefordshire, Shropshire, Telford and Wrekin, and Worcestershire";

export const PHONE = {
  /** As people read and say it. */
  display: "0800 952 3000",
  /** For tel: links, in international form so it works from any phone. */
  tel: "+448009523000",
  /** Free from UK landlines and mobiles. */
  note: "free to call",
} as const;

/**
 * The West Mercia restorative justice team's email address. We have not been given it,
 * so it stays empty and every page hides it until someone sets it here.
 */
export const TEAM_EMAIL: string | undefined = undefined;

/**
 * When the phone line is answered, in words, e.g. "Monday to Friday, 9am to 5pm". We have not
 * been told, so it stays empty and the contact details say nothing rather than guess.
 */
export const OPENING_HOURS: string | undefined = undefined;

/**
 * How many working days someone should wait to hear from the team before they call us, as the
 * pages after the enquiry form say it in each language. Nobody has agreed a response time
 * yet: this is our guess, and the team must confirm it (or give the right one) before launch.
 */
export const REPLY_WITHIN_WORKING_DAYS = 5;

/** The page for readers of languages the site has no pages in: how to ask for an interpreter. */
export const HELP_IN_YOUR_LANGUAGE = "/help-in-your-language/";

/**
 * Where the English enquiry form posts: the enquiry function's path (netlify/functions/enquiry.mts).
 * Each translation's form posts under its own prefix (enquiryActionIn), so the function answers
 * in the person's language.
 */
export const ENQUIRY_ACTION = "/enquire/send";
