/**
 * The built site, served the way Netlify serves it (tools/netlify/preview.ts, through @netlify/dev):
 * the security headers from netlify.toml come back on pages, unknown paths get the site's own
 * 404 page with a 404 status, and nothing sets a cookie.
 *
 * Builds the site first only if dist/ has no index.html (npm test builds it before this).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseToml } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview } from "../../tools/netlify/preview.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist");

/** Every response the tests receive, so a later test can check that none of them set a cookie. */
const responses: Array<{ path: string; response: Response }> = [];
let preview: Preview;
const blobsDirectory = mkdtempSync(join(tmpdir(), "preview-blobs-"));

/**
 * What the preview and NetlifyDev complain about (a missing 404.html, a headers syntax error
 * in netlify.toml, a request that failed): kept out of the test report, checked by the last test.
 */
const complaints: string[] = [];
/** What it says it is doing, such as which scheduled functions it runs. */
const said: string[] = [];
const quiet = {
  log: (message?: string) => void said.push(message ?? ""),
  warn: (message?: string) => void complaints.push(message ?? ""),
  error: (message?: string) => void complaints.push(message ?? ""),
};

async function get(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(new URL(path, preview.url), { redirect: "manual", ...init });
  responses.push({ path, response });
  return response;
}

beforeAll(async () => {
  if (!existsSync(join(DIST, "index.html"))) {
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  }
  // Its own Blobs folder, so a scheduled round never touches the project's local store.
  preview = await startPreview({ port: 0, host: "127.0.0.1", root: ROOT, logger: quiet, blobsDirectory });
}, 180_000);

afterAll(async () => {
  await preview?.close();
  rmSync(blobsDirectory, { recursive: true, force: true });
});

describe("scheduled functions", () => {
  it("runs each on the schedule in its own config, as Netlify does", () => {
    expect(said).toContain("[preview] Running deliver-enquiries on its schedule, */5 * * * * (UTC).");
    expect(said.filter((line) => line.includes("on its schedule"))).toHaveLength(1);
  });
});

describe("a page", () => {
  it("is 200 text/html", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html\b/);
    expect(await response.text()).toBe(readFileSync(join(DIST, "index.html"), "utf8"));
  });

  it("carries every security header from netlify.toml", async () => {
    const { headers } = await get("/");
    expect(headers.get("referrer-policy")).toBe("same-origin");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(headers.get("x-frame-options")).toBe("DENY");
    // Kept neither on disk nor in a back/forward cache, which would bring it back after the quick exit.
    expect(headers.get("cache-control")).toBe("no-store");

    const permissions = headers.get("permissions-policy") ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]) {
      expect(permissions, feature).toMatch(new RegExp(`(^|, )${feature}=\\(\\)(,|$)`));
    }
  });

  it("has a CSP header that forbids framing and leaves scripts and styles to the page's meta tag", async () => {
    const csp = (await get("/")).headers.get("content-security-policy") ?? "";
    const directives = new Map(
      csp.split(";").map((directive) => {
        const [name = "", ...values] = directive.trim().split(/\s+/);
        return [name, values.join(" ")] as const;
      }),
    );
    expect(directives.get("frame-ancestors")).toBe("'none'");
    expect(directives.get("base-uri")).toBe("'none'");
    expect(directives.get("form-action")).toBe("'self'");
    // Header and meta policies both apply. Any of these in the header would also block the
    // inline scripts and styles that the meta tag allows by hash (default-src is their fallback).
    for (const fetchDirective of ["default-src", "script-src", "script-src-elem", "style-src", "style-src-elem"]) {
      expect(directives.has(fetchDirective), fetchDirective).toBe(false);
    }
  });

  it("redirects to its address with a trailing slash, as Netlify's pretty URLs do", async () => {
    const page = readdirSync(DIST, { withFileTypes: true }).find(
      (entry) => entry.isDirectory() && existsSync(join(DIST, entry.name, "index.html")),
    );
    expect(page, "dist/ should have at least one page in a folder").toBeDefined();
    const response = await get(`/${page?.name}`);
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(`/${page?.name}/`);
  });
});

describe("/_astro/ files", () => {
  it("are cached for a year and never revalidated", async () => {
    const expected = "public, max-age=31536000, immutable";
    const astroDir = join(DIST, "_astro");
    const asset = existsSync(astroDir)
      ? readdirSync(astroDir, { recursive: true, encoding: "utf8" }).find((file) => /\.[a-z0-9]+$/i.test(file))
      : undefined;

    if (asset !== undefined) {
      const response = await get(`/_astro/${asset.split("\\").join("/")}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe(expected);
      return;
    }
    // The site inlines its CSS, so dist/_astro/ can be empty: then check the rule Netlify reads.
    const config = parseToml(readFileSync(join(ROOT, "netlify.toml"), "utf8")) as {
      headers?: Array<{ for: string; values: Record<string, string> }>;
    };
    const rules = config.headers ?? [];
    expect(rules.find((rule) => rule.for === "/_astro/*")?.values["Cache-Control"]).toBe(expected);
    // ...and it comes after the "/*" rule, since the later of two matching rules wins.
    expect(rules.findIndex((rule) => rule.for === "/_astro/*")).toBeGreaterThan(
      rules.findIndex((rule) => rule.for === "/*"),
    );
  });
});

describe("an unknown path", () => {
  it("is 404 with the site's 404 page and the same security headers", async () => {
    const response = await get("/no-such-page/");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^text\/html\b/);
    expect(await response.text()).toBe(readFileSync(join(DIST, "404.html"), "utf8"));
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("is 404 for HEAD too, with no body", async () => {
    const response = await get("/no-such-page/", { method: "HEAD" });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("");
  });
});

describe("cookies", () => {
  it("are never set", async () => {
    // Whatever the tests above fetched, plus a few more kinds of request.
    await get("/404.html");
    await get("/no-such-page");
    await get("/", { method: "HEAD" });
    await get("/", { method: "POST", body: "x=1" });
    expect(responses.length).toBeGreaterThan(8);
    for (const { path, response } of responses) {
      expect(response.headers.getSetCookie(), `${response.status} ${path}`).toEqual([]);
    }
  });
});

describe("the preview", () => {
  it("had nothing to warn about", () => {
    expect(complaints).toEqual([]);
  });
});
