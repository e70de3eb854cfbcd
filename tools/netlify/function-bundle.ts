/**
 * The functions as Netlify deploys them: each zipped by @netlify/zip-it-and-ship-it, the tool
 * Netlify's build runs, with the settings that build passes it (see netlifyZipOptions). Reports
 * each zip and what is inside it by package, so a regression shows which dependency grew, and
 * can keep the zips for the cold-start benchmark to unpack.
 */
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import process from "node:process";
import { zipFunction, type FunctionConfig } from "@netlify/zip-it-and-ship-it";
import { parse as parseToml } from "smol-toml";
import { listZip, readZipText } from "./zip-file.ts";

/**
 * What a function may weigh, zipped as Netlify zips it. Every zip holds Netlify's own files
 * (its bootstrap and telemetry: about 337 KB zipped) beside the one file the build bundles
 * (src/lib/enquiry/functions-build.ts): the enquiry function's is about 68 KB zipped, its zip
 * about 405 KB. The ceiling leaves room for patch releases, not for a new dependency nobody
 * noticed. Before the functions were bundled the enquiry zip was 1.70 MB, and the ceiling 2 MB.
 */
export const FUNCTION_ZIP_BUDGET = 500_000;

/** Netlify's own files in every zip: its bootstrap, entry point, telemetry and metadata. */
export const NETLIFY_FILES = "(netlify)";
/** This project's own files in a zip: the function, and anything it reads, such as built pages. */
export const PROJECT_FILES = "(project)";

export interface FunctionBundle {
  /** The function's name: its file name without the extension, as Netlify names it. */
  name: string;
  /** Its main file, relative to the root with "/". */
  mainFile: string;
  bundler: string;
  zipBytes: number;
  /** Files in the zip. */
  files: number;
  unzippedBytes: number;
  /** Unzipped bytes by package, NETLIFY_FILES and PROJECT_FILES among them, largest first. */
  byPackage: { name: string; files: number; bytes: number }[];
  /** The project's own files in the zip, with "/", such as built pages. */
  projectFiles: string[];
  /** The function's module inside the zip, the one Netlify's entry point loads. */
  entryModule: string;
  /** Its `config` as Netlify's bundler read it from the file, without running it. */
  declared: { path?: unknown; schedule?: unknown; rateLimit?: unknown; method?: unknown };
  /** The zip itself, when kept (`keepIn`). */
  zipFile?: string;
}

interface NetlifySettings {
  /** The functions folder Netlify packages on a deploy, absolute. */
  functionsDirectory: string;
  /** netlify.toml's [functions] settings, for every function, in netlify.toml's own words. */
  functions: Record<string, unknown>;
}

/** netlify.toml as Netlify's build reads it on a deploy: [build] functions and [functions]. */
export function netlifySettings(root: string): NetlifySettings {
  const config = parseToml(readFileSync(join(root, "netlify.toml"), "utf8")) as {
    build?: { functions?: string };
    context?: { production?: { functions?: string } };
    functions?: Record<string, unknown> & { directory?: string };
  };
  const { directory, ...functions } = config.functions ?? {};
  const folder = config.context?.production?.functions ?? config.build?.functions ?? directory ?? "netlify/functions";
  return { functionsDirectory: resolve(root, folder), functions };
}

/**
 * The options Netlify's build gives zip-it-and-ship-it (@netlify/build's
 * src/plugins_core/functions/zisi.ts, getZisiParameters and normalizeFunctionConfig): the
 * build folder as base, netlify.toml's [functions] settings renamed, and the Node version the
 * site runs (.nvmrc; this process's, as Netlify resolves .nvmrc to a full version).
 */
