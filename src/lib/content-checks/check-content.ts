/**
 * Runs every rule over a folder of pages (content/ by default), as `npm run check:content`
 * does, with the site map and building blocks read from the project's files.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { VFile } from "vfile";
import { todayInUk } from "../page-schema.ts";
import { checkPageSync } from "./index.ts";
import { buildingBlocksIn, contentPages, siteMapFromFiles } from "./site-files.ts";

export interface ContentCheckOptions {
  /** The project's root, for naming files in messages and finding src/pages and public/. */
  root: string;
  /** Default: <root>/content. */
  contentDir?: string;
  /** Default: today in the UK, YYYY-MM-DD. */
  today?: string;
}

export interface PageGrade {
  file: string;
  grade: number;
  ceiling: number;
  words: number;
}

export interface ContentReport {
  /** One file a page, in file-name order, each with its messages. */
  files: VFile[];
  /** Each readable page's reading grade. */
  grades: PageGrade[];
  pageCount: number;
}

export function checkContent(options: ContentCheckOptions): ContentReport {
  const { root, today = todayInUk() } = options;
  const contentDir = options.contentDir ?? join(root, "content");
  const siteMap = siteMapFromFiles(root, contentDir);
  const blocks = buildingBlocksIn(root);
  const files = contentPages(contentDir).map((page) => {
    const fromRoot = relative(root, page.path);
    // Pages outside the project (another folder given to the checks) keep their full path.
    const path = (fromRoot.startsWith("..") ? page.path : fromRoot).split("\\").join("/");
    return checkPageSync({ path, source: readFileSync(page.path, "utf8"), id: page.id, siteMap, blocks, today });
  });
  const grades = files.flatMap((file) => (file.data.reading ? [{ file: file.path, ...file.data.reading }] : []));
  return { files, grades, pageCount: files.length };
}
