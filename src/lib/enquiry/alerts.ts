/**
 * Alarms that reach a person: a JSON POST to ENQUIRY_ALERT_WEBHOOK_URL, a Slack incoming webhook
 * or a Microsoft Teams Workflows webhook, which posts in a channel people watch. The message holds
 * references, ages and error names only: nothing a person typed.
 */
import { ALARM_WORDS, type AlarmKind } from "./alarms.ts";

export interface Alarm {
  /** RJ-XXXX-XXXX, or the record's name when no key opens it. */
  reference: string;
  kind: AlarmKind;
  /** Since the enquiry arrived, when that is known. */
  ageMinutes: number | null;
  /** An event or error name, such as email.bounced or 503 internal_server_error. */
  reason?: string;
}

/** Sends alarms somewhere a person sees them; true when the receiver took them. */
export type AlertSender = (alarms: readonly Alarm[]) => Promise<boolean>;

/** Where the team reads what each alarm means and what to do. */
const WHAT_TO_DO = "What each alarm means and what to do: docs/enquiries.md, 'When you see an alarm'.";

/** The message, one line an alarm. */
export function alertText(alarms: readonly Alarm[]): string {
  const count = alarms.length === 1 ? "An enquiry needs" : `${alarms.length} enquiries need`;
  const lines = alarms.map(({ reference, kind, ageMinutes, reason }) => {
    const age = ageMinutes === null ? "" : `, received ${describeAge(ageMinutes)} ago`;
    return `- ${reference}: ${ALARM_WORDS[kind]}${reason ? ` (${reason})` : ""}${age}.`;
  });
  return [`Restorative justice website: ${count} attention.`, ...lines, WHAT_TO_DO].join("\n");
}

function describeAge(minutes: number): string {
  if (minutes < 120) return `${Math.max(0, Math.round(minutes))} minutes`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} hours`;
  return `${Math.round(minutes / (24 * 60))} days`;
}

/**
 * The body for the receiver at `url`. Slack's incoming webhooks take `text`; Teams Workflows
 * ("When a Teams webhook request is received") takes Adaptive Cards only.
 */
export function alertBody(url: string, text: string): unknown {
  if (/(^|\.)slack\.com$/i.test(new URL(url).hostname)) return { text };
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: text.split("\n").map((line, index) => ({
            type: "TextBlock",
            text: line,
            wrap: true,
            ...(index === 0 ? { weight: "Bolder" } : {}),
          })),
        },
      },
    ],
  };
}

/** A sender for the webhook at `url`; a failure is reported as false, never thrown. */
export function createWebhookAlertSender(
  url: string,
  { timeoutMs = 4000, fetchImpl = fetch }: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): AlertSender {
  return async (alarms) => {
    if (alarms.length === 0) return true;
    try {
      const response = await fetchImpl(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(alertBody(url, alertText(alarms))),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  };
}
