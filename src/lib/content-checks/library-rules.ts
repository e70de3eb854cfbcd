/**
 * The rules that come from well-kept libraries, and the plain words their messages get here:
 * each library writes for developers ("Unexpected use of the passive voice"), so the message
 * is reworded for the person editing the page and given a "how to fix" note and the guide's
 * section. Their source and rule id stay the library's, so the report says where each came from.
 *
 * - remark-lint-no-duplicate-headings (warning): two headings with the same words.
 * - retext-readability (warning): a sentence that most of its seven formulas find too hard
 *   for the page's reading age (its grade ceiling plus 5, as the library counts age).
 * - retext-passive (warning): the passive voice, which hides who does what.
 */
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { guideUrl } from "./rule.ts";

interface Rewording {
  reason(message: VFileMessage): string;
  fix: string;
  guide: string;
}

const REWORDINGS: Record<string, Rewording> = {
  "remark-lint:no-duplicate-headings": {
    reason: () => "Another heading on this page has the same words.",
    fix: "Make each heading say what its own section is about. Screen reader users jump between headings by their words, and a link to a heading finds only the first.",
    guide: "no-duplicate-headings",
  },
  "retext-readability:readability": {
    reason: (message) => `This sentence is hard to read: ${sentence(message.actual)}`,
    fix: "Split it into shorter sentences, and swap long words for short ones.",
    guide: "readability",
  },
  "retext-passive": {
    reason: (message) => `"${message.actual ?? ""}" is in the passive voice, which hides who does it.`,
    fix: 'Say who does what: "we will call you", not "you will be called". Leave it if who does it does not matter.',
    guide: "passive",
  },
};

/** Rewords the libraries' messages on a file; our own rules' messages are left as they are. */
export function explainLibraryMessages(file: VFile): void {
  for (const message of file.messages) {
    const wording = REWORDINGS[`${message.source}:${message.ruleId}`] ?? REWORDINGS[message.source ?? ""];
    if (!wording) continue;
    const reason = wording.reason(message);
    message.reason = reason;
    message.message = reason;
    message.note = `How to fix: ${wording.fix}`;
    message.url = guideUrl(wording.guide);
    // The libraries leave retext's messages without a severity: these are all warnings.
    message.fatal = false;
  }
}

function sentence(text: string | undefined): string {
  const words = (text ?? "").replace(/\s+/g, " ").trim();
  return words.length > 120 ? `"${words.slice(0, 117)}…"` : `"${words}"`;
}
