/**
 * A function as Netlify deploys it (the enquiry function unless another is named): zipped by
 * @netlify/zip-it-and-ship-it, the tool Netlify's own build runs. Reports the zip and what is
 * inside it by package, so a regression shows which dependency grew.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, matchesGlob, relative, sep } from "node:path";
import { zipFunction } from "@netlify/zip-it-and-ship-it";
import { parse as parseToml } from "smol-toml";

/**
 * What a function may weigh, zipped. The enquiry function needs zod, linkedom, resend and
 * @netlify/blobs (about 1.70 MB zipped; nodemailer, which only the local outbox loads, is left
 * out by netlify.toml); the ceiling leaves room for patch releases, not for a new dependency
 * nobody noticed.
 */
export const FUNCTION_ZIP_BUDGET = 2_000_000;

export interface FunctionBundle {
  bundler: string;
  zipBytes: number;
  files: number;
  unzippedBytes: number;
  /** Unzipped bytes by package ("(project)" for this project's own files), largest first. */
  byPackage: { name: string; files: number; bytes: number }[];
  /** The project's own files in the bundle, relative to the root with "/", such as built pages. */
  projectFiles: string[];
}

/** netlify.toml's [functions] table, which Netlify applies to every function it packages. */
function functionsSettings(root: string): { included_files?: string[] } {
  const config = parseToml(readFileSync(join(root, "netlify.toml"), "utf8")) as {
    functions?: { included_files?: string[] };
  };
  return config.functions ?? {};
}

export async function buildFunctionBundle(root: string, name = "enquiry.mts"): Promise<FunctionBundle> {
  const out = mkdtempSync(join(tmpdir(), "function-bundle-"));
  try {
    const includedFiles = functionsSettings(root).included_files ?? [];
    const result = await zipFunction(join(root, "netlify", "functions", name), out, {
      basePath: root,
      repositoryRoot: root,
      // As Netlify's build passes it: netlify.toml's [functions] settings, for every function.
      config: { "*": { includedFiles, includedFilesBasePath: root } },
    });
    if (!result) throw new Error(`Netlify's bundler found no function in ${name}.`);
    const packages = new Map<string, { files: number; bytes: number }>();
    let unzippedBytes = 0;
    const projectFiles: string[] = [];
    // The bundler lists what it traced, including files a "!" pattern then kept out of the zip.
    const leftOut = includedFiles.filter((glob) => glob.startsWith("!")).map((glob) => glob.slice(1));
    const zipped = (result.inputs ?? []).filter(
      (input) => !leftOut.some((glob) => matchesGlob(relative(root, input), glob)),
    );
    for (const input of zipped) {
      const bytes = statSync(input).size;
      unzippedBytes += bytes;
      const path = relative(root, input);
      const key = packageOf(path);
      if (key === "(project)") projectFiles.push(path.split(sep).join("/"));
      const entry = packages.get(key) ?? { files: 0, bytes: 0 };
      packages.set(key, { files: entry.files + 1, bytes: entry.bytes + bytes });
    }
    return {
      bundler: result.bundler ?? "unknown",
      zipBytes: statSync(result.path).size,
      files: zipped.length,
      unzippedBytes,
      byPackage: [...packages].map(([name, entry]) => ({ name, ...entry })).sort((a, b) => b.bytes - a.bytes),
      projectFiles: projectFiles.sort(),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** "node_modules/@scope/name/…" is @scope/name; anything else is the project's own. */
function packageOf(path: string): string {
  const parts = path.split(sep);
  const at = parts.lastIndexOf("node_modules");
  if (at === -1) return "(project)";
  const first = parts[at + 1] ?? "";
  return first.startsWith("@") ? `${first}/${parts[at + 2] ?? ""}` : first;
}
