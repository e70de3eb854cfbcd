/**
 * Around Keystatic's own API (its code unpatched): GitHub sign-in that cannot be started from
 * another site, and cookies that travel over HTTPS only.
 *
 * Keystatic's OAuth callback exchanges any `code` it is given, and sets `state` only when the
 * sign-in came from a page other than the admin's first. Someone could then sign an editor in
 * as the attacker's own GitHub account (login CSRF) and collect what they save. So every
 * sign-in gets a `state` here, kept in a cookie only this site can set, and a callback whose
 * `state` does not match it signs nobody in.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";

export const LOGIN_PATH = "/api/keystatic/github/login";
export const CALLBACK_PATH = "/api/keystatic/github/oauth/callback";
/** Holds the sign-in's `state` between the redirect to GitHub and the way back. */
export const STATE_COOKIE = "rj-keystatic-sign-in";
/** Long enough to sign in on GitHub, with a second factor; short enough to be of no use later. */
const STATE_LIFETIME_SECONDS = 15 * 60;

export async function guardSignIn(
  request: Request,
  keystatic: () => Promise<Response>,
  random: (bytes: number) => Buffer = randomBytes,
): Promise<Response> {
  const url = new URL(request.url);
  // Cookies are Secure wherever the site is served over HTTPS: every hosted deploy.
  const secure = url.protocol === "https:";
  if (url.pathname === CALLBACK_PATH) {
    const given = url.searchParams.get("state") ?? "";
    const expected = cookieValue(request.headers.get("cookie"), STATE_COOKIE) ?? "";
    if (!given || !expected || !same(given, expected)) {
      return withCookies(
        new Response(
          "This sign-in was not started on this site, or took too long, so nobody was signed in.\n" +
            "Go to /keystatic and sign in again.\n",
          { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } },
        ),
        [stateCookie("", 0, secure)],
        secure,
      );
    }
    return withCookies(await keystatic(), [stateCookie("", 0, secure)], secure);
  }
  const response = await keystatic();
  const location = response.headers.get("location");
  if (url.pathname !== LOGIN_PATH || !location || !URL.canParse(location)) return withCookies(response, [], secure);
  // Keystatic's own state (kept, since it names the page to return to), or a new one.
  const toGitHub = new URL(location);
  const state = toGitHub.searchParams.get("state") || random(20).toString("hex");
  toGitHub.searchParams.set("state", state);
  const headers = new Headers(response.headers);
  headers.set("location", toGitHub.href);
  return withCookies(
    new Response(response.body, { status: response.status, headers }),
    [stateCookie(state, STATE_LIFETIME_SECONDS, secure)],
    secure,
  );
}

function stateCookie(value: string, maxAge: number, secure: boolean): string {
  const path = "/api/keystatic/github";
  return `${STATE_COOKIE}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The response with `extra` cookies added, and every cookie marked Secure when `secure`. */
function withCookies(response: Response, extra: string[], secure: boolean): Response {
  const cookies = [...response.headers.getSetCookie(), ...extra].map((cookie) =>
    secure && !/;\s*secure\s*(;|$)/i.test(cookie) ? `${cookie}; Secure` : cookie,
  );
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
