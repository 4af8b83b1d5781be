import { z } from "zod";

/**
 * What went wrong with a mail, in categories people understand (INV-6: "the SMTP answer in plain
 * words"); the web app words each in the reader's language and shows the server's answer below it.
 */
export const mailProblems = [
  "mailbox_unknown",
  "mailbox_full",
  "domain_unknown",
  "blocked",
  "auth_failed",
  "tls_failed",
  "connection_failed",
  "temporary",
  "refused",
  "unknown",
] as const;
export type MailProblem = (typeof mailProblems)[number];

/** How the firm's own SMTP server is secured: STARTTLS (port 587), TLS from the start (465), or none. */
export const smtpSecurities = ["starttls", "tls", "none"] as const;

/**
 * GET /api/firm/mail-server — the firm's own SMTP server (FIRM-3), or `configured: false` when its mails
 * go through the installation's server. The password is never returned: only whether one is set.
 */
export const firmMailServerSchema = z.object({
  configured: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  security: z.enum(smtpSecurities).nullable(),
  user: z.string().nullable(),
  passwordSet: z.boolean(),
  fromAddress: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type FirmMailServer = z.infer<typeof firmMailServerSchema>;

/**
 * PUT /api/firm/mail-server — sets the firm's own SMTP server (admins). `password` omitted keeps the
 * stored one; null or "" removes it. Checked by the server, which names the field of each problem.
 */
export const updateFirmMailServerSchema = z
  .object({
    host: z.string().trim().max(253),
    port: z.number().int(),
    security: z.enum(smtpSecurities),
    user: z.string().trim().max(320).nullable().optional(),
    password: z.string().max(1000).nullable().optional(),
    fromAddress: z.string().trim().max(320),
  })
  .strict();
export type UpdateFirmMailServer = z.infer<typeof updateFirmMailServerSchema>;

/** POST /api/firm/mail-server/test — sends a test mail (to `to`, else the admin) through the firm's server. */
export const mailServerTestSchema = z.object({ to: z.string().trim().max(320).optional() }).strict();

/** The answer of a test mail: accepted or not, the server's words, and what they mean in plain words. */
export const mailServerTestResultSchema = z.object({
  ok: z.boolean(),
  to: z.string(),
  /** Whether the firm's own server was used (else the installation's). */
  viaFirmServer: z.boolean(),
  smtpResponse: z.string(),
  problem: z.enum(mailProblems).nullable(),
});
export type MailServerTestResult = z.infer<typeof mailServerTestResultSchema>;

/**
 * POST /api/mail/bounces as JSON (the simple form, for mail systems that parse bounces themselves):
 * the Message-ID of the original mail, the DSN status (e.g. 5.1.1) and the diagnostic.
 */
export const bounceReportSchema = z
  .object({
    messageId: z.string().trim().min(3).max(1000),
    status: z.string().trim().max(20).optional(),
    diagnostic: z.string().trim().max(2000).optional(),
  })
  .strict();
export type BounceReport = z.infer<typeof bounceReportSchema>;

/** The answer of the bounce intake: whether a mail of ours matched, and its new state. */
export const bounceResultSchema = z.object({
  matched: z.boolean(),
  status: z.enum(["bounced", "ignored"]),
});
