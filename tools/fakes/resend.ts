/**
 * A stand-in for Resend's HTTP API on loopback, for the real SDK to talk to through `baseUrl`
 * or RESEND_BASE_URL. It keeps Resend's idempotency rules (same key and body: the first answer
 * again, no second email; same key, other body: 409) and can be told to fail, rate limit or hang.
 * Like Resend, it then says what became of each email it accepted: signed webhook events
 * (Svix's scheme, signed with the same library the SDK verifies with), `email.delivered` unless
 * an address is set to bounce, be suppressed, fail, complain or stay silent.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the next request(s) to POST /emails get instead of the normal answer. */
export interface Failure {
  status?: number;
  /** Resend's error name in the body; defaults to the usual one for the status. */
  name?: string;
  /** Seconds, sent as the `retry-after` header. */
  retryAfter?: number;
  /** A body that is not JSON, as a proxy in front of the API might send. */
  rawBody?: string;
  /** Read the request, then never answer. */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: string;
  /** What the fake did: sent an email, answered from the idempotency store, or not. */
  outcome: "accepted" | "replayed" | "rejected" | "failed" | "hung";
  status: number | undefined;
}

export interface AcceptedEmail {
  id: string;
  idempotencyKey: string | undefined;
  /** The JSON body as the API receives it: from, to, subject, text, html, reply_to. */
  payload: Record<string, unknown>;
}

/** What becomes of an email to an address: its webhook event, or none at all. */
export type EmailFate = "delivered" | "bounced" | "suppressed" | "failed" | "complained" | "silent";

/** A signed event, as Resend posts it: Svix's three headers and the JSON body. */
export interface SignedEvent {
  headers: Record<"svix-id" | "svix-timestamp" | "svix-signature" | "content-type", string>;
  body: string;
}

/** Where events go: a URL, or a handler called in this process. */
export type EventTarget = string | ((request: Request) => Promise<Response>);

export interface FakeResend {
  url: string;
  apiKey: string;
  /** The signing secret, whsec_…, as Resend's dashboard shows it. */
  webhookSecret: string;
  /** Events for accepted emails, not yet sent to the site. */
  pendingEvents: { type: string; emailId: string }[];
  /** From now on, emails to `address` meet this fate. */
  setFate(address: string, fate: EmailFate): void;
  /** Signs an event as Resend would, at `at` (ms; default the fake's clock). */
  signEvent(type: string, emailId: string, options?: { at?: number; id?: string }): SignedEvent;
  /** Sends the events pending now to `target`, in order; the site's answers' statuses. */
  sendEvents(target: EventTarget): Promise<number[]>;
  emails: AcceptedEmail[];
  requests: RecordedRequest[];
  failNext(count: number, failure: Failure): void;
  /** Every request gets this failure until set back to null: an outage of any length. */
  failAll(failure: Failure | null): void;
  /** Forgets failures queued by failNext that no request has used yet. */
  clearFailures(): void;
  close(): Promise<void>;
}

const NAME_FOR_STATUS: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

