/**
 * Serves the BUILT site (`dist/`) the way Netlify serves it, offline.
 *
 *   npm run build && npm run preview
 *   PORT=8080 HOST=0.0.0.0 npm run preview
 *
 * Requests go through @netlify/dev's `NetlifyDev`, which reads `netlify.toml` and gives us
 * Netlify's own request chain: functions from `netlify/functions/` (v2, with `config.path`),
 * then `[[redirects]]` and `_redirects`, then static files from the publish directory, with
 * `[[headers]]` and `_headers` applied to the static files. This script adds what NetlifyDev
 * leaves to its host server:
 *
 * - Unknown paths. NetlifyDev returns nothing for them. Netlify answers 404 with the
 *   `404.html` at the root of the publish directory (only there: `404/index.html` is not
 *   used), with the custom headers applied. So does this script.
 * - Pretty URLs. For `/about` with only `about/index.html` on disk, Netlify redirects (301)
 *   to `/about/`. NetlifyDev serves the page at both addresses.
 * - HEAD requests get the headers without the body.
 * - On-demand routes. Astro's adapter writes the admin's as a Frameworks API function, which
 *   NetlifyDev does not serve; the preview answers with it what nothing else matched, as
 *   Netlify does (framework-function.ts).
 *
 * - Scheduled functions. Netlify runs them on their `config.schedule`; NetlifyDev only runs
 *   one when its URL (`/.netlify/functions/<name>`) is opened. The preview opens it on the
 *   schedule too (`runSchedules: false` turns that off, for tests that open it themselves).
 *
 * Netlify Blobs are served as Netlify would, from a local Blobs server on loopback that keeps
 * them in `.netlify/blobs-serve/` (the same place `npm start` keeps them, and
 * `npm run enquiries` reads). Everything that could reach the network or a Netlify account
 * is switched off: the API (no token is read, and NETLIFY_AUTH_TOKEN is ignored), the
 * geolocation lookup, environment variables from the API, the AI Gateway, edge functions
 * (they download Deno), the Image CDN and the database. The only sockets it opens are its
 * own server, the Blobs server and, for a function that streams its response, a local one on
 * localhost. It writes only under `.netlify/` (already ignored by git); it does not touch
 * `.gitignore`.
 *
 * tools/netlify/preview.ts runs it; a test imports `startPreview` (`port: 0` picks a free port).
 */
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import process from "node:process";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { NetlifyDev } from "@netlify/dev";
import { listFunctions } from "@netlify/zip-it-and-ship-it";
import { CronExpressionParser } from "cron-parser";
import { parse as parseToml } from "smol-toml";
import { frameworkContext, loadFrameworkFunction } from "./framework-function.ts";
import { LOCAL_BLOBS_FOLDER, startLocalBlobs } from "./local-blobs.ts";

export interface PreviewLogger {
  log: (message?: string) => void;
  warn: (message?: string) => void;
  error: (message?: string) => void;
}

export interface PreviewOptions {
  /** Port to listen on. 0 picks a free one. Default: 4321. */
  port?: number;
  /** Host name or address to listen on. Default: "localhost". */
  host?: string;
  /** Project root: the folder with netlify.toml. Default: this project's. */
  root?: string;
  /** Where messages go. Default: the console. */
  logger?: PreviewLogger;
  /** Run scheduled functions on their schedule, as Netlify does. Default: true. */
  runSchedules?: boolean;
  /** Where Netlify Blobs are kept. Default: `.netlify/blobs-serve/` in the project, as `npm start` keeps them. */
  blobsDirectory?: string;
}

export interface Preview {
  /** Where the preview answers, e.g. "http://localhost:4321". */
  url: string;
  /** The publish directory being served (absolute). */
  publishDir: string;
  /** Stops the server and NetlifyDev (file watchers, function workers). Safe to call twice. */
  close: () => Promise<void>;
}

const BLOBS_CONTEXT = "NETLIFY_BLOBS_CONTEXT";

const projectRootOfThisScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The publish directory, read from netlify.toml the way Netlify resolves it (relative to `base`). */
async function readPublishDir(root: string): Promise<string> {
  const configPath = path.join(root, "netlify.toml");
  if (!existsSync(configPath)) {
    throw new Error(`No netlify.toml in ${root}: the preview needs [build] publish to know what to serve.`);
  }
  const config = parseToml(await readFile(configPath, "utf8")) as {
    build?: { base?: unknown; publish?: unknown };
    redirects?: Array<{ to?: unknown; status?: unknown }>;
  };
  const { base, publish } = config.build ?? {};
  if (typeof publish !== "string" || publish === "") {
    throw new Error(`${configPath} has no [build] publish directory.`);
  }
  // A rule that proxies to another origin would make NetlifyDev fetch it: say so, since the
  // preview is meant to stay offline.
  for (const rule of config.redirects ?? []) {
    if (rule.status === 200 && typeof rule.to === "string" && /^https?:\/\//i.test(rule.to)) {
      throw new Error(`netlify.toml proxies to ${rule.to}; the preview must not reach other origins.`);
    }
  }
  return path.resolve(root, typeof base === "string" ? base : "", publish);
}

function formatURL(host: string, port: number): string {
  const hostname = host.includes(":") ? `[${host}]` : host;
  return `http://${hostname}:${port}`;
}

