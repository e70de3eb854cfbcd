import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseMailer, enquiryAddresses, LOCAL_ADDRESSES } from "../../src/lib/enquiry/mailers/choose-mailer.ts";
import type { Mailer } from "../../src/lib/enquiry/mailers/mailer.ts";

const mailerOf = (chosen: ReturnType<typeof chooseMailer>): Mailer & { dir?: string } => {
  if ("error" in chosen) throw new Error(chosen.error);
  return chosen.mailer;
};

describe("chooseMailer", () => {
  it("uses Resend when RESEND_API_KEY is set, in production too", () => {
    expect(mailerOf(chooseMailer({ RESEND_API_KEY: "re_123" })).name).toBe("resend");
    expect(mailerOf(chooseMailer({ RESEND_API_KEY: "re_123", CONTEXT: "production" })).name).toBe("resend");
  });

  it("uses the outbox in .outbox/ under the working directory outside production", () => {
    for (const env of [{}, { CONTEXT: "dev" }, { RESEND_API_KEY: "" }]) {
      const mailer = mailerOf(chooseMailer(env));
      expect(mailer.name).toBe("outbox");
      expect(mailer.dir).toBe(resolve(process.cwd(), ".outbox"));
    }
  });

  it("refuses the outbox on a deploy preview or branch deploy, which has no disk anyone reads", () => {
    for (const CONTEXT of ["deploy-preview", "branch-deploy"]) {
      expect(chooseMailer({ CONTEXT })).toEqual({
        error: "RESEND_API_KEY is missing on a hosted function, where there is no outbox",
      });
    }
  });

  it("uses ENQUIRY_OUTBOX_DIR when set, resolved against the working directory", () => {
    expect(mailerOf(chooseMailer({ ENQUIRY_OUTBOX_DIR: "tmp/mail" })).dir).toBe(resolve(process.cwd(), "tmp/mail"));
    expect(mailerOf(chooseMailer({ ENQUIRY_OUTBOX_DIR: "/var/outbox" })).dir).toBe("/var/outbox");
  });

  it("refuses in production without RESEND_API_KEY, never pretending to send", () => {
    const chosen = chooseMailer({ CONTEXT: "production", ENQUIRY_OUTBOX_DIR: "/tmp/outbox" });
    expect(chosen).toEqual({ error: expect.stringContaining("RESEND_API_KEY is missing in production") });
  });

  it("refuses on a hosted function without RESEND_API_KEY, where no one would read an outbox", () => {
    expect(chooseMailer({ LAMBDA_TASK_ROOT: "/var/task" })).toEqual({
      error: expect.stringContaining("RESEND_API_KEY is missing"),
    });
  });
});

describe("enquiryAddresses", () => {
  it("takes ENQUIRY_TO_EMAIL and ENQUIRY_FROM_EMAIL", () => {
    const env = { ENQUIRY_TO_EMAIL: "team@rj.example", ENQUIRY_FROM_EMAIL: "Website <web@rj.example>" };
    expect(enquiryAddresses(env)).toEqual({ to: "team@rj.example", from: "Website <web@rj.example>" });
    expect(enquiryAddresses({ ...env, CONTEXT: "production" })).toEqual({
      to: "team@rj.example",
      from: "Website <web@rj.example>",
    });
  });

  it("falls back to clearly fake addresses outside production", () => {
    expect(enquiryAddresses({})).toEqual(LOCAL_ADDRESSES);
    expect(LOCAL_ADDRESSES.to).toMatch(/\.invalid$/);
    expect(LOCAL_ADDRESSES.from).toMatch(/\.invalid>$/);
    expect(enquiryAddresses({ ENQUIRY_TO_EMAIL: "me@example.com" })).toEqual({
      to: "me@example.com",
      from: LOCAL_ADDRESSES.from,
    });
  });

  it("names what is missing in production", () => {
    expect(enquiryAddresses({ CONTEXT: "production" })).toEqual({
      error: "ENQUIRY_TO_EMAIL and ENQUIRY_FROM_EMAIL are missing in production, so enquiries cannot be sent",
    });
    expect(
      enquiryAddresses({ CONTEXT: "production", ENQUIRY_TO_EMAIL: "team@rj.example", ENQUIRY_FROM_EMAIL: " " }),
    ).toEqual({
      error: "ENQUIRY_FROM_EMAIL is missing in production, so enquiries cannot be sent",
    });
  });

  describe.each(["deploy-preview", "branch-deploy"])("on a %s", (context) => {
    const team = { ENQUIRY_TO_EMAIL: "team@rj.example", ENQUIRY_FROM_EMAIL: "Website <web@rj.example>" };

    it("never writes to the team's address, even when it is set there", () => {
      expect(enquiryAddresses({ ...team, CONTEXT: context })).toEqual({
        error: `ENQUIRY_PREVIEW_TO_EMAIL is missing on this ${context} deploy, so enquiries cannot be sent (only production writes to the team)`,
      });
    });

    it("writes to ENQUIRY_PREVIEW_TO_EMAIL, marking every subject as a test", () => {
      const addresses = enquiryAddresses({ ...team, CONTEXT: context, ENQUIRY_PREVIEW_TO_EMAIL: "tester@rj.example" });
      expect(addresses).toMatchObject({ to: "tester@rj.example", from: "Website <web@rj.example>" });
      expect(addresses).toHaveProperty(
        "subjectMark",
        expect.stringMatching(/^Test from a (deploy preview|branch deploy): $/),
      );
    });
  });

  it("refuses the fake addresses on a hosted function too", () => {
    expect(enquiryAddresses({ LAMBDA_TASK_ROOT: "/var/task" })).toHaveProperty("error");
  });
});
