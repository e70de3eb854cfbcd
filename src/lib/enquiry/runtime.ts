/**
 * What both Netlify functions need from where they run: the environment with the deploy
 * context in it, the waiting enquiries' store opened with the key from that environment, and
 * the way to send.
 */
import type { Context } from "@netlify/functions";
import { chooseMailer, type Env } from "./mailers/choose-mailer.ts";
import { storeKeyFrom } from "./sealed.ts";
import { createBlobsStore, type EnquiryStore } from "./store.ts";
import { createWaitingEnquiries, type WaitingEnquiries } from "./waiting-enquiries.ts";

/**
 * Functions do not get CONTEXT at run time: the deploy context says if this is production.
 * Netlify's local tools leave it empty, and only there are the outbox and development key allowed.
 */
export function runtimeEnv(context: Context): Env {
  return { ...process.env, CONTEXT: context.deploy.context || "dev" };
}

/** The store on Netlify Blobs, which the function finds from Netlify's own environment. */
export function openWaitingEnquiries(
  env: Env,
  openStore: () => EnquiryStore = () => createBlobsStore(),
): WaitingEnquiries | { error: string } {
  const key = storeKeyFrom(env);
  if ("error" in key) return key;
  return createWaitingEnquiries(openStore(), key.key);
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