function netlifyZipOptions(root: string, settings: NetlifySettings) {
  const toml = settings.functions as {
    included_files?: string[];
    external_node_modules?: string[];
    ignored_node_modules?: string[];
    node_bundler?: string;
  };
  const config: FunctionConfig = {
    includedFiles: toml.included_files ?? [],
    includedFilesBasePath: root,
    ...(toml.external_node_modules ? { externalNodeModules: toml.external_node_modules } : {}),
    ...(toml.ignored_node_modules ? { ignoredNodeModules: toml.ignored_node_modules } : {}),
    ...(toml.node_bundler
      ? {
          nodeBundler: (toml.node_bundler === "esbuild"
            ? "esbuild_zisi"
            : toml.node_bundler) as FunctionConfig["nodeBundler"],
        }
      : {}),
    nodeVersion: process.versions.node,
  };
  return { basePath: root, repositoryRoot: root, config: { "*": config } };
}

/** The functions Netlify would package from the functions folder: its script files, by name. */
function functionFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const extensions = new Set([".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]);
  return readdirSync(folder)
    .sort()
    .map((name) => join(folder, name))
    .filter((file) => extensions.has(extname(file)) && statSync(file).isFile());
}

const nameOf = (file: string) => file.slice(file.lastIndexOf(sep) + 1, -extname(file).length);

/** Every function in the functions folder Netlify deploys, zipped as Netlify zips them. */
export async function buildFunctionBundles(
  root: string,
  options: { names?: readonly string[]; keepIn?: string } = {},
): Promise<FunctionBundle[]> {
  const settings = netlifySettings(root);
  const files = functionFiles(settings.functionsDirectory).filter(
    (file) => !options.names || options.names.includes(nameOf(file)),
  );
  if (options.names) {
    const missing = options.names.filter((name) => !files.some((file) => nameOf(file) === name));
    if (missing.length) throw new Error(`No function ${missing.join(", ")} in ${settings.functionsDirectory}.`);
  }
  const bundles: FunctionBundle[] = [];
  for (const file of files) bundles.push(await zipOne(root, file, settings, options.keepIn));
  return bundles;
}

/** One function (the enquiry function unless another is named), zipped as Netlify zips it. */
export async function buildFunctionBundle(root: string, name = "enquiry"): Promise<FunctionBundle> {
  const [bundle] = await buildFunctionBundles(root, { names: [name] });
  return bundle!;
}

async function zipOne(root: string, file: string, settings: NetlifySettings, keepIn?: string): Promise<FunctionBundle> {
  const out = keepIn ?? mkdtempSync(join(tmpdir(), "function-bundle-"));
  const staged = isSymlink(join(root, "node_modules")) ? await stageWithRealModules(root, file, settings) : null;
  try {
    const base = staged?.root ?? root;
    const main = staged ? join(staged.root, relative(root, file)) : file;
    const result = await zipFunction(main, out, netlifyZipOptions(base, settings));
    if (!result) throw new Error(`Netlify's bundler found no function in ${file}.`);
    const entries = listZip(result.path);
    const packages = new Map<string, { files: number; bytes: number }>();
    const projectFiles: string[] = [];
    for (const entry of entries) {
      const key = packageOf(entry.name);
      if (key === PROJECT_FILES) projectFiles.push(entry.name);
      const sum = packages.get(key) ?? { files: 0, bytes: 0 };
      packages.set(key, { files: sum.files + 1, bytes: sum.bytes + entry.size });
    }
    return {
      name: nameOf(file),
      mainFile: relative(root, file).split(sep).join("/"),
      bundler: result.bundler ?? "unknown",
      zipBytes: statSync(result.path).size,
      files: entries.length,
      unzippedBytes: entries.reduce((sum, entry) => sum + entry.size, 0),
      byPackage: [...packages].map(([name, sum]) => ({ name, ...sum })).sort((a, b) => b.bytes - a.bytes),
      projectFiles: projectFiles.sort(),
      entryModule: entryModuleOf(result.path),
      declared: declaredConfig(result),
      ...(keepIn ? { zipFile: result.path } : {}),
    };
  } finally {
    if (!keepIn) rmSync(out, { recursive: true, force: true });
    if (staged) rmSync(staged.root, { recursive: true, force: true });
  }
}

function declaredConfig(result: { config: object; schedule?: string | undefined }): FunctionBundle["declared"] {
  const { path, rateLimit, method } = result.config as FunctionBundle["declared"];
  return { path, rateLimit, method, schedule: result.schedule };
}

/** The module Netlify's entry point hands to its bootstrap: `getLambdaHandler('./…')`. */
function entryModuleOf(zip: string): string {
  const entry = readZipText(zip, "___netlify-entry-point.mjs");
  const named = /getLambdaHandler\(['"]\.\/([^'"]+)['"]\)/.exec(entry)?.[1];
  if (!named) throw new Error(`Cannot find the function's module in ${zip}'s entry point.`);
  return named;
}

/** "node_modules/@scope/name/…" is @scope/name; Netlify's ___netlify-… files are its own. */
function packageOf(path: string): string {
  if (path.startsWith("___netlify-")) return NETLIFY_FILES;
  const parts = path.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at === -1) return PROJECT_FILES;
  const first = parts[at + 1] ?? "";
  return first.startsWith("@") ? `${first}/${parts[at + 2] ?? ""}` : first;
}

