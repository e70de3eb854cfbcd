/**
 * The real resend SDK against the fake API, on a test's fake clock: the mailer's deadline reads
 * it, and its waits between retries move it on instead of passing in real time.
 */
import type { Mailer } from "../../src/lib/enquiry/mailers/mailer.ts";
import { createResendMailer } from "../../src/lib/enquiry/mailers/resend-mailer.ts";
import type { FakeResend } from "../../tools/fakes/resend.ts";

export function resendMailerOnClock(
  fake: FakeResend,
  clock: { now: () => number; advance: (ms: number) => void },
  deadlineMs = 5000,
): Mailer {
  return createResendMailer({
    apiKey: fake.apiKey,
    baseUrl: fake.url,
    deadlineMs,
    perAttemptTimeoutMs: 1000,
    now: clock.now,
    sleep: async (ms) => clock.advance(ms),
  });
}
