/**
 * The delivery schedule on Netlify: every five minutes, one round over the waiting enquiries
 * (src/lib/enquiry/delivery-round.ts). Netlify runs scheduled functions on the published
 * production deploy only, for 30 seconds at most; `npm run preview` runs it on the same clock.
 */
import type { Config, Context } from "@netlify/functions";
import { deliveryRound, SCHEDULED_ROUND_ATTEMPT_WINDOW_MS } from "../../src/lib/enquiry/delivery-round.ts";
import { chooseAnnouncedMailer, openWaitingEnquiries, runtimeEnv } from "../../src/lib/enquiry/runtime.ts";

const log = (event: Record<string, string | number>) => console.log(JSON.stringify(event));

export default async (_request: Request, context: Context): Promise<Response> => {
  const env = runtimeEnv(context);
  const waiting = openWaitingEnquiries(env);
  const chosen = chooseAnnouncedMailer(env);
  // Nothing is lost either way: the enquiries keep waiting, and the log says why every round.
  if ("error" in waiting || "error" in chosen) {
    log({
      event: "enquiry.round-failed",
      reason: "error" in waiting ? waiting.error : (chosen as { error: string }).error,
    });
    return new Response(null, { status: 500 });
  }
  const tally = await deliveryRound({
    waiting,
    mailer: chosen.mailer,
    now: Date.now,
    log,
    startAttemptsWithinMs: SCHEDULED_ROUND_ATTEMPT_WINDOW_MS,
  });
  return Response.json({
    delivered: tally.delivered,
    waiting: tally.waiting + tally.leftForNextRound,
    held: tally.held,
  });
};

export const config: Config = {
  // Every five minutes (UTC): the first retry is due five minutes after an enquiry arrives.
  schedule: "*/5 * * * *",
};
