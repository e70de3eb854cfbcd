/** Where the functions' mailer comes from: the console says once where the local outbox is. */
import { afterEach, expect, it, vi } from "vitest";
import { chooseAnnouncedMailer } from "../../src/lib/enquiry/runtime.ts";

afterEach(() => vi.restoreAllMocks());

it("says once, on the console, where enquiry emails are written when there is no sending key", () => {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
  const env = { CONTEXT: "dev", ENQUIRY_OUTBOX_DIR: "/tmp/announced-outbox" };
  expect(chooseAnnouncedMailer(env)).toHaveProperty("mailer.dir", "/tmp/announced-outbox");
  chooseAnnouncedMailer(env);
  expect(lines).toEqual(["Enquiry emails are written to /tmp/announced-outbox (no RESEND_API_KEY is set)."]);
});
