/**
 * Checks the pages in content/ before they go live: settings, links, images, headings, plain
 * English, review dates and contact details written by hand.
 *
 *   npm run check:content                      # the pages in content/
 *   npm run check:content -- --dir some/folder # another folder of pages
 *
 * Exits 1 when any page has an error; warnings alone do not stop a change.
 */
import { resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkContent } from "./lib/content-checks/check-content.ts";
import { formatReport } from "./lib/content-checks/format-report.ts";

const root = resolve(fileURLToPath(import.meta.url), "..", "..");
const { values } = parseArgs({ options: { dir: { type: "string" }, today: { type: "string" } } });
const report = checkContent({
  root,
  ...(values.dir ? { contentDir: resolve(values.dir) } : {}),
  ...(values.today ? { today: values.today } : {}),
});
console.log(formatReport(report));
process.exitCode = report.problems.some((p) => p.severity === "error") ? 1 : 0;
