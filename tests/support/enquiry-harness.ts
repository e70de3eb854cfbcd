/**
 * What every test or script that sends enquiries needs: a fake Resend API on loopback, the
 * environment the enquiry function reads pointed at it, and the preview serving the built
 * pages the function fills in, with a Blobs store of its own in a temporary folder. Asked to,
 * it also sets up delivery confirmed by Resend's signed events, a stand-in alert receiver, the
 * status check's token and a fallback address; by default none of them, as before.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context } from "@netlify/functions";
import { startPreview, type Preview } from "../../tools/netlify/preview.ts";
import { startFakeAlertReceiver, type FakeAlertReceiver } from "../../tools/fakes/alert-receiver.ts";
import { FAKE_TEAM_ADDRESS, useFakeMailEnvironment } from "../../tools/fakes/mail-environment.ts";
import { startFakeResend, type FakeResend } from "../../tools/fakes/resend.ts";

/** What Netlify's local tools pass the function; it reads only the deploy context. */
export const LOCAL_CONTEXT = { deploy: { context: "dev" } } as unknown as Context;

export const TEAM_ADDRESS = FAKE_TEAM_ADDRESS;

export interface EnquiryHarness {
  fake: FakeResend;
  preview: Preview;
  /** Where ENQUIRY_ALERT_WEBHOOK_URL points, when asked for; null otherwise. */
  alerts: FakeAlertReceiver | null;
  /** Where the preview's Netlify Blobs are kept on disk: the waiting enquiries, sealed. */
  blobsDirectory: string;
  /** Stops the servers and puts the environment back as it was. */
  close: () => Promise<void>;
}

export interface HarnessOptions {
  /** Where the preview's own messages go. */
  logs?: string[];
  /** Another project root to serve (see tools/netlify/preview.ts). */
  root?: string;
  /** RESEND_WEBHOOK_SECRET: an accepted email waits for the fake's signed `email.delivered`. */
  confirmDelivery?: boolean;
  /** Starts a stand-in alert receiver and points ENQUIRY_ALERT_WEBHOOK_URL at it. */
  alertReceiver?: boolean;
  /** ENQUIRY_STATUS_TOKEN: who may see the status check's counts. */
  statusToken?: string;
  /** ENQUIRY_FALLBACK_TO_EMAIL: where an enquiry goes when the team's address did not receive it. */
  fallbackTo?: string;
}

/** Starts the servers; the preview's own messages go to `logs`. */
export async function startEnquiryHarness({
  logs = [],
  root,
  confirmDelivery = false,
  alertReceiver = false,
  statusToken,
  fallbackTo,
}: HarnessOptions = {}): Promise<EnquiryHarness> {
  const fake = await startFakeResend();
  const alerts = alertReceiver ? await startFakeAlertReceiver() : null;
  // Before anything reads them: the function chooses its mailer from these on each request,
  // and the preview's function workers inherit them (the development store key among them).
  const restoreEnvironment = useFakeMailEnvironment(fake, {
    ...(confirmDelivery ? { RESEND_WEBHOOK_SECRET: fake.webhookSecret } : {}),
    ...(alerts ? { ENQUIRY_ALERT_WEBHOOK_URL: alerts.url } : {}),
    ...(statusToken ? { ENQUIRY_STATUS_TOKEN: statusToken } : {}),
    ...(fallbackTo ? { ENQUIRY_FALLBACK_TO_EMAIL: fallbackTo } : {}),
  });
  const keep = (line = "") => void logs.push(line);
  // A store of its own, so no test leaves enquiries in the project's local store.
  const blobsDirectory = mkdtempSync(join(tmpdir(), "enquiry-blobs-"));
  const preview = await startPreview({
    port: 0,
    host: "127.0.0.1",
    blobsDirectory,
    runSchedules: false,
    ...(root ? { root } : {}),
    logger: { log: keep, warn: keep, error: keep },
  });
  return {
    fake,
    preview,
    alerts,
    blobsDirectory,
    close: async () => {
      await preview.close();
      await fake.close();
      await alerts?.close();
      rmSync(blobsDirectory, { recursive: true, force: true });
      restoreEnvironment();
    },
  };
}
