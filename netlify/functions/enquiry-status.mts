/**
 * GET /enquire/status, for an external uptime monitor: 503 when an enquiry needs a person (see
 * src/lib/enquiry/status.ts). It opens nothing and says nothing personal, so it can be checked
 * every minute.
 */
import type { Config, Context } from "@netlify/functions";
import { isProduction } from "../../src/lib/enquiry/mailers/choose-mailer.ts";
import { deliverySettings, openWaitingEnquiries, runtimeEnv } from "../../src/lib/enquiry/runtime.ts";
import { handleStatus } from "../../src/lib/enquiry/status.ts";

export default async (request: Request, context: Context): Promise<Response> => {
  const env = runtimeEnv(context);
  return handleStatus(request, {
    waiting: openWaitingEnquiries(env),
    token: env["ENQUIRY_STATUS_TOKEN"]?.trim() || undefined,
    warnings: deliverySettings(env).warnings,
    // Netlify runs the schedule on the production deploy only.
    expectRounds: isProduction(env),
    now: Date.now,
    log: (event) => console.log(JSON.stringify(event)),
  });
};

export const config: Config = {
  path: "/enquire/status",
  method: "GET",
};