/** Writes a fetch `Response` to a Node response. */
async function send(res: ServerResponse, response: Response, withBody: boolean): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);

  if (!withBody || response.body === null) {
    await response.body?.cancel();
    res.end();
    return;
  }
  try {
    // The DOM and Node typings of ReadableStream differ only in name.
    await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
  } catch (error) {
    // The browser went away mid-response: nothing left to tell it.
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
  }
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const root = path.resolve(options.root ?? projectRootOfThisScript);
  const host = options.host ?? "localhost";
  const port = options.port ?? 4321;
  const logger = options.logger ?? console;

  const publishDir = await readPublishDir(root);
  if (!isFile(path.join(publishDir, "index.html"))) {
    throw new Error(`${path.join(publishDir, "index.html")} is missing: run \`npm run build\` first.`);
  }
  if (!isFile(path.join(publishDir, "404.html"))) {
    const hint = isFile(path.join(publishDir, "404", "index.html"))
      ? " There is a 404/index.html, but Netlify only uses 404.html at the publish root."
      : "";
    logger.warn(`[preview] No 404.html in ${publishDir}: unknown paths get a plain "Not Found".${hint}`);
  }

  // Offline, whatever the shell says: with a token and a linked site (.netlify/state.json),
  // @netlify/config would call the Netlify API when it loads (and reloads) netlify.toml.
  if (process.env["NETLIFY_AUTH_TOKEN"] !== undefined) {
    delete process.env["NETLIFY_AUTH_TOKEN"];
    logger.log("[preview] Ignoring NETLIFY_AUTH_TOKEN: the preview never talks to the Netlify API.");
  }

  // Requests wait for `ready`: it turns true once `netlifyDev` (created below, when the port is
  // known) has started, and false when the preview closes.
  let markReady: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => {
    markReady = resolve;
  });

  const notFound = async (origin: string): Promise<Response> => {
    // Ask NetlifyDev for /404.html, so it comes with the same [[headers]] as any page.
    const page = await netlifyDev.handle(new Request(new URL("/404.html", origin)));
    if (page && page.status === 200) {
      return new Response(page.body, { status: 404, headers: page.headers });
    }
    await page?.body?.cancel();
    return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  };

  const frameworkFunction = await loadFrameworkFunction(root, publishDir);
  if (frameworkFunction) logger.log("[preview] Serving the on-demand routes from .netlify/v1/functions/ssr/.");

  // Netlify's pretty URLs: `/about` redirects to `/about/` when the file is `about/index.html`.
  const prettyURLRedirect = (pathname: string): boolean => {
    if (pathname.endsWith("/")) return false;
    const file = path.join(publishDir, ...pathname.split("/"));
    if (!file.startsWith(publishDir + path.sep)) return false;
    return !isFile(file) && !isFile(`${file}.html`) && isFile(path.join(file, "index.html"));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> => {
    if (!(await ready)) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("Preview is shutting down.");
      return;
    }
    // Netlify passes the client's address to functions as `context.ip`; whatever the client
    // sent in X-Forwarded-For is replaced, as it is on Netlify.
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";

    const withBody = req.method !== "HEAD";
    const result = await netlifyDev.handleAndIntrospectNodeRequest(req);
    if (!result && frameworkFunction) {
      const ip = req.socket.remoteAddress ?? "";
      await send(res, await frameworkFunction(requestOf(req, origin), frameworkContext(ip)), withBody);
      return;
    }
    if (!result) {
      await send(res, await notFound(origin), withBody);
      return;
    }
    const url = new URL(req.url ?? "/", origin);
    if (result.type === "static" && prettyURLRedirect(url.pathname)) {
      await result.response.body?.cancel();
      const headers = new Headers(result.response.headers);
      headers.delete("content-type");
      headers.set("location", `${url.pathname}/${url.search}`);
      await send(res, new Response(null, { status: 301, headers }), false);
      return;
    }
    await send(res, result.response, withBody);
  };

  let origin = "";
  const server = createServer((req, res) => {
    handle(req, res, origin).catch((error: unknown) => {
      logger.error(
        `[preview] ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Internal Server Error");
      } else {
        res.destroy();
      }
    });
  });

  // Listen first, so NetlifyDev can be told its server's real address even on port 0.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const url = formatURL(host, actualPort);
  origin = url;

  const netlifyDev = new NetlifyDev({
    projectRoot: root,
    // Only needed by edge functions and images (both off), but NetlifyDev wants to know.
    serverAddress: url,
    // A string, even empty, stops NetlifyDev reading (and writing) ~/.config/netlify.
    apiToken: "",
    // .gitignore is ours to edit, and it already ignores .netlify/.
    skipGitignore: true,
    logger,
    functions: { enabled: true },
    headers: { enabled: true },
    redirects: { enabled: true },
    staticFiles: { enabled: true },
    // Everything below would reach the network, start extra servers, or is not used here.
    aiGateway: { enabled: false },
    // Served below instead, from a folder a test can choose.
    blobs: { enabled: false },
    database: { enabled: false },
    edgeFunctions: { enabled: false },
    environmentVariables: { enabled: false },
    geolocation: { enabled: false, cache: false },
    images: { enabled: false },
    server: { enabled: false },
  });

  // Functions find Blobs through this variable, as on Netlify; their workers inherit it.
  const blobs = await startLocalBlobs(options.blobsDirectory ?? path.join(root, LOCAL_BLOBS_FOLDER));
  const blobsContextBefore = process.env[BLOBS_CONTEXT];
  process.env[BLOBS_CONTEXT] = blobs.functionContext;

  const schedules = options.runSchedules === false ? [] : await scheduledFunctions(root);
  const timers = new Map<string, NodeJS.Timeout>();
  const runOnSchedule = ({ name, schedule }: ScheduledFunction) => {
    const wait = CronExpressionParser.parse(schedule, { tz: "Etc/UTC" }).next().getTime() - Date.now();
    const timer = setTimeout(
      () => {
        fetch(new URL(`/.netlify/functions/${name}`, url))
          .then((response) => response.body?.cancel())
          .catch((error: unknown) => logger.warn(`[preview] Scheduled ${name} failed: ${String(error)}`))
          .finally(() => runOnSchedule({ name, schedule }));
      },
      Math.max(wait, 1000),
    );
    timer.unref();
    timers.set(name, timer);
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const timer of timers.values()) clearTimeout(timer);
      markReady(false);
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([serverClosed, netlifyDev.stop()]);
      await blobs.stop();
      if (blobsContextBefore === undefined) delete process.env[BLOBS_CONTEXT];
      else process.env[BLOBS_CONTEXT] = blobsContextBefore;
    })();
    return closing;
  };

  try {
    await netlifyDev.start();
  } catch (error) {
    await close();
    throw error;
  }
  markReady(true);
  for (const scheduled of schedules) {
    logger.log(`[preview] Running ${scheduled.name} on its schedule, ${scheduled.schedule} (UTC).`);
    runOnSchedule(scheduled);
  }
  return { url, publishDir, close };
}

interface ScheduledFunction {
  name: string;
  schedule: string;
}

/**
 * The functions in netlify/functions with a `config.schedule`, read as Netlify's build reads
 * them (its bundler parses the config without running the module, so nothing is imported here).
 */
async function scheduledFunctions(root: string): Promise<ScheduledFunction[]> {
  const folder = path.join(root, "netlify", "functions");
  if (!existsSync(folder)) return [];
  const functions = await listFunctions(folder, { parseISC: true });
  return functions.flatMap(({ name, schedule }) => (schedule ? [{ name, schedule }] : []));
}

/** The Node request as a web Request, its body streamed, for a function that takes one. */
function requestOf(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method ?? "GET",
    headers,
    ...(hasBody ? { body: Readable.toWeb(req), duplex: "half" } : {}),
  } as RequestInit);
}
