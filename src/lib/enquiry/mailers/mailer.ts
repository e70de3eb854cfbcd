/** What every way of sending an enquiry email offers, so the handler need not know which it has. */

export interface OutgoingEmail {
  from: string;
  to: string;
  /** The visitor's address when they may be emailed, so the team's reply goes to them. */
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** From enquiryDigest: the same enquiry sent twice reaches the team once. */
  idempotencyKey: string;
}

export type SendResult =
  | { ok: true; id: string }
  /**
   * Resend answered 409 invalid_idempotent_request: it accepted an email under this key in
   * the last 24 hours, so the enquiry reached the team, in the form the site gave it then (a
   * team address or template changed since). Sending it again would be a second copy.
   */
  | { ok: true; alreadyAccepted: true }
  /**
   * reason is an error name or status code, never personal data: it is safe to log.
   * maybeAccepted: an attempt timed out or met a server error, so the email may have gone even so.
   */
  | { ok: false; reason: string; maybeAccepted?: boolean };

export interface Mailer {
  readonly name: string;
  /** Never throws: every failure comes back as { ok: false }. */
  send(email: OutgoingEmail): Promise<SendResult>;
}
