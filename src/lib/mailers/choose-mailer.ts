/**
 * Which way enquiries go, from the environment: Resend when it has a key, the local outbox when
 * developing, and in production without a key an error, never a pretend send.
 */
import { resolve } from "node:path";
import type { Mailer } from "./mailer.ts";
import { createOutboxMailer } from "./outbox-mailer.ts";
import { createResendMailer } from "./resend-mailer.ts";

export type Env = Record<string, string | undefined>;

export const DEFAULT_OUTBOX_DIR = ".outbox";

/** Clearly fake addresses (.invalid never resolves), for local development only. */
export const LOCAL_ADDRESSES = {
  to: "restorative-justice-team@localhost.invalid",
  // No parentheses: they are a comment in an address, which mail programs drop.
  from: "West Mercia RJ website, local copy <enquiries@localhost.invalid>",
} as const;

/** A set variable with something in it; an empty value counts as missing. */
const value = (env: Env, name: string) => {
  const found = env[name]?.trim();
  return found ? found : undefined;
};

/**
 * Netlify sets CONTEXT for builds but not for functions at run time: the handler should pass
 * `context.deploy.context` as CONTEXT. As a second guard, a hosted function (AWS Lambda sets
 * LAMBDA_TASK_ROOT) has no disk anyone reads, so the outbox is never used there either.
 */
export function isProduction(env: Env): boolean {
  return env.CONTEXT === "production";
}

/** Netlify's local emulation (npm run preview, npm start) runs functions in the "dev" context. */
const isHosted = (env: Env) => value(env, "LAMBDA_TASK_ROOT") !== undefined && env["CONTEXT"] !== "dev";

export function chooseMailer(env: Env): { mailer: Mailer } | { error: string } {
  const apiKey = value(env, "RESEND_API_KEY");
  if (apiKey) {
    const baseUrl = value(env, "RESEND_BASE_URL");
    return { mailer: createResendMailer({ apiKey, ...(baseUrl ? { baseUrl } : {}) }) };
  }
  if (isProduction(env)) return { error: "RESEND_API_KEY is missing in production, so enquiries cannot be sent" };
  if (isHosted(env)) return { error: "RESEND_API_KEY is missing on a hosted function, where there is no outbox" };
  const dir = resolve(process.cwd(), value(env, "ENQUIRY_OUTBOX_DIR") ?? DEFAULT_OUTBOX_DIR);
  return { mailer: createOutboxMailer({ dir }) };
}

export function enquiryAddresses(env: Env): { to: string; from: string } | { error: string } {
  const to = value(env, "ENQUIRY_TO_EMAIL");
  const from = value(env, "ENQUIRY_FROM_EMAIL");
  if (to && from) return { to, from };
  if (isProduction(env) || isHosted(env)) {
    const missing = [to ? [] : ["ENQUIRY_TO_EMAIL"], from ? [] : ["ENQUIRY_FROM_EMAIL"]].flat();
    const where = isProduction(env) ? "in production" : "on a hosted function";
    return {
      error: `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing ${where}, so enquiries cannot be sent`,
    };
  }
  return { to: to ?? LOCAL_ADDRESSES.to, from: from ?? LOCAL_ADDRESSES.from };
}
