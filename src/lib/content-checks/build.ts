/**
 * The content checks in the Astro build: every page of content/ is checked as it is built,
 * what the rules find is printed (file:line:column, what is wrong, how to fix it) and an error
 * fails the build. They only report: nothing here changes what Astro renders.
 *
 * Astro 7 compiles MDX with its satteri processor, which runs no remark plugins (it ignores
 * `mdx({ remarkPlugins })` and says so), so the build runs the checks from a Vite hook that
 * sees each page's file as written, settings and all. remarkContentChecks is the same check as
 * a remark plugin, for a unified MDX pipeline (@mdx-js/mdx, or Astro's unified processor).
 */
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { AstroIntegration } from "astro";
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { reporter } from "vfile-reporter";
import { checkPageSync, errorsIn } from "./index.ts";
import { buildingBlocksIn, siteMapFromFiles } from "./site-files.ts";
import type { SiteMap } from "./site-map.ts";

export interface BuildCheckOptions {
  /** The project's root; default the working directory, where Astro runs. */
  root?: string;
  /**
   * Read the site map once (a build: every page is checked against the same set) rather than
   * for every page (the dev server, where pages change while it runs). Default true.
   */
  cacheSiteMap?: boolean;
  /** Throw on an error (the build) or only print it (the dev server). Default true. */
  failOnError?: boolean;
  /** YYYY-MM-DD; default today in the UK. */
  today?: string;
}

/** Checks one page of content/ by its path and text: prints warnings, throws on an error. */
export function createBuildCheck(options: BuildCheckOptions = {}) {
  const root = options.root ?? process.cwd();
  const contentDir = join(root, "content");
  let cached: { siteMap: SiteMap; blocks: string[] } | undefined;
  const site = () => {
    const fresh = cached ?? { siteMap: siteMapFromFiles(root), blocks: buildingBlocksIn(root) };
    if (options.cacheSiteMap !== false) cached = fresh;
    return fresh;
  };

  return function checkBuiltPage(path: string, source: string): VFile | undefined {
    const inContent = relative(contentDir, path);
    if (!path.endsWith(".mdx") || inContent.startsWith("..") || isAbsolute(inContent)) return undefined;
    const checked = checkPageSync({
      path: relative(root, path).split("\\").join("/"),
      source,
      ...site(),
      ...(options.today ? { today: options.today } : {}),
    });
    if (checked.messages.length === 0) return checked;
    const errors = errorsIn(checked);
    const text = reporter(checked, { verbose: true, traceLimit: 0, color: false });
    if (errors.length === 0 || options.failOnError === false) {
      console.warn(text);
      return checked;
    }
    const first = errors[0]!;
    throw Object.assign(
      new Error(
        `The content checks found ${errors.length === 1 ? "an error" : `${errors.length} errors`} in ${checked.path}:${first.line ?? 1}:${first.column ?? 1}. content/README.md explains each check.\n${text}`,
      ),
      { loc: { file: path, line: first.line ?? 1, column: first.column ?? 1 } },
    );
  };
}

/** The checks as a remark plugin: the tree is not touched; the file as written is checked. */
export function remarkContentChecks(options: BuildCheckOptions = {}) {
  const check = createBuildCheck(options);
  return function (_tree: Root, file: VFile): void {
    if (!file.path) return;
    const path = file.path.split("?")[0]!;
    let source = String(file.value);
    // Astro blanks the settings out of the text it hands on; the rules need them.
    if (!source.startsWith("---")) source = readFileSync(path, "utf8");
    check(path, source);
  };
}

/** The checks as an Astro integration: a Vite hook that sees each page before MDX compiles it. */
export default function contentChecks(options: Omit<BuildCheckOptions, "cacheSiteMap" | "failOnError"> = {}) {
  const integration: AstroIntegration = {
    name: "west-mercia-rj:content-checks",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        const building = command === "build";
        const check = createBuildCheck({ ...options, cacheSiteMap: building, failOnError: building });
        updateConfig({
          vite: {
            plugins: [
              {
                name: "west-mercia-rj:content-checks",
                enforce: "pre",
                transform(_code: string, id: string) {
                  // Vite loads a page more than once, with queries; check the plain file once, as
                  // written (other plugins may have compiled the code handed on by then).
                  if (!id.includes("?") && id.endsWith(".mdx")) check(id, readFileSync(id, "utf8"));
                  return null;
                },
              },
            ],
          },
        });
      },
    },
  };
  return integration;
}
