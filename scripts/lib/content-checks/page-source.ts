/**
 * Reads one page of content/: its MDX as a syntax tree with line numbers, and its settings
 * (the YAML frontmatter) with the line each setting is on.
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { slug } from "github-slugger";
import type { Root, Yaml } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";

export interface PageSource {
  /** The file as the report names it, relative to the project, e.g. content/privacy.mdx. */
  file: string;
  /** The page's id and address: "privacy" for /privacy/, "index" for the home page. */
  id: string;
  tree: Root;
  /** The settings as written, or undefined when there are none or they cannot be read. */
  settings: Record<string, unknown> | undefined;
  /** Why the settings or the MDX could not be read, if they could not. */
  readError: { line: number; column: number; reason: string } | undefined;
  /** The line in the file of a setting, e.g. ["navigation", "order"]; the first line if absent. */
  lineOf(path: readonly PropertyKey[]): number;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ["yaml"]);

/** The id Astro's content loader gives a file: each folder and the name slugged, "/index" dropped. */
export function pageId(path: string, contentDir: string): string {
  const segments = relative(contentDir, path)
    .replace(/\.mdx$/, "")
    .split(sep);
  return segments
    .map((segment) => slug(segment))
    .join("/")
    .replace(/\/index$/, "");
}

export function readPageSource(path: string, projectRoot: string, contentDir: string): PageSource {
  const text = readFileSync(path, "utf8");
  const fromRoot = relative(projectRoot, path);
  // Pages outside the project (another folder given to the checks) keep their full path.
  const file = (fromRoot.startsWith("..") ? path : fromRoot).split("\\").join("/");
  const id = pageId(path, contentDir);
  let tree: Root;
  try {
    tree = parser.parse(text);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    return {
      file,
      id,
      tree: { type: "root", children: [] },
      settings: undefined,
      readError: { line: place.line ?? 1, column: place.column ?? 1, reason: place.reason ?? String(place.message) },
      lineOf: () => 1,
    };
  }
  const yamlNode = tree.children.find((node): node is Yaml => node.type === "yaml");
  if (!yamlNode) {
    return { file, id, tree, settings: undefined, readError: undefined, lineOf: () => 1 };
  }
  // The YAML starts on the line after the opening ---.
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlNode.value, { lineCounter, prettyErrors: false });
  const lineOf = (settingPath: readonly PropertyKey[]) => {
    const offset = keyOffset(document, settingPath);
    return offset === undefined ? firstLine - 1 : firstLine + lineCounter.linePos(offset).line - 1;
  };
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    return {
      file,
      id,
      tree,
      settings: undefined,
      readError: { line: firstLine + (at?.line ?? 1) - 1, column: at?.col ?? 1, reason: yamlError.message },
      lineOf,
    };
  }
  const settings = document.toJS() as unknown;
  return {
    file,
    id,
    tree,
    settings: isRecord(settings) ? settings : undefined,
    readError: undefined,
    lineOf,
  };
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
