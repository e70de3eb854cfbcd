/**
 * The translations command (docs/translations.md):
 *
 *   npm run translations                        # each translation: up to date or not, reviewed or not
 *   npm run translations -- stamp content/pl/contact-us.mdx [more files]
 *
 * "stamp" records that a translation now says what its English page says: after translating a
 * page, or after bringing it up to date. It exits 1 from the list when any is out of date.
 */
import { LANGUAGES } from "./languages.ts";
import { stampTranslation, translationFiles, type TranslationFile } from "./translation-files.ts";

export const USAGE = `Usage:
  npm run translations                      list every translation and how it stands
  npm run translations -- stamp FILE…       record that each translation now matches its English page`;

const STATE_WORDS: Record<TranslationFile["state"], string> = {
  "up-to-date": "up to date",
  "out-of-date": "out of date: the English page has changed since",
  "not-stamped": "not stamped: run the stamp command once it is translated",
  "no-english-page": "has no English page",
};

export function runTranslationsCommand(
  root: string,
  args: readonly string[],
  { today, print }: { today: string; print: (line: string) => void },
): number {
  const [command = "list", ...files] = args;
  if (command === "stamp") {
    if (files.length === 0) {
      print(USAGE);
      return 2;
    }
    for (const file of files) {
      const { from } = stampTranslation(root, file, today);
      print(`${file}: stamped ${from}, translated ${today}`);
    }
    return 0;
  }
  if (command !== "list") {
    print(USAGE);
    return 2;
  }
  const all = translationFiles(root);
  for (const translation of all) {
    const review = translation.reviewed
      ? `reviewed by ${translation.reviewed.by} on ${translation.reviewed.on}`
      : "not yet reviewed";
    print(
      `${translation.file} (${LANGUAGES[translation.code].englishName}, from ${translation.english}): ${STATE_WORDS[translation.state]}; ${review}`,
    );
  }
  const stale = all.filter((translation) => translation.state !== "up-to-date");
  print(`${all.length} translations, ${all.length - stale.length} up to date, ${stale.length} not.`);
  return stale.length ? 1 : 0;
}
