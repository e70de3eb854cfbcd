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

/**
 * On Netlify, not this machine: a function in a hosted context (Netlify's local emulation, npm
 * run preview and npm start, runs them in the "dev" context), or any deploy preview or branch deploy.
 */
export const isHosted = (env: Env) =>
  (value(env, "LAMBDA_TASK_ROOT") !== undefined && env["CONTEXT"] !== "dev") ||
  /^(deploy-preview|branch-deploy)$/.test(env["CONTEXT"] ?? "");

/** `deadlineMs`: how long one send may take, retries included (a person may be waiting). */
export function chooseMailer(
  env: Env,
  { deadlineMs }: { deadlineMs?: number } = {},
): { mailer: Mailer } | { error: string } {
  const apiKey = value(env, "RESEND_API_KEY");
  if (apiKey) {
    const baseUrl = value(env, "RESEND_BASE_URL");
    return {
      mailer: createResendMailer({ apiKey, ...(baseUrl ? { baseUrl } : {}), ...(deadlineMs ? { deadlineMs } : {}) }),
    };
  }
  if (isProduction(env)) return { error: "RESEND_API_KEY is missing in production, so enquiries cannot be sent" };
  if (isHosted(env)) return { error: "RESEND_API_KEY is missing on a hosted function, where there is no outbox" };
  const dir = resolve(process.cwd(), value(env, "ENQUIRY_OUTBOX_DIR") ?? DEFAULT_OUTBOX_DIR);
  return { mailer: createOutboxMailer({ dir }) };
}

export interface EnquiryAddresses {
  to: string;
  from: string;
  /** Starts the subject of every email from a deploy preview or branch deploy. */
  subjectMark?: string;
  /** ENQUIRY_FALLBACK_TO_EMAIL: where an enquiry goes when the team's address did not receive it. */
  fallbackTo?: string;
}

/** Netlify's deploy contexts that are hosted but not the live site: anyone may post to them. */
const isHostedPreview = (env: Env) => !isProduction(env) && isHosted(env);

export function enquiryAddresses(env: Env): EnquiryAddresses | { error: string } {
  const from = value(env, "ENQUIRY_FROM_EMAIL");
  // A preview's address is anyone's to post to: only production ever writes to the team.
  if (isHostedPreview(env)) {
    const to = value(env, "ENQUIRY_PREVIEW_TO_EMAIL");
    if (!to || !from) {
      const where = `on this ${env.CONTEXT ?? "hosted"} deploy`;
      return missing(
        { ENQUIRY_PREVIEW_TO_EMAIL: to, ENQUIRY_FROM_EMAIL: from },
        where,
        " (only production writes to the team)",
      );
    }
    const kind = env.CONTEXT === "branch-deploy" ? "branch deploy" : "deploy preview";
    return { to, from, subjectMark: `Test from a ${kind}: ` };
  }
  const to = value(env, "ENQUIRY_TO_EMAIL");
  const fallbackTo = value(env, "ENQUIRY_FALLBACK_TO_EMAIL");
  if (to && from) return { to, from, ...(fallbackTo ? { fallbackTo } : {}) };
  if (isProduction(env)) return missing({ ENQUIRY_TO_EMAIL: to, ENQUIRY_FROM_EMAIL: from }, "in production");
  return { to: to ?? LOCAL_ADDRESSES.to, from: from ?? LOCAL_ADDRESSES.from, ...(fallbackTo ? { fallbackTo } : {}) };
}

/** Names the variables that are not set: "A and B are missing <where>, so …". */
function missing(variables: Record<string, string | undefined>, where: string, why = ""): { error: string } {
  const names = Object.keys(variables).filter((name) => variables[name] === undefined);
  const verb = names.length > 1 ? "are" : "is";
  return { error: `${names.join(" and ")} ${verb} missing ${where}, so enquiries cannot be sent${why}` };
}