export async function startFakeResend({
  apiKey = "re_fake_test_key",
  /** The clock events are signed by; tests on a fake clock pass theirs. */
  now = Date.now,
}: { apiKey?: string; now?: () => number } = {}): Promise<FakeResend> {
  const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;
  const signer = new Webhook(webhookSecret);
  const fates = new Map<string, EmailFate>();
  const pendingEvents: { type: string; emailId: string }[] = [];
  const emails: AcceptedEmail[] = [];
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  let outage: Failure | null = null;
  const byKey = new Map<string, { bodyHash: string; status: number; body: string }>();

  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => handle(request, response, body));
  });

  function handle(request: IncomingMessage, response: ServerResponse, body: string): void {
    const idempotencyKey = request.headers["idempotency-key"]?.toString();
    const record: RecordedRequest = {
      method: request.method ?? "",
      path: request.url ?? "",
      idempotencyKey,
      body,
      outcome: "rejected",
      status: undefined,
    };
    requests.push(record);
    const answer = (status: number, json: unknown, outcome: RecordedRequest["outcome"], headers = {}) => {
      Object.assign(record, { status, outcome });
      const text = typeof json === "string" ? json : JSON.stringify(json);
      response.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
    };
    // Resend's error body: the SDK reads statusCode and name from it.
    const error = (status: number, name?: string, headers = {}, outcome: RecordedRequest["outcome"] = "rejected") => {
      const named = name ?? NAME_FOR_STATUS[status] ?? "application_error";
      answer(status, { statusCode: status, name: named, message: `Fake Resend: ${named}` }, outcome, headers);
    };

    if (request.method !== "POST" || request.url !== "/emails") return error(404);

    const failure = failures.shift() ?? outage ?? undefined;
    if (failure?.hang) {
      record.outcome = "hung";
      return;
    }
    if (failure) {
      const status = failure.status ?? 500;
      const headers = failure.retryAfter === undefined ? {} : { "retry-after": String(failure.retryAfter) };
      if (failure.rawBody === undefined) return error(status, failure.name, headers, "failed");
      Object.assign(record, { status, outcome: "failed" });
      response.writeHead(status, { "content-type": "text/html", ...headers }).end(failure.rawBody);
      return;
    }

    const authorization = request.headers.authorization;
    if (!authorization) return error(401);
    if (authorization !== `Bearer ${apiKey}`) return error(403);

    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 256))
      return error(400, "invalid_idempotency_key");
    const bodyHash = createHash("sha256").update(body).digest("hex");
    const remembered = idempotencyKey === undefined ? undefined : byKey.get(idempotencyKey);
    if (remembered) {
      if (remembered.bodyHash !== bodyHash) return error(409, "invalid_idempotent_request");
      return answer(remembered.status, remembered.body, "replayed");
    }

    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return error(400, "validation_error");
    }
    const missing = ["from", "to", "subject"].some((field) => !payload[field]) || (!payload.html && !payload.text);
    if (missing) return error(422, "missing_required_field");

    const id = randomUUID();
    emails.push({ id, idempotencyKey, payload });
    const recipients = Array.isArray(payload["to"]) ? payload["to"] : [payload["to"]];
    const fate = fates.get(String(recipients[0])) ?? "delivered";
    if (fate !== "silent") pendingEvents.push({ type: `email.${fate}`, emailId: id });
    const sent = JSON.stringify({ id });
    if (idempotencyKey !== undefined) byKey.set(idempotencyKey, { bodyHash, status: 200, body: sent });
    answer(200, sent, "accepted");
  }

  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;

  function signEvent(type: string, emailId: string, options: { at?: number; id?: string } = {}): SignedEvent {
    const at = options.at ?? now();
    const email = emails.find((sent) => sent.id === emailId);
    const body = JSON.stringify({
      type,
      created_at: new Date(at).toISOString(),
      data: {
        email_id: emailId,
        created_at: new Date(at).toISOString(),
        from: email?.payload["from"] ?? "",
        to: [email?.payload["to"] ?? ""].flat(),
        subject: email?.payload["subject"] ?? "",
      },
    });
    const id = options.id ?? `msg_${randomUUID()}`;
    return {
      headers: {
        "svix-id": id,
        "svix-timestamp": String(Math.floor(at / 1000)),
        "svix-signature": signer.sign(id, new Date(at), body),
        "content-type": "application/json",
      },
      body,
    };
  }

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    webhookSecret,
    pendingEvents,
    setFate(address, fate) {
      fates.set(address, fate);
    },
    signEvent,
    async sendEvents(target) {
      const statuses: number[] = [];
      // Only those pending now: an email the site sends while answering (a fallback) waits for the next call.
      for (const { type, emailId } of pendingEvents.splice(0)) {
        const { headers, body } = signEvent(type, emailId);
        const request = new Request(typeof target === "string" ? target : "https://site.invalid/enquire/mail-events", {
          method: "POST",
          headers,
          body,
        });
        const response = typeof target === "string" ? await fetch(request) : await target(request);
        await response.body?.cancel();
        statuses.push(response.status);
      }
      return statuses;
    },
    emails,
    requests,
    clearFailures() {
      failures.length = 0;
    },
    failAll(failure) {
      outage = failure;
    },
    failNext(count, failure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    close() {
      // Hung requests would otherwise keep the server open for ever.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback URL nothing listens on, for "connection refused". */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
