// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import netlify from "@astrojs/netlify";

// The Netlify adapter's job here is local: it runs netlify/functions inside `astro dev`, so
// `npm start` has a working form. Built pages are plain static files and need no server function.
const isDevServer = process.argv.includes("dev");

export default defineConfig({
  // The public address; used for canonical links and the sitemap.
  site: "https://restorativejustice-westmercia.netlify.app",
  // Pages live at /page/ so links look the same with or without a file name.
  trailingSlash: "always",
  build: {
    format: "directory",
    // One request per page: the CSS is small enough to travel inside the HTML.
    inlineStylesheets: "always",
  },
  // Edge functions and the image CDN would fetch tools from the internet; the site uses neither.
  ...(isDevServer
    ? { adapter: netlify({ devFeatures: { edgeFunctions: false, images: false, environmentVariables: false } }) }
    : {}),
  output: "static",
  integrations: [mdx()],
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