const isSymlink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * A git worktree may link node_modules to another checkout's. Netlify's bundler then zips the
 * link itself, not the packages (a deploy never has one). So the files the bundler traces,
 * followed through the link, are copied into a folder of their own, laid out as a checkout
 * with a real node_modules, and the function is zipped from there.
 */
async function stageWithRealModules(root: string, file: string, settings: NetlifySettings) {
  const modules = realpathSync(join(root, "node_modules"));
  const common = commonAncestor(root, modules);
  const traceOut = mkdtempSync(join(tmpdir(), "function-trace-"));
  const staged = mkdtempSync(join(tmpdir(), "function-stage-"));
  try {
    // Traced from the common folder, so the bundler follows the link; included_files stay the root's.
    const options = netlifyZipOptions(root, settings);
    const traced = await zipFunction(file, traceOut, { ...options, basePath: common, repositoryRoot: common });
    const copy = (from: string, to: string) => {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    };
    for (const input of traced?.inputs ?? []) {
      if (isSymlink(input) || !statSync(input).isFile()) continue;
      const real = realpathSync(input);
      if (real.startsWith(modules + sep)) copy(real, join(staged, "node_modules", relative(modules, real)));
      else if (real.startsWith(root + sep)) copy(real, join(staged, relative(root, real)));
    }
    for (const name of ["netlify.toml", "package.json", ".nvmrc"]) {
      if (existsSync(join(root, name))) copy(join(root, name), join(staged, name));
    }
    copyTsconfig(root, modules, staged, copy);
    return { root: staged };
  } catch (error) {
    rmSync(staged, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(traceOut, { recursive: true, force: true });
  }
}

/** tsconfig.json and the files it extends, which the bundler's esbuild reads when it transpiles. */
function copyTsconfig(root: string, modules: string, staged: string, copy: (from: string, to: string) => void) {
  const seen = new Set<string>();
  const follow = (file: string, to: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    copy(file, to);
    const { extends: parent } = JSON.parse(stripJsonComments(readFileSync(file, "utf8"))) as { extends?: string };
    if (typeof parent !== "string") return;
    const withJson = parent.endsWith(".json") ? parent : `${parent}.json`;
    if (parent.startsWith(".")) follow(resolve(dirname(file), withJson), resolve(dirname(to), withJson));
    else follow(join(modules, withJson), join(staged, "node_modules", withJson));
  };
  follow(join(root, "tsconfig.json"), join(staged, "tsconfig.json"));
}

/** tsconfig files may hold comments and trailing commas. */
function stripJsonComments(text: string): string {
  return text
    .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_, string: string | undefined) => string ?? "")
    .replace(/,(\s*[}\]])/g, "$1");
}

function commonAncestor(a: string, b: string): string {
  const left = resolve(a).split(sep);
  const right = resolve(b).split(sep);
  let i = 0;
  while (i < left.length && left[i] === right[i]) i += 1;
  return left.slice(0, i).join(sep) || sep;
}
