/**
 * One page of content/ as the rules see it: its MDX as a syntax tree with positions, and its
 * settings (the YAML frontmatter) with the place of each setting, kept on the file's data so
 * every rule reads them once. No file system: the editor checks unsaved drafts with it too.
 */
import { slug } from "github-slugger";
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { VFile } from "vfile";
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";

/** A place in the page's file: 1-based line and column, as editors and reports count them. */
export interface Place {
  line: number;
  column: number;
}

export interface PageData {
  /** The page's id and address: "privacy" for /privacy/, "index" for the home page. */
  id: string;
  /** The settings as written, or undefined when there are none or they cannot be read. */
  settings: Record<string, unknown> | undefined;
  /** Why the settings could not be read, if they could not. */
  settingsError: (Place & { reason: string }) | undefined;
  /** Where a setting's name is, e.g. ["navigation", "order"]; the first line if it is absent. */
  placeOf(path: readonly PropertyKey[]): Place;
}

declare module "vfile" {
  interface DataMap {
    /** Set by checkPage when the page's id is not its file name (another folder of pages). */
    pageId: string;
    page: PageData;
  }
}

/** MDX with YAML settings, exactly as the site build reads a page. */
export const pageParser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ["yaml"]).freeze();

/**
 * The id Astro's content loader gives a page, from its path inside content/: each folder and
 * the name slugged, "/index" dropped. A path outside content/ is taken from its last part.
 */
export function pageId(path: string): string {
  const inContent = path
    .split("\\")
    .join("/")
    .replace(/^(?:.*?\/)?content\//, "");
  return inContent
    .replace(/\.mdx$/, "")
    .split("/")
    .map((segment) => slug(segment))
    .join("/")
    .replace(/(?:^|\/)index$/, "")
    .replace(/^$/, "index");
}

export function placeOf(node: { position?: { start: { line: number; column: number } } | undefined }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** The page's id and settings, read from the tree once and kept on the file. */
export function pageOf(tree: Root, file: VFile): PageData {
  if (file.data.page) return file.data.page;
  const id = file.data.pageId ?? pageId(file.path || "index.mdx");
  const yamlNode = tree.children.find((node) => node.type === "yaml");
  const first: Place = { line: 1, column: 1 };
  let page: PageData = { id, settings: undefined, settingsError: undefined, placeOf: () => first };
  if (yamlNode) {
    // The YAML starts on the line after the opening ---.
    const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
    const lineCounter = new LineCounter();
    const document = parseDocument(yamlNode.value, { lineCounter, prettyErrors: false });
    const placeOfSetting = (path: readonly PropertyKey[]): Place => {
      const offset = keyOffset(document, path);
      if (offset === undefined) return first;
      const { line, col } = lineCounter.linePos(offset);
      return { line: firstLine + line - 1, column: col };
    };
    const yamlError = document.errors[0];
    const at = yamlError?.linePos?.[0];
    const settings = yamlError ? undefined : (document.toJS() as unknown);
    page = {
      id,
      settings: isRecord(settings) ? settings : undefined,
      settingsError: yamlError
        ? { line: firstLine + (at?.line ?? 1) - 1, column: at?.col ?? 1, reason: yamlError.message }
        : undefined,
      placeOf: placeOfSetting,
    };
  }
  file.data.page = page;
  return page;
}

/** Where in the YAML text the deepest key of the path that exists starts. */
function keyOffset(document: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let found: number | undefined;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (!pair || !isScalar(pair.key)) break;
    found = pair.key.range?.[0];
    node = pair.value;
  }
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
