import nodemailer from "nodemailer";

/** One outgoing message as the transport needs it. */
export interface OutgoingMail {
  from: string | { name: string; address: string };
  replyTo?: string | null;
  to: { name?: string | null; address: string };
  subject: string;
  html: string;
  text: string;
  /** The Message-ID header ("<id@domain>"); bounces name it, so it is chosen by us, not by the transport. */
  messageId?: string;
  headers?: Record<string, string>;
}

/** What the SMTP server answered: accepted with its response line, or refused with code and text. */
export type DeliveryResult =
  | { ok: true; response: string; messageId: string }
  | { ok: false; response: string; permanent: boolean };

/** Sends over SMTP; answers are returned, never thrown, so callers record every outcome. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<DeliveryResult>;
  close(): void;
}

/** How a firm's own SMTP server is secured: STARTTLS upgrade (587), TLS from the start (465), or none. */
export type SmtpSecurity = "starttls" | "tls" | "none";

/** A firm's own SMTP server, with its password already opened. */
export interface SmtpServerSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
}

// Bounded waits: a stuck server must not hold a delivery beyond its job's expiry (mail.deliver: 90 s).
const waits = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 45_000 };

/**
 * Reused connections, renewed after 100 mails (servers limit mails per session). A firm's own server
 * (often a hosted mailbox that limits parallel sessions) gets at most 5.
 */
const pooling = { pool: true, maxConnections: 5, maxMessages: 100, maxRequeues: 1 };

/**
 * The installation's relay is ours to size: one connection per delivery of a batch of 20, so a bulk
 * invitation's backlog goes out in parallel (PERF-3: with 5, delivery stayed at half of plain SMTP).
 */
const installationPooling = { ...pooling, maxConnections: 20 };

/**
 * A pooled transport to `smtpUrl` (SMTP_URL). Waits and pool sizes are given as URL parameters
 * (nodemailer reads them there, and ignores other options beside a URL), so SMTP_URL may set its own.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  for (const [name, value] of Object.entries({ ...waits, ...installationPooling }))
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(value));
  return wrap(nodemailer.createTransport(url.toString()));
}

/** A transport to a firm's own SMTP server: pooled for deliveries, or a single connection for a test. */
export function createServerTransport(server: SmtpServerSettings, opts: { pooled: boolean }): MailTransport {
  const tlsBy: Record<SmtpSecurity, object> = {
    tls: { secure: true },
    starttls: { secure: false, requireTLS: true },
    none: { secure: false, ignoreTLS: true },
  };
  return wrap(
    nodemailer.createTransport({
      host: server.host,
      port: server.port,
      ...tlsBy[server.security],
      ...(server.user ? { auth: { user: server.user, pass: server.password ?? "" } } : {}),
      ...waits,
      ...(opts.pooled ? pooling : {}),
    }),
  );
}

function wrap(transporter: nodemailer.Transporter): MailTransport {
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
          ...(mail.messageId ? { messageId: mail.messageId } : {}),
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
