/**
 * The site's on-demand routes (the editors' admin), as Astro's Netlify adapter writes them: one
 * Frameworks API function in `.netlify/v1/functions/ssr/`, at `/*` with `preferStatic`, so
 * Netlify answers with it whatever no file or other function matched. NetlifyDev serves only
 * `netlify/functions/`, so the preview loads this one itself, in its own process.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

type Handler = (request: Request, context: Record<string, unknown>) => Promise<Response>;

/**
 * The handler, or null when the last build wrote none. A function older than the published
 * pages is left from an earlier build (one without the admin writes no function): not served.
 */
export async function loadFrameworkFunction(root: string, publishDir: string): Promise<Handler | null> {
  const file = path.join(root, ".netlify", "v1", "functions", "ssr", "ssr.mjs");
  const page = path.join(publishDir, "index.html");
  if (!existsSync(file) || (existsSync(page) && statSync(file).mtimeMs < statSync(page).mtimeMs)) return null;
  const { default: handler } = (await import(pathToFileURL(file).href)) as { default: Handler };
  return handler;
}

/** What the function reads of Netlify's context here: the client's address and the deploy. */
export function frameworkContext(ip: string): Record<string, unknown> {
  return {
    ip,
    deploy: { context: "dev", id: "0", published: false },
    site: { id: "0", name: "preview", url: "" },
    geo: {},
    params: {},
    requestId: "preview",
    server: { region: "local" },
    account: { id: "0" },
    waitUntil: () => {},
  };
}
