/**
 * The team's commands for enquiries not yet in the inbox (docs/enquiries.md):
 *
 *   npm run enquiries -- waiting           # print them, decrypted
 *   npm run enquiries -- deliver           # try to deliver every one on the schedule now
 *   npm run enquiries -- deliver --not-received RJ-…   # send one again, after checking the inbox
 *   npm run enquiries -- discard RJ-…      # end one the team has dealt with (asks first)
 *   npm run enquiries -- waiting --live    # the live site's store (NETLIFY_SITE_ID, NETLIFY_AUTH_TOKEN)
 *   npm run enquiries -- waiting --live --preview   # the deploy previews' store, with their key
 *   npm run enquiries -- waiting --blobs-folder DIR   # a local store kept somewhere else
 */
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createBlobsStore, ENQUIRY_STORE_NAME, PREVIEW_STORE_NAME } from "../src/lib/enquiry/store.ts";
import { runEnquiriesCommand, USAGE } from "../src/lib/enquiry/enquiries-command.ts";
import { LOCAL_BLOBS_FOLDER, startLocalBlobs } from "../tools/netlify/local-blobs.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      live: { type: "boolean", default: false },
      "blobs-folder": { type: "string" },
      "not-received": { type: "boolean", default: false },
      preview: { type: "boolean", default: false },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
const { live, "blobs-folder": blobsFolder, "not-received": notReceived, preview } = parsed.values;
if (preview && !live) {
  console.error(`--preview goes with --live: the deploy previews' store is on Netlify.\n\n${USAGE}`);
  process.exit(2);
}
const [command, target] = parsed.positionals;

let stop = async () => {};
let store;
if (live) {
  const siteID = process.env["NETLIFY_SITE_ID"]?.trim();
  const token = process.env["NETLIFY_AUTH_TOKEN"]?.trim();
  if (!siteID || !token) {
    console.error("--live needs NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN set in the shell: see docs/enquiries.md.");
    process.exit(1);
  }
  store = createBlobsStore(preview ? PREVIEW_STORE_NAME : ENQUIRY_STORE_NAME, { siteID, token });
} else {
  const blobs = await startLocalBlobs(path.resolve(blobsFolder ?? path.join(root, LOCAL_BLOBS_FOLDER)));
  stop = blobs.stop;
  store = createBlobsStore(ENQUIRY_STORE_NAME, blobs.location);
}
try {
  process.exitCode = await runEnquiriesCommand({
    command,
    target,
    notReceived,
    live,
    env: process.env,
    store,
    now: Date.now,
    out: (line) => console.log(line),
    confirm: async (question) => {
      const prompt = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return (await prompt.question(`${question} `)).trim().toLowerCase() === "yes";
      } finally {
        prompt.close();
      }
    },
  });
} finally {
  await stop();
}
