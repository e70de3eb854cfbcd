/**
 * The translations as files, for the translations command and the content checks: where each
 * is, which English file it translates, and its stamp. Reads the disk; the site reads the
 * same files through its content collections (src/lib/translations.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse } from "yaml";
import { pageFingerprint } from "./fingerprint.ts";
import { TRANSLATIONS, type TranslationCode } from "./languages.ts";

export interface TranslationFile {
  code: TranslationCode;
  /** From the project's root, with forward slashes: content/pl/contact-us.mdx. */
  file: string;
  english: string;
  /** The fingerprint it was stamped with; "" when it has none. */
  from: string;
  reviewed: { by: string; on: string } | undefined;
  /** How it stands: the English page missing, not stamped, out of date or up to date. */
  state: "no-english-page" | "not-stamped" | "out-of-date" | "up-to-date";
}

const settingsOf = (source: string): Record<string, unknown> => {
  const match = /^---\r?\n([^]*?)\r?\n---/.exec(source);
  return (match && (parse(match[1] ?? "") as Record<string, unknown> | null)) || {};
};

export function translationFiles(root: string, contentDir = join(root, "content")): TranslationFile[] {
  const name = (path: string) => relative(root, path).split(sep).join("/");
  return TRANSLATIONS.flatMap((code) => {
    const folder = join(contentDir, code);
    if (!existsSync(folder)) return [];
    return readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".mdx"))
      .sort()
      .map((file): TranslationFile => {
        const path = join(folder, file);
        const englishPath = join(contentDir, file);
        const translation = settingsOf(readFileSync(path, "utf8"))["translation"] as
          { from?: unknown; reviewed?: { by?: unknown; on?: unknown } } | undefined;
        const from = typeof translation?.from === "string" ? translation.from : "";
        const reviewed = translation?.reviewed;
        const state = !existsSync(englishPath)
          ? "no-english-page"
          : !from
            ? "not-stamped"
            : from === pageFingerprint(readFileSync(englishPath, "utf8"))
              ? "up-to-date"
              : "out-of-date";
        return {
          code,
          file: name(path),
          english: name(englishPath),
          from,
          reviewed: reviewed ? { by: String(reviewed.by), on: String(reviewed.on) } : undefined,
          state,
        };
      });
  });
}

/**
 * Stamps a translation with its English page's fingerprint as it is now, and the day: said
 * when a translation is made or brought up to date. Only those two lines change, so the rest
 * of the file keeps its bytes.
 */
export function stampTranslation(root: string, file: string, today: string): { from: string } {
  const path = join(root, file);
  const source = readFileSync(path, "utf8");
  const translation = translationFiles(root).find((candidate) => candidate.file === file.split(sep).join("/"));
  if (!translation) throw new Error(`${file} is not a translation: translations are in content/<language>/.`);
  if (translation.state === "no-english-page") throw new Error(`${file} has no English page (${translation.english}).`);
  const from = pageFingerprint(readFileSync(join(root, translation.english), "utf8"));
  const end = source.indexOf("\n---", 3);
  const settings = source.slice(0, end);
  if (!/^translation:\n(?:[ \t].*\n)*?[ \t]+from:/m.test(settings + "\n")) {
    throw new Error(
      `${file} has no translation.from setting to stamp. Add:\ntranslation:\n  from: ""\n  translated: ${today}`,
    );
  }
  const stamped = settings
    .replace(/^([ \t]+from:)[^\n]*/m, `$1 "${from}"`)
    .replace(/^([ \t]+translated:)[^\n]*/m, `$1 ${today}`);
  writeFileSync(path, stamped + source.slice(end));
  return { from };
}
