export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** How mail leaves the platform: SMTP when configured, else the database outbox. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/** Injection token for the configured MailTransport. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
