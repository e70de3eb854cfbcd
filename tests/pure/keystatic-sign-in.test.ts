/**
 * GitHub sign-in to the editor, through Keystatic's real API handler behind our guard: a
 * sign-in always carries a `state` tied to a cookie this site set, a callback without it signs
 * nobody in, and every cookie is Secure over HTTPS. GitHub's token endpoint is a stand-in
 * `fetch` in this process: nothing leaves the machine.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { config } from "@keystatic/core";
import { makeGenericAPIRouteHandler } from "@keystatic/core/api/generic";
import { refuseLocalModeElsewhere } from "../../src/keystatic/local-only.ts";
import { CALLBACK_PATH, guardSignIn, LOGIN_PATH, STATE_COOKIE } from "../../src/keystatic/sign-in-guard.ts";

const SITE = "https://rj.example";
const keystatic = makeGenericAPIRouteHandler({
  config: config({ storage: { kind: "github", repo: "west-mercia/rj-site" }, collections: {} }),
  clientId: "Iv1.test-client",
  clientSecret: "test-client-secret",
  secret: "s".repeat(64),
});

/** The real handler, as @keystatic/astro turns its answer into a Response. */
const through = (request: Request) =>
  guardSignIn(request, async () => {
    const { body, headers, status } = await keystatic(request);
    return new Response((body ?? null) as BodyInit | null, { status: status ?? 200, headers: headers as HeadersInit });
  });

/** Calls to GitHub that got past the guard: the token exchange, answered here. */
let toGitHub: string[];
beforeEach(() => {
  toGitHub = [];
  vi.stubGlobal("fetch", async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : input);
    toGitHub.push(url.origin + url.pathname);
    if (url.href.startsWith("https://github.com/login/oauth/access_token")) {
      return Response.json({
        access_token: "ghu_test",
        expires_in: 28800,
        refresh_token: "ghr_test",
        refresh_token_expires_in: 15897600,
        scope: "",
        token_type: "bearer",
      });
    }
    throw new Error(`No request may leave the machine: ${url.href}`);
  });
});
afterEach(() => vi.unstubAllGlobals());

const cookiesOf = (response: Response) => response.headers.getSetCookie();
const stateCookieOf = (response: Response) =>
  cookiesOf(response)
    .find((cookie) => cookie.startsWith(`${STATE_COOKIE}=`))
    ?.split(";")[0]
    ?.slice(STATE_COOKIE.length + 1);

async function signIn(origin = SITE, query = "") {
  const response = await through(new Request(`${origin}${LOGIN_PATH}${query}`));
  expect(response.status).toBe(307);
  const location = new URL(response.headers.get("location")!);
  return { response, location, state: location.searchParams.get("state") };
}

describe("starting a sign-in", () => {
  it("always sends GitHub a state, and keeps it in a cookie for the way back", async () => {
    const { response, location, state } = await signIn();
    expect(location.origin + location.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(state).toMatch(/^[0-9a-f]{40}$/);
    expect(stateCookieOf(response)).toBe(state);
    const cookie = cookiesOf(response).find((c) => c.startsWith(STATE_COOKIE))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/; Secure/);
  });

  it("keeps Keystatic's own state, which names the page to go back to", async () => {
    const { response, state } = await signIn(SITE, "?from=branch%2Fmain%2Fcollection%2Fpages");
    expect(cookiesOf(response).some((cookie) => cookie.startsWith(`ks-${state}=`))).toBe(true);
    expect(stateCookieOf(response)).toBe(state);
    expect(cookiesOf(response).every((cookie) => /; Secure/i.test(cookie))).toBe(true);
  });
});

describe("coming back from GitHub", () => {
  const callback = (query: string, cookie?: string) =>
    through(new Request(`${SITE}${CALLBACK_PATH}?${query}`, cookie ? { headers: { cookie } } : {}));

  it("signs nobody in when the state is missing, forged, or has no cookie from this site", async () => {
    const { state } = await signIn();
    for (const [query, cookie] of [
      ["code=attackers-code", `${STATE_COOKIE}=${state}`],
      [`code=attackers-code&state=${state}`, undefined],
      [`code=attackers-code&state=${state}`, `${STATE_COOKIE}=${"0".repeat(40)}`],
      ["code=attackers-code&state=close", `${STATE_COOKIE}=${state}`],
    ] as const) {
      const response = await callback(query, cookie);
      expect(response.status, query).toBe(403);
      expect(cookiesOf(response).some((c) => c.startsWith("keystatic-gh-access-token="))).toBe(false);
    }
    expect(toGitHub, "no code was exchanged").toEqual([]);
  });

  it("signs the editor in when the state matches, with Secure cookies, and forgets the state", async () => {
    const { state } = await signIn();
    const response = await callback(`code=editors-code&state=${state}`, `${STATE_COOKIE}=${state}`);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("/keystatic");
    expect(toGitHub).toEqual(["https://github.com/login/oauth/access_token"]);
    const cookies = cookiesOf(response);
    for (const name of ["keystatic-gh-access-token", "keystatic-gh-refresh-token"]) {
      expect(cookies.find((cookie) => cookie.startsWith(`${name}=`))).toMatch(/; Secure/i);
    }
    expect(cookies.find((cookie) => cookie.startsWith(`${STATE_COOKIE}=`))).toMatch(/Max-Age=0/);
  });

  it("adds Secure only over HTTPS: npm start signs in at http://127.0.0.1", async () => {
    const { response, state } = await signIn("http://127.0.0.1:4321");
    expect(cookiesOf(response).some((cookie) => /secure/i.test(cookie))).toBe(false);
    const back = await through(
      new Request(`http://127.0.0.1:4321${CALLBACK_PATH}?code=c&state=${state}`, {
        headers: { cookie: `${STATE_COOKIE}=${state}` },
      }),
    );
    expect(back.status).toBe(307);
    expect(cookiesOf(back).some((cookie) => /secure/i.test(cookie))).toBe(false);
  });
});

describe("local mode", () => {
  it("answers only at this machine's own address, wherever a build that has it is deployed", () => {
    for (const origin of ["http://localhost:4321", "http://127.0.0.1:4321", "http://[::1]:4321"]) {
      expect(refuseLocalModeElsewhere(new Request(`${origin}/api/keystatic/tree`), "local")).toBeNull();
    }
    expect(refuseLocalModeElsewhere(new Request(`${SITE}/api/keystatic/tree`), "local")?.status).toBe(403);
    expect(refuseLocalModeElsewhere(new Request(`${SITE}/api/keystatic/tree`), "github")).toBeNull();
  });
});
