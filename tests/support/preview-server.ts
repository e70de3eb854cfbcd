/**
 * Vitest global setup for browser tests: serves the built dist/ the way Netlify would
 * (scripts/preview.ts) on a free loopback port, and hands its address to every test.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPreview } from "../../scripts/preview.ts";
import { DIST } from "./site-pages.ts";

declare module "vitest" {
  export interface ProvidedContext {
    previewUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error("dist/ has no built site: run `npm run build` first (npm test does).");
  }
  const preview = await startPreview({ port: 0, host: "127.0.0.1" });
  project.provide("previewUrl", preview.url);
  return () => preview.close();
}
