/**
 * Headers for the editor's routes only; every other request passes through untouched (the public
 * pages are prerendered and keep their own policy). netlify.toml cannot do this: Netlify applies
 * its headers to files it serves, not to what a function answers.
 *
 * The admin is a React app that writes its styles at run time, so its policy allows inline
 * styles; its scripts are its own files plus, by hash, the inline ones Astro writes for it. It
 * talks to this site and, in GitHub mode, to GitHub's API. Astro's <meta> policy for the public
 * pages (no scripts but the quick exit's) is taken out of the admin's page: a page must pass
 * every policy it has, so that one would stop the admin running at all.
 */
import { createHash } from "node:crypto";
import { defineMiddleware } from "astro/middleware";

const ADMIN_PATHS = /^\/(?:api\/)?keystatic(?:\/|$)/;
const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/i;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([^]*?)<\/script>/gi;

/**
 * `github`: GitHub mode, which reads through GitHub's API and, for a public repository, every
 * file from raw.githubusercontent.com (Keystatic's fixed addresses).
 */
export function adminPolicy(html: string, dev: boolean, github = false): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .map((match) => match[1] ?? "")
    .filter((body) => body.length > 0)
    .map((body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${[...new Set(hashes)].join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    "font-src 'self' data:",
    `connect-src 'self' https://api.github.com${github ? " https://raw.githubusercontent.com" : ""}${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** What every answer from the admin carries: never indexed, never kept, never framed. */
export const ADMIN_HEADERS: Record<string, string> = {
  "X-Robots-Tag": "noindex, nofollow",
  "Cache-Control": "no-store",
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export const onRequest = defineMiddleware(async (context, next) => {
  if (!ADMIN_PATHS.test(context.url.pathname)) return next();
  const response = await next();
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) headers.set(name, value);
  if (!headers.get("content-type")?.startsWith("text/html")) {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const html = (await response.text()).replace(CSP_META, "");
  headers.delete("content-length");
  headers.set(
    "Content-Security-Policy",
    adminPolicy(html, import.meta.env.DEV, import.meta.env["KEYSTATIC_STORAGE"] === "github"),
  );
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
