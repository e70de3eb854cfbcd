/**
 * The delivery schedule on Netlify: every five minutes, one round over the waiting enquiries
 * (src/lib/enquiry/delivery-round.ts). Netlify runs scheduled functions on the published
 * production deploy only, for 30 seconds at most; `npm run preview` runs it on the same clock.
 */
import type { Config, Context } from "@netlify/functions";
import { deliveryRound, SCHEDULED_ROUND_ATTEMPT_WINDOW_MS } from "../../src/lib/enquiry/delivery-round.ts";
import {
  chooseAnnouncedMailer,
  deliverySettings,
  openWaitingEnquiries,
  runtimeEnv,
} from "../../src/lib/enquiry/runtime.ts";

const log = (event: Record<string, string | number>) => console.log(JSON.stringify(event));

export default async (_request: Request, context: Context): Promise<Response> => {
  const env = runtimeEnv(context);
  const waiting = openWaitingEnquiries(env);
  const chosen = chooseAnnouncedMailer(env);
  const settings = deliverySettings(env);
  // Nothing is lost either way: the enquiries keep waiting, and the status check says why.
  if ("error" in waiting || "error" in chosen) {
    const problem = "error" in waiting ? waiting.error : (chosen as { error: string }).error;
    log({ event: "enquiry.round-failed", reason: problem });
    if (!("error" in waiting)) {
      const at = Date.now();
      await waiting
        .writeNote("note-last-round", { startedAt: at, finishedAt: at, ok: false, cursor: null, warnings: [], problem })
        .catch(() => {});
    }
    return new Response(null, { status: 500 });
  }
  const tally = await deliveryRound({
    waiting,
    mailer: chosen.mailer,
    now: Date.now,
    log,
    startAttemptsWithinMs: SCHEDULED_ROUND_ATTEMPT_WINDOW_MS,
    confirmDelivery: settings.confirmDelivery,
    fallbackTo: settings.fallbackTo,
    ...(settings.alert ? { alert: settings.alert } : {}),
    warnings: settings.warnings,
  });
  return Response.json({
    delivered: tally.delivered,
    waiting: tally.waiting + tally.leftForNextRound,
    held: tally.held + tally.notReceived,
    awaiting: tally.awaiting,
  });
};

export const config: Config = {
  // Every five minutes (UTC): the first retry is due five minutes after an enquiry arrives.
  schedule: "*/5 * * * *",
};
