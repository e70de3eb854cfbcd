/**
 * GitHub mode on the production build, as Netlify serves it: a copy of the site built with the
 * GitHub App's settings, served by the preview (the admin's on-demand function included), its
 * server's calls to GitHub sent to the stand-in GitHub on loopback (a real bare repository
 * behind GitHub's API). Sign-in, a forged sign-in, token refresh and sign-out, over HTTP as a
 * browser makes them. No request leaves the machine: the stand-in answers every GitHub address.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "../../tools/netlify/preview.ts";
import type { FakeGitHub } from "../../tools/fakes/github/server.ts";
import { CALLBACK_PATH, LOGIN_PATH, STATE_COOKIE } from "../../src/keystatic/sign-in-guard.ts";
import { useGitHubModeSite } from "../support/github-mode-site.ts";

const site = useGitHubModeSite();
let fake: FakeGitHub;
let preview: Preview;
beforeAll(() => ({ fake, preview } = site()));

const get = (path: string, cookie?: string) =>
  fetch(new URL(path, preview.url), { redirect: "manual", ...(cookie ? { headers: { cookie } } : {}) });
const cookiesOf = (response: Response) =>
  Object.fromEntries(
    response.headers.getSetCookie().map((cookie) => {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
const tokenExchanges = () => fake.requests.filter((request) => request.path.startsWith("/login/oauth/access_token"));

/** Sign-in as the browser goes through it: the site, GitHub (the stand-in), back to the site. */
async function signIn() {
  const start = await get(LOGIN_PATH);
  expect(start.status).toBe(307);
  const state = cookiesOf(start)[STATE_COOKIE]!;
  const toGitHub = new URL(start.headers.get("location")!);
  expect(toGitHub.origin).toBe("https://github.com");
  expect(toGitHub.searchParams.get("state")).toBe(state);
  // GitHub, having asked the editor, sends them back to the callback with a code.
  const atGitHub = await fetch(fake.routeFor(toGitHub)!, { redirect: "manual" });
  const back = new URL(atGitHub.headers.get("location")!);
  expect(back.pathname).toBe(CALLBACK_PATH);
  return { state, back: await get(back.pathname + back.search, `${STATE_COOKIE}=${state}`) };
}

describe("the admin in a GitHub-mode production build", () => {
  it("is served with its own policy, which lets it read a public repository from raw.githubusercontent.com", async () => {
    const response = await get("/keystatic");
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(/connect-src ([^;]+)/.exec(policy)?.[1]?.split(" ")).toEqual([
      "'self'",
      "https://api.github.com",
      "https://raw.githubusercontent.com",
    ]);
    expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(site().said).toContain("[preview] Serving the on-demand routes from .netlify/v1/functions/ssr/.");
  });

  it("signs an editor in through GitHub, with the tokens in cookies", async () => {
    const before = tokenExchanges().length;
    const { back } = await signIn();
    expect(back.status).toBe(307);
    expect(back.headers.get("location")).toBe("/keystatic");
    const cookies = cookiesOf(back);
    expect(cookies["keystatic-gh-access-token"]).toMatch(/^ghu_/);
    expect(cookies["keystatic-gh-refresh-token"]).toBeTruthy();
    expect(cookies[STATE_COOKIE]).toBe("");
    expect(tokenExchanges()).toHaveLength(before + 1);
  });

  it("signs nobody in from a callback whose state is forged or missing, and never spends the code", async () => {
    const { state } = await signIn();
    const before = tokenExchanges().length;
    for (const [query, cookie] of [
      [`code=stolen&state=${state}`, undefined],
      [`code=stolen`, `${STATE_COOKIE}=${state}`],
      [`code=stolen&state=${"f".repeat(40)}`, `${STATE_COOKIE}=${state}`],
    ] as const) {
      const response = await get(`${CALLBACK_PATH}?${query}`, cookie);
      expect(response.status, query).toBe(403);
      expect(cookiesOf(response)["keystatic-gh-access-token"]).toBeUndefined();
    }
    expect(tokenExchanges()).toHaveLength(before);
  });

  it("refreshes an expired token from the refresh cookie, and signs out by revoking it at GitHub", async () => {
    const { back } = await signIn();
    const signedIn = cookiesOf(back);
    fake.expireTokens();
    const refreshed = await fetch(new URL("/api/keystatic/github/refresh-token", preview.url), {
      method: "POST",
      // As the admin's own page sends it: Astro refuses a POST from any other origin.
      headers: { origin: preview.url, cookie: `keystatic-gh-refresh-token=${signedIn["keystatic-gh-refresh-token"]}` },
    });
    expect(refreshed.status).toBe(200);
    const fresh = cookiesOf(refreshed)["keystatic-gh-access-token"]!;
    expect(fresh).toMatch(/^ghu_/);
    expect(fresh).not.toBe(signedIn["keystatic-gh-access-token"]);
    const asEditor = () =>
      fetch(fake.routeFor(new URL("https://api.github.com/user"))!, { headers: { authorization: `Bearer ${fresh}` } });
    expect((await asEditor()).status).toBe(200);

    const out = await get("/api/keystatic/github/logout", `keystatic-gh-access-token=${fresh}`);
    expect(out.status).toBe(307);
    expect(cookiesOf(out)["keystatic-gh-access-token"]).toBe("");
    expect((await asEditor()).status, "the token was revoked at GitHub").toBe(401);
  });
});
