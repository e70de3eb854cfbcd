/**
 * Vitest global setup for browser tests: serves the built dist/ the way Netlify would
 * (tools/netlify/preview.ts) on a free loopback port, and hands its address to every test.
 * Enquiries go to a fresh local outbox, as with `npm start`, where tests can read them.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPreview } from "../../tools/netlify/preview.ts";
import { DIST } from "../../tools/project/site-pages.ts";

declare module "vitest" {
  export interface ProvidedContext {
    previewUrl: string;
    outboxDir: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error("dist/ has no built site: run `npm run build` first (npm test does).");
  }
  const outboxDir = mkdtempSync(join(tmpdir(), "enquiry-outbox-"));
  delete process.env["RESEND_API_KEY"];
  process.env["ENQUIRY_OUTBOX_DIR"] = outboxDir;
  // Its own store, so browser tests leave nothing in the project's local one.
  const blobsDirectory = mkdtempSync(join(tmpdir(), "enquiry-blobs-"));
  const preview = await startPreview({ port: 0, host: "127.0.0.1", blobsDirectory, runSchedules: false });
  project.provide("previewUrl", preview.url);
  project.provide("outboxDir", outboxDir);
  return async () => {
    await preview.close();
    rmSync(outboxDir, { recursive: true, force: true });
    rmSync(blobsDirectory, { recursive: true, force: true });
  };
}
