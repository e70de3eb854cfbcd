/**
 * A stand-in for the world outside, on loopback, for browsers that cannot route requests
 * themselves: an HTTP proxy that passes the site's own requests through, answers the quick
 * exit's destination itself (over TLS with a throwaway certificate, which the browser is told
 * to accept), as slowly as a test asks, and refuses everything else. Nothing leaves this
 * machine, and every request that would have is recorded with its headers.
 */
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createTlsServer, type TLSSocket } from "node:tls";
import type { AddressInfo, Socket } from "node:net";
import { generate } from "selfsigned";

export interface StandInRequest {
  url: string;
  headers: IncomingHttpHeaders;
}

export interface StandIn {
  /** The site and the destination it was started for, as given. */
  site: string;
  destination: string;
  /** The proxy's address, such as "127.0.0.1:41234", to give the browser. */
  proxy: string;
  /** Requests that reached the destination, to check what they carried. */
  destinationRequests: StandInRequest[];
  /** Requests for anywhere but the site and the destination: there must be none. */
  strayRequests: string[];
  /** How long the destination waits before it answers; Infinity holds it for good. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

export interface StandInOptions {
  /** The site under test, such as "http://127.0.0.1:4321". */
  site: string;
  /** The quick exit's destination, an https address. */
  destination: string;
  delayMs?: number;
}

/** What the destination answers: a plain white page, drawn in none of the site's colours. */
export const DESTINATION_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>";

export async function startStandIn({ site, destination, delayMs = 0 }: StandInOptions): Promise<StandIn> {
  const siteUrl = new URL(site);
  const destinationUrl = new URL(destination);
  const destinationRequests: StandInRequest[] = [];
  const strayRequests: string[] = [];
  let delay = delayMs;
  const held = new Set<() => void>();
  const sockets = new Set<Socket>();

  // The destination, reached through CONNECT: its TLS is ended here, then answered as HTTP.
  const destinationServer = createServer((request, response) => {
    destinationRequests.push({ url: new URL(request.url ?? "/", destination).href, headers: request.headers });
    const answer = () => {
      // setDelay schedules every held answer again, so one may come due twice: answer once.
      if (!held.delete(answer)) return;
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      response.end(DESTINATION_PAGE);
    };
    held.add(answer);
    if (Number.isFinite(delay)) setTimeout(answer, delay);
  });
  // Fixed dates: browsers are told to accept this certificate, so no clock is involved.
  const certificate = await generate([{ name: "commonName", value: destinationUrl.hostname }], {
    keySize: 2048,
    notBeforeDate: new Date("2000-01-01T00:00:00Z"),
    notAfterDate: new Date("2099-12-31T00:00:00Z"),
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: destinationUrl.hostname }] }],
  });
  const tls = createTlsServer({ key: certificate.private, cert: certificate.cert }, (socket: TLSSocket) => {
    sockets.add(socket);
    destinationServer.emit("connection", socket);
  });

  const proxy: Server = createServer((request, response) => {
    const target = new URL(request.url ?? "/", site);
    if (target.origin !== siteUrl.origin) {
      strayRequests.push(target.href);
      response.writeHead(403).end();
      return;
    }
    // The site's own request, sent on to it unchanged.
    const upstream = httpRequest(target, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  proxy.on("connect", (request, socket: Socket) => {
    sockets.add(socket);
    const [host, port] = (request.url ?? "").split(":");
    const isDestination = host === destinationUrl.hostname && (port ?? "443") === (destinationUrl.port || "443");
    if (!isDestination) {
      strayRequests.push(`https://${request.url}`);
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    tls.emit("connection", socket);
  });
  proxy.on("connection", (socket: Socket) => sockets.add(socket));

  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  const { port } = proxy.address() as AddressInfo;
  return {
    site,
    destination,
    proxy: `127.0.0.1:${port}`,
    destinationRequests,
    strayRequests,
    setDelay(ms) {
      delay = ms;
      if (Number.isFinite(ms)) for (const answer of [...held]) setTimeout(answer, ms);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      proxy.close();
      destinationServer.close();
      tls.close();
      return Promise.resolve();
    },
  };
}
