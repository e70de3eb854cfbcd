/**
 * sentence-length: in a translation, a sentence too long to read easily. The English rules
 * (readability, plain words, the passive) know only English; this one counts words the way
 * each language divides its own text (Intl.Segmenter), so it works for Urdu and Panjabi too.
 */
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { lintRule } from "unified-lint-rule";
import { visit } from "unist-util-visit";
import { pageOf } from "./page.ts";
import { report, ruleMeta } from "./rule.ts";

/** GOV.UK's advice for plain English: 25 words at most; it holds for these languages too. */
export const SENTENCE_WORDS_MAX = 25;

const sentenceLength = lintRule<Root>(ruleMeta("sentence-length"), (tree, file) => {
  const language = pageOf(tree, file).id.split("/")[0] ?? "en";
  const sentences = new Intl.Segmenter(language, { granularity: "sentence" });
  const words = new Intl.Segmenter(language, { granularity: "word" });
  visit(tree as Nodes, (node) => {
    if (node.type !== "paragraph" && node.type !== "heading" && node.type !== "tableCell") return;
    for (const { segment } of sentences.segment(toString(node))) {
      const count = [...words.segment(segment)].filter((word) => word.isWordLike).length;
      if (count <= SENTENCE_WORDS_MAX) continue;
      report(
        file,
        `This sentence has ${count} words: "${segment.trim().slice(0, 80)}…"`,
        node.position,
        `Split it into shorter sentences of ${SENTENCE_WORDS_MAX} words or fewer, one idea each, as the English page does.`,
      );
    }
    return "skip";
  });
});

export default sentenceLength;
