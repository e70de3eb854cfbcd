/**
 * The rules that come from well-kept libraries, and the plain words their messages get here:
 * each library writes for developers ("Unexpected use of the passive voice"), so the message
 * is reworded for the person editing the page and given a "how to fix" note and the guide's
 * section. Their source and rule id stay the library's, so the report says where each came from.
 * Which rules these are, their severity and their guide sections are in registry.ts.
 *
 * - remark-lint-no-duplicate-headings: two headings with the same words.
 * - retext-readability: a sentence that most of its seven formulas find too hard
 *   for the page's reading age (its grade ceiling plus 5, as the library counts age).
 * - retext-passive: the passive voice, which hides who does what.
 */
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { guideUrl, RULE_SOURCE, ruleOf, stopsAChange, type LibraryRuleId } from "./registry.ts";

interface Rewording {
  reason(message: VFileMessage): string;
  fix: string;
}

/** Each library rule's words, by its id in the registry (a rule added there without words fails to compile). */
const REWORDINGS: Record<LibraryRuleId, Rewording> = {
  "no-duplicate-headings": {
    reason: () => "Another heading on this page has the same words.",
    fix: "Make each heading say what its own section is about. Screen reader users jump between headings by their words, and a link to a heading finds only the first.",
  },
  readability: {
    reason: (message) => `This sentence is hard to read: ${sentence(message.actual)}`,
    fix: "Split it into shorter sentences, and swap long words for short ones.",
  },
  "(the passive words, such as been-written)": {
    reason: (message) => `"${message.actual ?? ""}" is in the passive voice, which hides who does it.`,
    fix: 'Say who does what: "we will call you", not "you will be called". Leave it if who does it does not matter.',
  },
};

/** Rewords the libraries' messages on a file; our own rules' messages are left as they are. */
export function explainLibraryMessages(file: VFile): void {
  for (const message of file.messages) {
    const rule = ruleOf(message);
    if (!rule || rule.source === RULE_SOURCE) continue;
    const wording = REWORDINGS[rule.id];
    const reason = wording.reason(message);
    message.reason = reason;
    message.message = reason;
    message.note = `How to fix: ${wording.fix}`;
    message.url = guideUrl(rule.id);
    // The libraries leave retext's messages without a severity; the registry gives each one.
    message.fatal = stopsAChange(rule);
  }
}

function sentence(text: string | undefined): string {
  const words = (text ?? "").replace(/\s+/g, " ").trim();
  return words.length > 120 ? `"${words.slice(0, 117)}…"` : `"${words}"`;
}
