/**
 * A loopback proxy in front of the preview that passes everything through but one response
 * header. Lighthouse 13 in this Chromium marks the document request as aborted whenever the
 * response carries `Referrer-Policy` (reproduced with a plain static server adding only that
 * header), and gives no scores. The pages set the same policy in <meta name="referrer">, so the
 * measured pages behave the same without it.
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

export async function startHeaderFilterProxy(target: string, dropHeaders: string[]): Promise<Proxy> {
  const upstream = new URL(target);
  const drop = new Set(dropHeaders.map((h) => h.toLowerCase()));
  const server = createServer((incoming, outgoing) => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !drop.has(name)));
        outgoing.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
