/**
 * Resend's signed events about the emails it accepted: a thin adapter from Netlify's Request to
 * the handler in src/lib (mail-events.ts), which deletes an enquiry only once it is delivered.
 * Set up in Resend as a webhook to this path: see docs/enquiries.md.
 */
import type { Config, Context } from "@netlify/functions";
import { handleMailEvent } from "../../src/lib/enquiry/mail-events.ts";
import {
  chooseAnnouncedMailer,
  deliverySettings,
  openWaitingEnquiries,
  runtimeEnv,
} from "../../src/lib/enquiry/runtime.ts";

export default async (request: Request, context: Context): Promise<Response> => {
  const env = runtimeEnv(context);
  const settings = deliverySettings(env);
  const chosen = chooseAnnouncedMailer(env);
  return handleMailEvent(request, {
    secret: settings.webhookSecret,
    waiting: openWaitingEnquiries(env),
    mailer: "mailer" in chosen ? chosen.mailer : chosen,
    fallbackTo: settings.fallbackTo,
    alert: settings.alert,
    now: Date.now,
    // One JSON line per event: event types, references and error names only.
    log: (event) => console.log(JSON.stringify(event)),
  });
};

// Netlify reads this without running it, so it is written out in full.
export const config: Config = {
  path: "/enquire/mail-events",
  method: "POST",
};
