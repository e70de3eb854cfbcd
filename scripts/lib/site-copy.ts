/**
 * A throwaway copy of the project, to build the site with pages the real content/ does not
 * have (a draft, a thousand generated guides) without touching content/ or dist/.
 */
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const COPIED = ["astro.config.mjs", "package.json", "tsconfig.json", "src", "content", "public"];

/** The config to build a copy with: `astro build --config COPY_CONFIG`. */
export const COPY_CONFIG = "astro.config.copy.mjs";

/** Copies the project (node_modules linked, not copied) into a new temporary folder. */
export function copySite(root: string, prefix = "site-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of COPIED) {
    // The editors' guide is not a page.
    cpSync(join(root, entry), join(dir, entry), {
      recursive: true,
      filter: (source) => !source.endsWith(join("content", "README.md")),
    });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  // Astro caches content under node_modules/.astro by default: keep the copy's cache its own.
  writeFileSync(
    join(dir, COPY_CONFIG),
    'import config from "./astro.config.mjs";\nexport default { ...config, cacheDir: "./.astro-cache" };\n',
  );
  return dir;
}

/**
 * This process's environment without a test runner's settings: Vitest sets DEV=1, MODE=test
 * and the like, which would make Astro build as it does for `npm start`.
 */
export function buildEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST.*|NODE_ENV)$/.test(key),
  );
  return { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: "1", ...extra };
}
