/**
 * Adds the editor to the site, and nothing to its public pages: two on-demand routes (the admin
 * at /keystatic and its API at /api/keystatic) and the middleware that gives them their own
 * headers. Used only when src/keystatic/mode.ts says so; without it the build is the static site.
 * Keystatic's own integration (@keystatic/astro) injects the same routes, but its page would get
 * the public pages' Content-Security-Policy, which forbids what the admin runs on.
 */
import { appendFileSync, existsSync, readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { searchForWorkspaceRoot } from "vite";
import { buildingBlocksIn, siteMapFromFiles } from "../lib/content-checks/site-files.ts";
import type { SiteForChecks } from "./editor-checks.ts";
import { editorStaysPut } from "./dev-reloads.ts";
import type { AdminMode } from "./mode.ts";

/** Crawlers are asked to keep out of the admin (which also answers with X-Robots-Tag: noindex). */
export const ROBOTS_LINES = "Disallow: /keystatic\nDisallow: /api/keystatic\n";

export function keystaticAdmin(mode: Exclude<AdminMode, "off">): AstroIntegration {
  return {
    name: "keystatic-admin",
    hooks: {
      "astro:config:setup": ({ injectRoute, addMiddleware, updateConfig, config }) => {
        const root = fileURLToPath(config.root);
        updateConfig({
          vite: {
            // The dev server serves the admin's packages from node_modules wherever it really is
            // (the tests run a copy of the site whose node_modules links to the real one).
            server: { fs: { allow: [searchForWorkspaceRoot(root), realpathSync(`${root}/node_modules`)] } },
            // keystatic.config.ts runs in the browser too, where there is no process.env.
            define: {
              "import.meta.env.KEYSTATIC_STORAGE": JSON.stringify(mode),
              "import.meta.env.KEYSTATIC_GITHUB_REPO": JSON.stringify(process.env["KEYSTATIC_GITHUB_REPO"] ?? ""),
              // The editor's checks panel (editor-checks.ts) cannot read files: it gets the site's
              // addresses and building blocks as they are now, and may be told what day it is.
              // In GitHub mode the admin's scripts are public, so they carry no draft pages.
              "import.meta.env.CONTENT_CHECKS_SITE": JSON.stringify(
                JSON.stringify(siteForChecks(root, { withDrafts: mode !== "github" })),
              ),
              "import.meta.env.CONTENT_CHECKS_TODAY": JSON.stringify(process.env["CONTENT_CHECKS_TODAY"] ?? ""),
            },
            // Pre-bundle the admin's dependencies up front, so its first visit under npm start is quick.
            optimizeDeps: { entries: ["keystatic.config.ts", "src/keystatic/*.ts"] },
            plugins: [editorStaysPut()],
          },
        });
        injectRoute({
          pattern: "/keystatic/[...params]",
          entrypoint: new URL("./admin-page.astro", import.meta.url),
          prerender: false,
        });
        injectRoute({
          pattern: "/api/keystatic/[...params]",
          entrypoint: new URL("./api-route.ts", import.meta.url),
          prerender: false,
        });
        addMiddleware({ entrypoint: new URL("./admin-headers.ts", import.meta.url), order: "pre" });
      },
      // robots.txt (public/robots.txt) names the admin only in builds that have one, so a build
      // without the admin stays byte for byte the static site.
      "astro:build:done": ({ dir }) => {
        const robots = new URL("robots.txt", dir);
        if (!existsSync(robots)) return;
        const text = readFileSync(robots, "utf8");
        appendFileSync(robots, `${text.endsWith("\n") ? "" : "\n"}${ROBOTS_LINES}`);
      },
    },
  };
}

/**
 * The site's addresses (content pages, src/pages, public/) and building blocks, for the checks
 * panel. `withDrafts: false` leaves draft pages out, addresses and headings alike: anyone can
 * read the live admin's scripts without signing in. A link to a draft then shows as broken in
 * the panel, and the build's own checks still say what it is.
 */
export function siteForChecks(
  root: string,
  { withDrafts = true, contentDir }: { withDrafts?: boolean; contentDir?: string } = {},
): SiteForChecks {
  const addresses = [...siteMapFromFiles(root, contentDir)]
    .filter(([, { draft }]) => withDrafts || !draft)
    .map(([address, { draft, anchors, fingerprint }]): SiteForChecks["addresses"][number] => [
      address,
      {
        draft,
        ...(anchors ? { anchors: [...anchors] } : {}),
        ...(fingerprint ? { fingerprint } : {}),
      },
    ]);
  return { addresses, blocks: buildingBlocksIn(root) };
}
