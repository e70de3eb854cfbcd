/**
 * The Nu HTML checker (vnu.jar, from the vnu-jar package, on Java) over many files in one run:
 * the JVM takes seconds to start, so never one run per page. Every message counts, errors,
 * warnings and info alike, bar one misreading of the checker's that is proved wrong per file.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";

const VNU_JAR = String(createRequire(import.meta.url)("vnu-jar"));

export interface NuMessage {
  /** The file as given to the checker. */
  file: string;
  line: number | undefined;
  /** "error", "warning", "info", or "non-document-error" when a file could not be read. */
  type: string;
  message: string;
  extract: string | undefined;
}

interface RawMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstLine?: number;
  message: string;
  extract?: string;
}

/** Every message the checker has about the given HTML files, with their inline CSS checked too. */
export async function nuCheck(files: readonly string[]): Promise<NuMessage[]> {
  const run = promisify(execFile);
  // It exits 1 when it finds anything; the JSON on stdout says what either way.
  const { stdout } = await run(
    "java",
    ["-jar", VNU_JAR, "--format", "json", "--stdout", "--exit-zero-always", "--also-check-css", ...files],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const { messages } = JSON.parse(stdout) as { messages: RawMessage[] };
  return messages.map((raw) => ({
    file: raw.url?.startsWith("file:") ? fileURLToPath(raw.url) : (raw.url ?? "(no file)"),
    line: raw.lastLine ?? raw.firstLine,
    type: raw.type === "info" && raw.subType === "warning" ? "warning" : raw.type,
    message: raw.message,
    extract: raw.extract,
  }));
}

/**
 * The checker hashes an inline <style> with the whitespace trimmed from both ends, where browsers
 * hash its exact text (CSP 3, "does element match source list"), so it flags Astro's styles,
 * which end in a newline, as blocked though Chromium applies them. The message is set aside only
 * when the file proves it wrong: every <style>'s exact text is allowed by hash and at least one
 * would not be once trimmed. Anything else about CSP still fails, and the gate's Chromium run
 * reports any style the browser really blocks.
 */
export function isTrimmedStyleHashMisreading(message: NuMessage): boolean {
  if (!/^Inline style violates Content Security Policy \(meta tag\)/.test(message.message)) return false;
  const { document } = parseHTML(readFileSync(message.file, "utf8"));
  const policy = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute("content") ?? "";
  const styleSources = /(?:^|;)\s*style-src\s+([^;]*)/.exec(policy)?.[1]?.split(/\s+/) ?? [];
  const allows = (text: string) =>
    styleSources.includes(`'sha256-${createHash("sha256").update(text).digest("base64")}'`);
  const styles = [...document.querySelectorAll("style")].map((style) => style.textContent ?? "");
  return styles.length > 0 && styles.every((text) => allows(text)) && styles.some((text) => !allows(text.trim()));
}

/** One line per message, as an editor's error list shows them: file, line, type, message. */
export function formatNuMessage({ file, line, type, message, extract }: NuMessage): string {
  const where = extract ? ` near "${extract.replace(/\s+/g, " ").trim().slice(0, 60)}"` : "";
  return `${file}:${line ?? "?"}: ${type}: ${message}${where}`;
}
