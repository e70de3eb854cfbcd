// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import netlify from "@astrojs/netlify";
import react from "@astrojs/react";
import { keystaticAdmin } from "./src/keystatic/integration.ts";
import { adminMode } from "./src/keystatic/mode.ts";
import contentChecks from "./src/lib/content-checks/build.ts";
import { netlifyFunctions } from "./src/lib/enquiry/functions-build.ts";
import { DEFAULT_LANGUAGE, LANGUAGES } from "./src/i18n/languages.ts";

// The Netlify adapter's job here is local: it runs netlify/functions inside `astro dev`, so
// `npm start` has a working form. Built pages are plain static files and need no server function.
const isDevServer = process.argv.includes("dev");
// The enquiry function fills in the built form pages; astro dev has none, so it asks the dev
// server for them instead (the functions it runs share this process's environment).
if (isDevServer) process.env["ENQUIRY_PAGES_FROM_DEV_SERVER"] = "1";
// The editors' admin at /keystatic: on under `astro dev`, on in a build only when KEYSTATIC or
// the GitHub App's variables say so, otherwise left out entirely (src/keystatic/mode.ts).
const admin = adminMode(process.env, isDevServer ? "dev" : "build");

export default defineConfig({
  // The public address; used for canonical links and the sitemap.
  site: "https://restorativejustice-westmercia.netlify.app",
  // Pages are written as /page/index.html and linked with the slash. "ignore", not "always":
  // in `astro dev`, "always" answers 404 for /enquire/send before the function can see it.
  trailingSlash: "ignore",
  build: {
    format: "directory",
    // One request per page: the CSS is small enough to travel inside the HTML.
    inlineStylesheets: "always",
  },
  // Edge functions and the image CDN would fetch tools from the internet; the site uses neither.
  // A build needs the adapter only for the admin, whose routes are the only on-demand ones.
  ...(isDevServer || admin !== "off"
    ? {
        adapter: netlify({
          devFeatures: {
            edgeFunctions: false,
            images: false,
            environmentVariables: false,
          },
        }),
      }
    : {}),
  output: "static",
  // English at / as before; each translation under its code (/pl/, /ur/, …), from
  // src/i18n/languages.ts. Astro.currentLocale tells every component the page's language.
  i18n: {
    locales: Object.keys(LANGUAGES),
    defaultLocale: DEFAULT_LANGUAGE,
    routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false },
  },
  // contentChecks runs the content rules on every page as it builds: an error stops the build
  // with the file, line and how to fix it; warnings are printed (only printed, by `astro dev`).
  // Not mdx({ remarkPlugins }): Astro 7's MDX processor runs no remark plugins.
  // netlifyFunctions makes templates of the pages the enquiry function answers with, then
  // bundles each function for Netlify to package (src/lib/enquiry/functions-build.ts).
  integrations: [
    mdx(),
    contentChecks(),
    netlifyFunctions(),
    ...(admin === "off" ? [] : [react(), keystaticAdmin(admin)]),
  ],
  // Syntax highlighting writes inline styles, which the Content-Security-Policy forbids; no page shows code.
  markdown: { syntaxHighlight: false },
  // No prefetching and no dev toolbar: nothing should load that the visitor did not ask for.
  prefetch: false,
  devToolbar: { enabled: false },
  security: {
    // Astro hashes every inline script and style into a CSP meta tag: no 'unsafe-inline'.
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "connect-src 'none'",
        "manifest-src 'self'",
      ],
    },
  },
});
