import nodemailer from "nodemailer";

/** One outgoing message as the transport needs it. */
export interface OutgoingMail {
  from: string | { name: string; address: string };
  replyTo?: string | null;
  to: { name?: string | null; address: string };
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

/** What the SMTP server answered: accepted with its response line, or refused with code and text. */
export type DeliveryResult =
  | { ok: true; response: string; messageId: string }
  | { ok: false; response: string; permanent: boolean };

/** Sends over SMTP to `smtpUrl`; answers are returned, never thrown, so callers record every outcome. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<DeliveryResult>;
  close(): void;
}

/** Creates a pooled nodemailer SMTP transport. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  // Bounded waits: a stuck server must not hold a delivery beyond its job's expiry. Given as URL
  // parameters (nodemailer reads them there), so SMTP_URL may still set its own.
  const url = new URL(smtpUrl);
  const waits = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 45_000 };
  for (const [name, ms] of Object.entries(waits))
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  const transporter = nodemailer.createTransport(url.toString());
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers,
        });
        return { ok: true, response: String(info.response ?? ""), messageId: String(info.messageId ?? "") };
      } catch (error) {
        const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
        const response = e.response ?? `${e.code ?? "ERROR"}: ${e.message ?? String(error)}`;
        // 5xx is a definite refusal; connection errors and 4xx are worth retrying.
        return { ok: false, response, permanent: (e.responseCode ?? 0) >= 500 };
      }
    },
    close() {
      transporter.close();
    },
  };
}
