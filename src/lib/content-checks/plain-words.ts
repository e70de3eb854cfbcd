/**
 * plain-words: words GOV.UK's style guide asks writers to avoid, each with the
 * plainer word to use. A warning, not an error: sometimes the word is the right one.
 * The list is ours, drawn from GOV.UK's "Writing for GOV.UK" plain English guidance and its
 * "words to avoid": only words that are almost never the plainest choice on these pages
 * (not "key", "impact" or "foster", which have everyday meanings here too).
 */
import type { Nodes, Root } from "mdast";
import type { Point } from "unist";
import { lintRule } from "unified-lint-rule";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { report, ruleMeta } from "./rule.ts";

/** A word or phrase (a pattern, to catch its other forms), and what to write instead. */
export const PLAIN_WORDS: readonly { avoid: string; instead: string }[] = [
  { avoid: "additional", instead: '"more" or "extra"' },
  { avoid: "approximately", instead: '"about"' },
  { avoid: "assistance", instead: '"help"' },
  { avoid: "collaborat(?:e|es|ed|ing|ion)", instead: '"work with"' },
  { avoid: "combat(?:s|ed|ing)?", instead: '"stop", "prevent" or "reduce"' },
  { avoid: "commenc(?:e|es|ed|ing|ement)", instead: '"start"' },
  { avoid: "deploy(?:s|ed|ing)?", instead: '"use" or "put in place"' },
  { avoid: "empower(?:s|ed|ing)?", instead: '"help" or "let"' },
  { avoid: "endeavou?r(?:s|ed|ing)?", instead: '"try"' },
  { avoid: "facilitat(?:e|es|ed|ing)", instead: '"help" or "run", or say what is done' },
  { avoid: "in (?:the event|case) (?:of|that)", instead: '"if"' },
  { avoid: "in order to", instead: '"to"' },
  { avoid: "in respect of|with regard to|regarding", instead: '"about"' },
  { avoid: "individuals", instead: '"people"' },
  { avoid: "initiat(?:e|es|ed|ing)", instead: '"start"' },
  { avoid: "leverag(?:e|es|ed|ing)", instead: '"use"' },
  { avoid: "liais(?:e|es|ed|ing)", instead: '"work with" or "talk to"' },
  { avoid: "numerous", instead: '"many"' },
  { avoid: "obtain(?:s|ed|ing)?", instead: '"get"' },
  { avoid: "overarching", instead: '"main", or leave it out' },
  { avoid: "prior to", instead: '"before"' },
  { avoid: "purchas(?:e|es|ed|ing)", instead: '"buy"' },
  { avoid: "requir(?:e|es|ed|ing)", instead: '"need"' },
  { avoid: "robust", instead: '"strong" or "well thought out"' },
  { avoid: "streamlin(?:e|es|ed|ing)", instead: '"simplify", or say what changes' },
  { avoid: "subsequently", instead: '"later" or "then"' },
  { avoid: "sufficient", instead: '"enough"' },
  { avoid: "tackl(?:e|es|ed|ing)", instead: '"stop", "deal with" or "solve"' },
  { avoid: "utilis(?:e|es|ed|ing|ation)|utiliz(?:e|es|ed|ing|ation)", instead: '"use"' },
];

const PATTERNS = PLAIN_WORDS.map(({ avoid, instead }) => ({
  pattern: new RegExp(`\\b(?:${avoid})\\b`, "gi"),
  instead,
}));

const plainWords = lintRule<Root>(ruleMeta("plain-words"), (tree, file) => {
  visit(tree as Nodes, (node) => {
    if (node.type !== "text") return;
    for (const { pattern, instead } of PATTERNS) {
      for (const match of node.value.matchAll(pattern)) {
        report(
          file,
          `"${match[0]}" is a word GOV.UK's style guide asks us to avoid.`,
          pointIn(file, node, match.index),
          `Write ${instead} instead, if it says the same thing.`,
        );
      }
    }
  });
});

export default plainWords;

/** Where in the file a character of a text node is, when the text is written as it reads. */
function pointIn(file: VFile, node: Nodes, index: number): Point | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || start.offset === undefined || end?.offset === undefined || !("value" in node)) return start;
  if (String(file.value).slice(start.offset, end.offset) !== node.value) return start; // Escapes or entities.
  const lines = node.value.slice(0, index).split("\n");
  const last = lines.at(-1) ?? "";
  return lines.length === 1
    ? { line: start.line, column: start.column + index, offset: start.offset + index }
    : { line: start.line + lines.length - 1, column: last.length + 1, offset: start.offset + index };
}
