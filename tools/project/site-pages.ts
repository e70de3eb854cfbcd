/** The pages of the built site, found from dist/ so no test keeps a list by hand. */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const DIST = join(import.meta.dirname, "..", "..", "dist");

/** Every HTML file in dist/, as the path a visitor requests (404.html stays as it is). */
export function builtPagePaths(dist = DIST): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => {
      const path = "/" + relative(dist, join(dist, file)).split(sep).join("/");
      return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
    })
    .sort();
}

/** The file in dist/ behind a path from builtPagePaths(): "/privacy/" is privacy/index.html. */
export function builtFile(path: string, dist = DIST): string {
  return join(dist, path.endsWith("/") ? `${path}index.html` : path);
}
