/**
 * A throwaway copy of the project (its node_modules linked, not copied), for tests and scripts
 * that let the editor write pages or build the site with pages the real content/ does not have
 * (a draft, a thousand generated guides), so they never touch the real content/ or dist/.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";

export const ROOT = join(import.meta.dirname, "..", "..");
const BUILD_TIMEOUT_MS = 60_000;
const LEFT_OUT = new Set(["node_modules", "dist", ".git", ".astro", ".netlify", ".outbox", "test-results", "bench"]);

/** The config to build a copy with (`astro build --config COPY_CONFIG`): its own content cache. */
export const COPY_CONFIG = "astro.config.copy.mjs";

export interface ProjectCopy {
  dir: string;
  /** `astro build` in the copy, with the given environment on top of this one's. */
  build(env?: Record<string, string>): Promise<void>;
  remove(): void;
}

export function projectCopy(prefix = "site-"): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (source) => !LEFT_OUT.has(relative(ROOT, source).split(sep)[0] ?? ""),
  });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  // Astro caches content under node_modules/.astro by default, which the copy shares: keep its own.
  writeFileSync(
    join(dir, COPY_CONFIG),
    'import config from "./astro.config.mjs";\nexport default { ...config, cacheDir: "./.astro-cache" };\n',
  );
  return {
    dir,
    async build(env = {}) {
      await promisify(execFile)(join(dir, "node_modules", ".bin", "astro"), ["build", "--config", COPY_CONFIG], {
        cwd: dir,
        // Without what Vitest adds: its DEV=1 would make a live build include drafts.
        env: buildEnvironment(env),
        maxBuffer: 16 * 1024 * 1024,
        // A build takes seconds: one that hangs fails here with what it printed, not as a test timeout.
        timeout: BUILD_TIMEOUT_MS,
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
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
