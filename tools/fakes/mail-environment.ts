/**
 * Points the enquiry function's environment at a fake Resend API, with every other variable it
 * reads unset (so the store key is the development one), and gives back a way to undo it. For
 * the load test and the tests that run the function in this process or the preview.
 */
import type { FakeResend } from "./resend.ts";

/** Where enquiries go while the fake stands in for Resend. */
export const FAKE_TEAM_ADDRESS = "team@example.org";

/** Every variable the enquiry functions (form, schedule, mail events, status) and the Blobs client read. */
const ENQUIRY_ENVIRONMENT = [
  "NETLIFY_BLOBS_CONTEXT",
  "RESEND_API_KEY",
  "RESEND_BASE_URL",
  "ENQUIRY_TO_EMAIL",
  "ENQUIRY_FROM_EMAIL",
  "ENQUIRY_OUTBOX_DIR",
  "ENQUIRY_STORE_KEY",
  "ENQUIRY_PAGES_FROM_DEV_SERVER",
  "ENQUIRY_FALLBACK_TO_EMAIL",
  "ENQUIRY_STORE_OLD_KEYS",
  "RESEND_WEBHOOK_SECRET",
  "ENQUIRY_STATUS_TOKEN",
  "ENQUIRY_ALERT_WEBHOOK_URL",
];

/** Sets the environment for `fake`, plus `extra`; the function returned puts it back as it was. */
export function useFakeMailEnvironment(fake: FakeResend, extra: Record<string, string> = {}): () => void {
  const saved = Object.fromEntries(ENQUIRY_ENVIRONMENT.map((name) => [name, process.env[name]]));
  for (const name of ENQUIRY_ENVIRONMENT) delete process.env[name];
  Object.assign(process.env, {
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    ENQUIRY_TO_EMAIL: FAKE_TEAM_ADDRESS,
    ENQUIRY_FROM_EMAIL: "Website <enquiries@example.org>",
    ...extra,
  });
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
