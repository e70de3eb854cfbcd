/**
 * What every test or script that sends enquiries needs: a fake Resend API on loopback, the
 * environment the enquiry function reads pointed at it, and the preview serving the built
 * pages the function fills in, with a Blobs store of its own in a temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context } from "@netlify/functions";
import { startPreview, type Preview } from "../../scripts/preview.ts";
import { startFakeResend, type FakeResend } from "../../scripts/lib/fake-resend.ts";

/** What Netlify's local tools pass the function; it reads only the deploy context. */
export const LOCAL_CONTEXT = { deploy: { context: "dev" } } as unknown as Context;

export const TEAM_ADDRESS = "team@example.org";

const ENVIRONMENT_NAMES = [
  "RESEND_API_KEY",
  "RESEND_BASE_URL",
  "ENQUIRY_TO_EMAIL",
  "ENQUIRY_FROM_EMAIL",
  "ENQUIRY_OUTBOX_DIR",
  // Unset, so the preview's functions use the development key, as `npm run preview` does.
  "ENQUIRY_STORE_KEY",
];

export interface EnquiryHarness {
  fake: FakeResend;
  preview: Preview;
  /** Where the preview's Netlify Blobs are kept on disk: the waiting enquiries, sealed. */
  blobsDirectory: string;
  /** Stops both servers and puts the environment back as it was. */
  close: () => Promise<void>;
}

/** Starts both servers; the preview's own messages go to `logs`. */
export async function startEnquiryHarness({
  logs = [],
  root,
}: { logs?: string[]; root?: string } = {}): Promise<EnquiryHarness> {
  const saved = Object.fromEntries(ENVIRONMENT_NAMES.map((name) => [name, process.env[name]]));
  const fake = await startFakeResend();
  // Before anything reads them: the function chooses its mailer from these on each request,
  // and the preview's function workers inherit them.
  Object.assign(process.env, {
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    ENQUIRY_TO_EMAIL: TEAM_ADDRESS,
    ENQUIRY_FROM_EMAIL: "Website <enquiries@example.org>",
  });
  delete process.env["ENQUIRY_OUTBOX_DIR"];
  delete process.env["ENQUIRY_STORE_KEY"];
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
    blobsDirectory,
    close: async () => {
      await preview.close();
      await fake.close();
      rmSync(blobsDirectory, { recursive: true, force: true });
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
