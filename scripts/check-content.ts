/**
 * Checks the pages in content/ before they go live, with the same rules the build and the
 * editor run (src/lib/content-checks/): settings, links, images, headings, plain English,
 * review dates and contact details written by hand. Prints every page's reading grade.
 *
 *   npm run check:content                            # the pages in content/
 *   npm run check:content -- --dir some/folder       # another folder of pages
 *   npm run check:content -- --today 2026-11-25      # as if on another day
 *
 * Exits 1 when any page has an error; warnings alone do not stop a change.
 */
import { resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkContent } from "../src/lib/content-checks/check-content.ts";
import { formatReport } from "../src/lib/content-checks/report.ts";

const root = resolve(fileURLToPath(import.meta.url), "..", "..");
const { values } = parseArgs({ options: { dir: { type: "string" }, today: { type: "string" } } });
const report = checkContent({
  root,
  ...(values.dir ? { contentDir: resolve(values.dir) } : {}),
  ...(values.today ? { today: values.today } : {}),
});
console.log(formatReport(report, { color: process.stdout.isTTY }));
process.exitCode = report.files.some((file) => file.messages.some((message) => message.fatal === true)) ? 1 : 0;
