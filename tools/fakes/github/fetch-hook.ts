/**
 * Sends this process's `fetch` calls to GitHub (the sign-in's token exchange and refresh, the
 * sign-out) to the GitHub stand-in instead, for a site server started by a test:
 *
 *   FAKE_GITHUB_URL=http://127.0.0.1:<port> node --import ./tools/fakes/github/fetch-hook.ts …
 *
 * Keystatic's server code has github.com written into it, so the address cannot be configured.
 * Without FAKE_GITHUB_URL, importing this changes nothing; tests in one process can call
 * `routeFetchToFake` themselves and undo it afterwards.
 */
import { routeToFake } from "./route.ts";

/** From now on, `fetch` to a GitHub host goes to the fake at `fakeUrl`; returns the undo. */
export function routeFetchToFake(fakeUrl: string): () => void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    let target: URL | null = null;
    try {
      target = routeToFake(new URL(request ? request.url : (input as string | URL)), fakeUrl);
    } catch {
      // Not an absolute URL: fetch itself says why.
    }
    if (!target) return realFetch(input, init);
    return realFetch(request ? new Request(target, request) : target, init);
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}

const fromEnvironment = process.env["FAKE_GITHUB_URL"];
if (fromEnvironment) routeFetchToFake(fromEnvironment);
