/**
 * Serves a Netlify Functions v2 handler (`(request, context) => Response`) in this process,
 * behind a minimal node:http server on loopback: a warm function instance, without
 * NetlifyDev's worker per invocation. Requests are built with `publicOrigin` as their origin,
 * so the handler sees the site's own address (and fetches its pages from there) while the
 * TCP connection comes here. Request bodies stream in; response bodies stream out.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { Context } from "@netlify/functions";

export type FunctionHandler = (request: Request, context: Context) => Promise<Response>;

export interface FunctionServerOptions {
  /** The origin the handler should believe it is served at, e.g. the preview's. */
  publicOrigin: string;
  /** What Netlify would pass; the enquiry function reads only deploy.context. */
  context?: Context;
  host?: string;
  port?: number;
  /** Called when the handler throws; the client gets a plain 500. */
  onError?: (error: unknown) => void;
}

export interface FunctionServer {
  url: string;
  close: () => Promise<void>;
}

const DEV_CONTEXT = { deploy: { context: "dev" } } as unknown as Context;

/** Node's incoming request as a fetch Request at `publicOrigin`, its body a stream. */
export function toRequest(req: IncomingMessage, publicOrigin: string): Request {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", publicOrigin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    // Required by fetch for a streamed request body.
    duplex: "half",
  } as RequestInit);
}

/** Writes a fetch Response to Node's response, streaming the body. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (response.body === null) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
}

export async function serveFunction(handler: FunctionHandler, options: FunctionServerOptions): Promise<FunctionServer> {
  const { publicOrigin, context = DEV_CONTEXT, host = "127.0.0.1", port = 0, onError } = options;
  const server = createServer((req, res) => {
    void (async () => {
      let response: Response;
      try {
        response = await handler(toRequest(req, publicOrigin), context);
      } catch (error) {
        onError?.(error);
        response = new Response("The function threw.", { status: 500 });
      }
      try {
        await writeResponse(res, response);
      } catch {
        // The client went away: nothing left to tell it.
        res.destroy();
      }
    })();
  });
  // Many keep-alive connections from one load generator: do not cut them while it pauses.
  server.keepAliveTimeout = 30_000;
  server.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
