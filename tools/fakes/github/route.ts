/**
 * Where a request meant for GitHub goes when the GitHub stand-in (tools/fakes/github/server.ts)
 * answers instead. Keystatic's addresses are fixed (https://api.github.com/graphql and so on),
 * so the browser's requests are caught by Playwright and the server's `fetch` by a hook
 * (tools/fakes/github/fetch-hook.ts); both send them here. Kept apart from the fake itself
 * so the hook, loaded into the site's server, pulls in nothing else.
 */

/** The GitHub hosts Keystatic talks to; the fake serves each under /<host>/ on loopback. */
export const GITHUB_HOSTS = new Set([
  "github.com",
  "api.github.com",
  "raw.githubusercontent.com",
  "avatars.githubusercontent.com",
]);

/** The fake's address for a GitHub URL (same path and query, under /<host>), or null for any other URL. */
export function routeToFake(url: URL, fakeUrl: string): URL | null {
  if (url.protocol !== "https:" || !GITHUB_HOSTS.has(url.hostname) || url.port !== "") return null;
  return new URL(`/${url.hostname}${url.pathname}${url.search}`, fakeUrl);
}
