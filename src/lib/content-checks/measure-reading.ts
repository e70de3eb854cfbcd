/**
 * How hard a page is to read: the Flesch-Kincaid grade (the US school year a reader needs)
 * from the text-readability library, over the page's prose as a reader meets it. Headings and
 * code are left out; each paragraph and list item counts as its own sentence or sentences.
 */
import readability from "text-readability";
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

export interface Sentence {
  text: string;
  line: number;
  words: number;
  grade: number;
}

export interface Paragraph {
  line: number;
  column: number;
  sentences: Sentence[];
  words: number;
  grade: number;
}

export interface PageReading {
  grade: number;
  words: number;
  paragraphs: Paragraph[];
  /** The hardest sentences first. */
  hardest: Sentence[];
}

/**
 * Sentence ends: . ? or ! (and any closing quote or bracket), then a space; not the full stop
 * of a short form such as "No. 2" or "e.g.".
 */
const SENTENCE_END = /(?<!\b(?:No|no|e\.g|i\.e|Mr|Mrs|Ms|Dr|St|etc)\.)(?<=[.?!]["'”’)\]]*)\s+/;

export function readingGrade(text: string): number {
  return readability.fleschKincaidGrade(text);
}

export function wordCount(text: string): number {
  return readability.lexiconCount(text);
}

export function measurePage(tree: Root): PageReading {
  const paragraphs: Paragraph[] = [];
  visit(tree as Nodes, (node) => {
    if (node.type !== "paragraph" && node.type !== "tableCell") return;
    const line = node.position?.start.line ?? 1;
    const sentences = sentencesOf(toString(node), line);
    if (sentences.length === 0) return;
    const text = sentences.map((s) => s.text).join(" ");
    paragraphs.push({
      line,
      column: node.position?.start.column ?? 1,
      sentences,
      words: wordCount(text),
      grade: readingGrade(text),
    });
    return "skip";
  });
  const sentences = paragraphs.flatMap((p) => p.sentences);
  const text = sentences.map((s) => s.text).join(" ");
  return {
    grade: sentences.length ? readingGrade(text) : 0,
    words: sentences.length ? wordCount(text) : 0,
    paragraphs,
    // One- and two-word sentences score oddly and are never the problem.
    hardest: sentences.filter((s) => s.words > 3).sort((a, b) => b.grade - a.grade),
  };
}

/**
 * Sentences written so the library counts them as we read them: it only sees a new sentence
 * after a full stop and before a capital letter, and list items often have neither.
 */
function sentencesOf(paragraph: string, firstLine: number): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const piece of paragraph.split(SENTENCE_END)) {
    const start = paragraph.indexOf(piece, offset);
    const line = firstLine + (paragraph.slice(0, start).match(/\n/g)?.length ?? 0);
    offset = start + piece.length;
    const words = piece.replace(/\s+/g, " ").trim();
    if (!/[a-z]/i.test(words)) continue;
    const text = capitalise(/[.?!]["'”’)\]]*$/.test(words) ? words : `${words.replace(/[:;,]$/, "")}.`);
    sentences.push({ text, line, words: wordCount(text), grade: readingGrade(text) });
  }
  return sentences;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
