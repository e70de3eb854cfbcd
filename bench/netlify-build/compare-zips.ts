/**
 * Shows that the benchmark's zips are the ones Netlify's build makes. Run it in a checkout
 * after Netlify's own build has written its zips to .netlify/functions/:
 *
 *   npx -y -p @netlify/build netlify-build --offline --context production
 *   node bench/netlify-build/compare-zips.ts
 *
 * It zips every function again as the benchmark does (tools/netlify/function-bundle.ts), unzips
 * both, and lists the files whose bytes differ. Not part of `npm test`: Netlify's build is a
 * large download the project does not depend on.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildFunctionBundles } from "../../tools/netlify/function-bundle.ts";
import { extractZip, listZip } from "../../tools/netlify/zip-file.ts";

const root = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "netlify-zips-"));

/** Every file under a folder, by its path there, with the SHA-256 of its bytes. */
function hashes(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(folder, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return found;
}

try {
  for (const bundle of await buildFunctionBundles(root, { keepIn: join(work, "ours") })) {
    const theirs = join(root, ".netlify", "functions", `${bundle.name}.zip`);
    const [theirFolder, ourFolder] = [join(work, bundle.name, "netlify"), join(work, bundle.name, "ours")];
    mkdirSync(theirFolder, { recursive: true });
    mkdirSync(ourFolder, { recursive: true });
    extractZip(theirs, theirFolder);
    extractZip(bundle.zipFile!, ourFolder);
    const [a, b] = [hashes(theirFolder), hashes(ourFolder)];
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((name) => a.get(name) !== b.get(name));
    console.log(
      `${bundle.name}: Netlify's build ${statSync(theirs).size} bytes in ${listZip(theirs).length} files, ` +
        `the benchmark's ${bundle.zipBytes} bytes in ${bundle.files} files; ` +
        `files that differ: ${differ.length ? differ.join(", ") : "none"}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
