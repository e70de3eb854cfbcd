/**
 * A short, readable diff of two versions of an HTML page, for a test that compares pages byte for
 * byte. The built pages put thousands of characters on a line, so a line diff shows nothing
 * useful: this one cuts the page after every ">", so each piece is one tag with the text before
 * it, matches the pieces up, and shows the ones that differ with a little context, each cut down
 * to the part round its first difference.
 */

/** How many unchanged pieces to show either side of a change. */
const CONTEXT = 1;
/** Each piece shown at most about this long. */
const WIDTH = 160;
/** Above this many cells the pieces are not matched up; the changed stretch is shown whole. */
const MAX_CELLS = 4_000_000;

type Edit = { kind: " " | "-" | "+"; piece: string };

/** The pieces of a page: each ends with a ">", but for the text after the last tag. */
export function htmlPieces(html: string): string[] {
  return html.split(/(?<=>)/);
}

/** The differences between `before` and `after`, as lines starting "-", "+" or " " (context), at most `maxLines`. */
export function htmlDiff(before: string, after: string, maxLines = 24): string[] {
  if (before === after) return [];
  const a = htmlPieces(before);
  const b = htmlPieces(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const edits: Edit[] = [
    ...a.slice(Math.max(0, start - CONTEXT), start).map((piece) => ({ kind: " " as const, piece })),
    ...matchUp(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA, endA + CONTEXT).map((piece) => ({ kind: " " as const, piece })),
  ];
  const lines = shown(edits).map(({ kind, piece, at }) => `${kind} ${excerpt(piece, at)}`);
  if (lines.length <= maxLines) return lines;
  return [...lines.slice(0, maxLines), `  … and ${lines.length - maxLines} more lines of difference`];
}

/** The edits from `a` to `b`, by their longest common subsequence of pieces. */
function matchUp(a: string[], b: string[]): Edit[] {
  const removed = (piece: string): Edit => ({ kind: "-", piece });
  const added = (piece: string): Edit => ({ kind: "+", piece });
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return [...a.map(removed), ...b.map(added)];
  // common[i][j]: the longest common subsequence of a[i..] and b[j..], in a flat array.
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] =
        a[i] === b[j]
          ? common[(i + 1) * width + j + 1]! + 1
          : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      edits.push({ kind: " ", piece: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || common[(i + 1) * width + j]! >= common[i * width + j + 1]!)) {
      edits.push(removed(a[i++]!));
    } else {
      edits.push(added(b[j++]!));
    }
  }
  return edits;
}

/**
 * The changes with CONTEXT unchanged pieces round each, runs of more left out as "…". A removed
 * piece and the added one facing it are cut round where the two first differ.
 */
function shown(edits: Edit[]): (Edit & { at: number })[] {
  const near = (index: number) =>
    edits.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some(({ kind }) => kind !== " ");
  const out: (Edit & { at: number })[] = [];
  let skipped = false;
  edits.forEach((edit, index) => {
    if (edit.kind === " " && !near(index)) {
      if (!skipped) out.push({ kind: " ", piece: "…", at: 0 });
      skipped = true;
      return;
    }
    skipped = false;
    const facing = edit.kind === "-" ? edits.slice(index + 1).find(({ kind }) => kind !== "-") : undefined;
    const before =
      edit.kind === "+" ? [...edits.slice(0, index)].reverse().find(({ kind }) => kind !== "+") : undefined;
    const other = facing?.kind === "+" ? facing.piece : before?.kind === "-" ? before.piece : undefined;
    out.push({ ...edit, at: other === undefined ? 0 : firstDifference(edit.piece, other) });
  });
  return out;
}

function firstDifference(a: string, b: string): number {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  return at;
}

/** The piece on one line, cut to about WIDTH characters round `at`, with line breaks shown as ⏎. */
function excerpt(piece: string, at: number): string {
  const from = Math.max(0, Math.min(at - WIDTH / 2, piece.length - WIDTH));
  const to = Math.min(piece.length, from + WIDTH);
  const text = piece.slice(from, to).replace(/\r?\n/g, "⏎");
  return `${from > 0 ? "…" : ""}${text}${to < piece.length ? "…" : ""}`;
}
