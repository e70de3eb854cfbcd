/**
 * The team's commands for enquiries not yet in the inbox (docs/enquiries.md):
 *
 *   npm run enquiries -- waiting           # print them, decrypted
 *   npm run enquiries -- deliver           # try to deliver every one now
 *   npm run enquiries -- waiting --live    # the live site's store (NETLIFY_SITE_ID, NETLIFY_AUTH_TOKEN)
 */
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { createBlobsStore } from "../src/lib/enquiry/store.ts";
import { runEnquiriesCommand, USAGE } from "./lib/enquiries-command/enquiries-command.ts";
import { LOCAL_BLOBS_FOLDER, startLocalBlobs } from "./lib/local-blobs.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const live = args.includes("--live");
const command = args.find((arg) => !arg.startsWith("--"));
const unknown = args.filter((arg) => arg.startsWith("--") && arg !== "--live");
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(", ")}.\n\n${USAGE}`);
  process.exit(2);
}

let stop = async () => {};
let store;
if (live) {
  const siteID = process.env["NETLIFY_SITE_ID"]?.trim();
  const token = process.env["NETLIFY_AUTH_TOKEN"]?.trim();
  if (!siteID || !token) {
    console.error("--live needs NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN set in the shell: see docs/enquiries.md.");
    process.exit(1);
  }
  store = createBlobsStore({ siteID, token });
} else {
  const blobs = await startLocalBlobs(path.join(root, LOCAL_BLOBS_FOLDER));
  stop = blobs.stop;
  store = createBlobsStore(blobs.location);
}
try {
  process.exitCode = await runEnquiriesCommand({
    command,
    live,
    env: process.env,
    store,
    now: Date.now,
    out: (line) => console.log(line),
  });
} finally {
  await stop();
}
