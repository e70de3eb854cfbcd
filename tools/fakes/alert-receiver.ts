/** Stands in for the alert webhook (ENQUIRY_ALERT_WEBHOOK_URL): tests see each alarm, nothing leaves the machine. */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAlertReceiver {
  /** Where to post, as ENQUIRY_ALERT_WEBHOOK_URL. */
  url: string;
  /** Each JSON body received, in order (a body that is not JSON is kept as its text). */
  received: unknown[];
  /** The status every post is answered with: 200 unless a test sets another, as a receiver that is down. */
  status: number;
  close(): Promise<void>;
}

export async function startFakeAlertReceiver(): Promise<FakeAlertReceiver> {
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      if (request.method !== "POST") {
        response.writeHead(405).end();
        return;
      }
      try {
        receiver.received.push(JSON.parse(body) as unknown);
      } catch {
        receiver.received.push(body);
      }
      response.writeHead(receiver.status, { "content-type": "text/plain" }).end("1");
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: FakeAlertReceiver = {
    url: `http://127.0.0.1:${port}/alerts`,
    received: [],
    status: 200,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

/**
 * The words of an alert as a person reads them: Slack's `text`, or the lines of a Teams
 * Adaptive Card's text blocks, one a line. Empty for anything else.
 */
export function alertWords(body: unknown): string {
  if (!body || typeof body !== "object") return "";
  const { text, attachments } = body as { text?: unknown; attachments?: unknown };
  if (typeof text === "string") return text;
  if (!Array.isArray(attachments)) return "";
  return attachments
    .flatMap((attachment: { content?: { body?: { text?: unknown }[] } }) => attachment.content?.body ?? [])
    .map((block) => (typeof block.text === "string" ? block.text : ""))
    .join("\n");
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
