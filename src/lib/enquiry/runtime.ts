/**
 * What the Netlify functions need from where they run: the environment with the deploy context
 * in it, the waiting enquiries' store for that context opened with its keys, the way to send,
 * and how delivery is confirmed and alarms raised.
 */
import type { Context } from "@netlify/functions";
import { createWebhookAlertSender, type AlertSender } from "./alerts.ts";
import { chooseMailer, enquiryAddresses, isProduction, type Env } from "./mailers/choose-mailer.ts";
import { storeKeysFrom } from "./sealed.ts";
import { createBlobsStore, enquiryStoreName, type EnquiryStore } from "./store.ts";
import { createWaitingEnquiries, type WaitingEnquiries } from "./waiting-enquiries.ts";

/**
 * Functions do not get CONTEXT at run time: the deploy context says if this is production.
 * Netlify's local tools leave it empty, and only there are the outbox and development key allowed.
 */
export function runtimeEnv(context: Context): Env {
  return { ...process.env, CONTEXT: context.deploy.context || "dev" };
}

/** The store for this deploy context, on Netlify Blobs, which the function finds by itself. */
export function openWaitingEnquiries(
  env: Env,
  openStore: (name: string) => EnquiryStore = (name) => createBlobsStore(name),
): WaitingEnquiries | { error: string } {
  const keys = storeKeysFrom(env);
  if ("error" in keys) return keys;
  return createWaitingEnquiries(openStore(enquiryStoreName(env)), keys);
}

const setting = (env: Env, name: string) => env[name]?.trim() || undefined;

/** How delivery is confirmed, where it goes when the team's address fails, and who is told. */
export interface DeliverySettings {
  /** RESEND_WEBHOOK_SECRET, for the mail events. */
  webhookSecret: string | undefined;
  /** Accepted waits for `email.delivered`: only with Resend and its signed events. */
  confirmDelivery: boolean;
  fallbackTo: string | undefined;
  alert: AlertSender | undefined;
  /** Set-up problems for every round's log and the status check: names of settings, no values. */
  warnings: string[];
}

export function deliverySettings(env: Env): DeliverySettings {
  const webhookSecret = setting(env, "RESEND_WEBHOOK_SECRET");
  const alertUrl = setting(env, "ENQUIRY_ALERT_WEBHOOK_URL");
  const addresses = enquiryAddresses(env);
  const warnings: string[] = [];
  if (isProduction(env) && !webhookSecret) {
    warnings.push("RESEND_WEBHOOK_SECRET is not set: a bounced or suppressed enquiry would count as delivered");
  }
  if (alertUrl && !URL.canParse(alertUrl)) warnings.push("ENQUIRY_ALERT_WEBHOOK_URL is not a web address");
  return {
    webhookSecret,
    confirmDelivery: webhookSecret !== undefined && setting(env, "RESEND_API_KEY") !== undefined,
    fallbackTo: "error" in addresses ? undefined : addresses.fallbackTo,
    alert: alertUrl && URL.canParse(alertUrl) ? createWebhookAlertSender(alertUrl) : undefined,
    warnings,
  };
}

let outboxAnnounced = false;

/**
 * chooseMailer, saying once on the console where enquiries go when they are written to the
 * local outbox (no RESEND_API_KEY), so a person running `npm start` knows where to look.
 */
export function chooseAnnouncedMailer(env: Env, options: Parameters<typeof chooseMailer>[1] = {}) {
  const choice = chooseMailer(env, options);
  if (!outboxAnnounced && "mailer" in choice && "dir" in choice.mailer) {
    outboxAnnounced = true;
    console.log(`Enquiry emails are written to ${String(choice.mailer.dir)} (no RESEND_API_KEY is set).`);
  }
  return choice;
}
