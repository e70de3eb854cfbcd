/** One thing wrong with a page, said so that the person who edits it can put it right. */
export interface Problem {
  /** The page's file, relative to the project, e.g. content/contact-us.mdx. */
  file: string;
  line: number;
  column: number;
  /** Errors stop the site going live; warnings are reminders. */
  severity: "error" | "warning";
  /** A short name for the check, so the guide can explain it: "broken-link", "heading-order"… */
  rule: string;
  /** What is wrong, in plain words. */
  message: string;
  /** How to put it right. */
  fix: string;
}

/** Where a node sits in the page's file, for nodes that may have lost their position. */
export interface Place {
  line: number;
  column: number;
}

export function placeOf(node: { position?: { start: { line: number; column: number } } | undefined }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
