/**
 * A throwaway copy of the project (its node_modules linked, not copied) for tests and scripts
 * that let the editor write pages or build the site, so they never touch the real content/ or dist/.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { buildEnvironment } from "./site-copy.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
const BUILD_TIMEOUT_MS = 60_000;
const LEFT_OUT = new Set(["node_modules", "dist", ".git", ".astro", ".netlify", ".outbox", "test-results", "bench"]);

export interface ProjectCopy {
  dir: string;
  /** `astro build` in the copy, with the given environment on top of this one's. */
  build(env?: Record<string, string>): Promise<void>;
  remove(): void;
}

export function projectCopy(): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), "keystatic-site-"));
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (source) => !LEFT_OUT.has(relative(ROOT, source).split(sep)[0] ?? ""),
  });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return {
    dir,
    async build(env = {}) {
      await promisify(execFile)(join(dir, "node_modules", ".bin", "astro"), ["build"], {
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
