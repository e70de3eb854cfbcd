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
import { FAKE_TEAM_ADDRESS, useFakeMailEnvironment } from "../../scripts/lib/fake-mail-environment.ts";
import { startFakeResend, type FakeResend } from "../../scripts/lib/fake-resend.ts";

/** What Netlify's local tools pass the function; it reads only the deploy context. */
export const LOCAL_CONTEXT = { deploy: { context: "dev" } } as unknown as Context;

export const TEAM_ADDRESS = FAKE_TEAM_ADDRESS;

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
  const fake = await startFakeResend();
  // Before anything reads them: the function chooses its mailer from these on each request,
  // and the preview's function workers inherit them (the development store key among them).
  const restoreEnvironment = useFakeMailEnvironment(fake);
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
      restoreEnvironment();
    },
  };
}
