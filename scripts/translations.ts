/**
 * The translations command: how each translation stands against its English page, and the
 * stamp that says it is up to date (src/i18n/translations-command.ts; docs/translations.md).
 *
 *   npm run translations
 *   npm run translations -- stamp content/pl/contact-us.mdx
 */
import { join } from "node:path";
import process from "node:process";
import { runTranslationsCommand } from "../src/i18n/translations-command.ts";
import { todayInUk } from "../src/lib/page-schema.ts";

process.exitCode = runTranslationsCommand(join(import.meta.dirname, ".."), process.argv.slice(2), {
  today: todayInUk(),
  print: (line) => console.log(line),
});
