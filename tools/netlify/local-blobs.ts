/**
 * Netlify Blobs on this machine: the local Blobs server from @netlify/blobs, keeping its data
 * in a folder. `npm start` (through the Netlify adapter) keeps it in `.netlify/blobs-serve/`;
 * `npm run preview` and `npm run enquiries` use the same folder by default, so all three see
 * the same waiting enquiries. No Netlify account, nothing off this machine.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { BlobsServer } from "@netlify/blobs/server";
import type { BlobsLocation } from "../../src/lib/enquiry/store.ts";

/** Where Netlify's local tools keep Blobs, relative to the project. */
export const LOCAL_BLOBS_FOLDER = path.join(".netlify", "blobs-serve");
/** The site ID Netlify's local tools use for a project not linked to a Netlify site. */
export const LOCAL_SITE_ID = "0";

export interface LocalBlobs {
  location: BlobsLocation;
  /** NETLIFY_BLOBS_CONTEXT as Netlify sets it for functions, so getStore() finds this server. */
  functionContext: string;
  stop: () => Promise<void>;
}

export async function startLocalBlobs(directory: string): Promise<LocalBlobs> {
  const token = randomBytes(16).toString("hex");
  const server = new BlobsServer({ directory, token, logger: () => {} });
  const { address } = await server.start();
  const edgeURL = address.replace(/\/+$/, "");
  const location = { siteID: LOCAL_SITE_ID, token, edgeURL };
  const context = {
    deployID: "0",
    edgeURL,
    uncachedEdgeURL: edgeURL,
    primaryRegion: "us-east-2",
    siteID: LOCAL_SITE_ID,
    token,
  };
  return {
    location,
    functionContext: Buffer.from(JSON.stringify(context)).toString("base64"),
    stop: () => server.stop(),
  };
}
