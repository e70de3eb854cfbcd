/**
 * The enquiry form's endpoint on Netlify: a thin adapter from Netlify's Request to the handler
 * in src/lib, which does the work. Every method reaches it, so anything but POST gets a 405.
 */
import type { Config, Context } from "@netlify/functions";
import { handleEnquiry } from "../../src/lib/enquiry/handler.ts";
import { enquiryAddresses } from "../../src/lib/enquiry/mailers/choose-mailer.ts";
import { createDevPageFetcher } from "../../src/lib/enquiry/dev-pages.ts";
import { createTemplateReader } from "../../src/lib/enquiry/page-loader.ts";
import {
  chooseAnnouncedMailer,
  deliverySettings,
  openWaitingEnquiries,
  runtimeEnv,
} from "../../src/lib/enquiry/runtime.ts";

/**
 * The templates of the built pages the function answers with, which the build writes
 * (ENQUIRY_TEMPLATES_FILE in src/lib/enquiry/templates-build.ts). Written out as a literal
 * `new URL(…, import.meta.url)`, the form Netlify's bundler traces, so it packages the file
 * with the function at the same place relative to it (and so does `npm run preview`).
 */
const readTemplate = createTemplateReader(new URL("../../.netlify/enquiry-templates.json", import.meta.url));

/** The person is waiting: one send may take this long, retries included, before the page says "kept". */
export const IMMEDIATE_SEND_DEADLINE_MS = 5000;

export default async (request: Request, context: Context): Promise<Response> => {
  const env = runtimeEnv(context);
  // astro.config.mjs says so under `npm start`, which has no built pages to read.
  const fromDevServer = env.CONTEXT === "dev" && process.env["ENQUIRY_PAGES_FROM_DEV_SERVER"] === "1";
  const loadPage = fromDevServer ? createDevPageFetcher(new URL(request.url).origin) : readTemplate;
  // Chosen per request: cheap, and a changed setting takes effect without a restart.
  const chosen = chooseAnnouncedMailer(env, { deadlineMs: IMMEDIATE_SEND_DEADLINE_MS });
  return handleEnquiry(request, {
    loadPage,
    mailer: "mailer" in chosen ? chosen.mailer : chosen,
    addresses: enquiryAddresses(env),
    waiting: openWaitingEnquiries(env),
    confirmDelivery: deliverySettings(env).confirmDelivery,
    now: Date.now,
    // One JSON line per event: events, references and error names only.
    log: (event) => console.log(JSON.stringify(event)),
  });
};

// Netlify reads this without running it, so it must be written out in full: the paths are the
// form's action in each language (ENQUIRY_ACTIONS in src/lib/enquiry/enquiry-pages.ts), which a
// test checks. The handler answers in the language of the address it was sent to.
export const config: Config = {
  path: ["/enquire/send", "/pl/enquire/send", "/ro/enquire/send", "/ur/enquire/send", "/pa/enquire/send"],
  // A brake on floods that a person never meets: someone fixing one mistake after another
  // sends a few a minute at most. Past it, Netlify shows the site's own page saying so, in
  // every language at once, as one page serves every address.
  rateLimit: {
    windowLimit: 20,
    windowSize: 60,
    aggregateBy: ["ip", "domain"],
    action: "rewrite",
    to: "/enquire/problem/too-many/",
  },
};
