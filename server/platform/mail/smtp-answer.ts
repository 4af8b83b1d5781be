import type { MailProblem } from "../../../contracts/mail.js";

// Checked in order: the first rule whose test matches names the problem. Enhanced status codes
// (RFC 3463, "5.1.1") are the most precise, then the wording servers commonly use, then error codes
// of the sending side (nodemailer: ECONNECTION, ETIMEDOUT, EAUTH, ETLS …), then the basic reply code.
const rules: ReadonlyArray<[MailProblem, RegExp]> = [
  [
    "auth_failed",
    /\b(535|5\.7\.8|534|530 5\.7\.0)\b|EAUTH|authentication (failed|unsuccessful)|invalid login/i,
  ],
  ["tls_failed", /ETLS|certificate|wrong version number|ssl routines|STARTTLS|tls negotiation/i],
  [
    "domain_unknown",
    /\b5\.1\.2\b|\b5\.4\.4\b|ENOTFOUND|EDNS|host (or domain name )?not found|domain (not found|does not exist)|no mx/i,
  ],
  [
    "mailbox_unknown",
    /\b[45]\.1\.1\b|\b5\.1\.0\b|user unknown|unknown user|no such user|mailbox (unavailable|not found|does not exist)|recipient (address )?rejected|does not exist/i,
  ],
  ["mailbox_full", /\b[45]\.2\.2\b|\b552\b|quota|mailbox (is )?full|over ?quota|insufficient storage/i],
  [
    "blocked",
    /\b5\.7\.\d+\b|\b554\b|spam|blocked|block ?list|black ?list|blacklisted|policy|reputation|not accepted|rejected for policy|dnsbl|spf|dmarc/i,
  ],
  [
    "connection_failed",
    /ECONNREFUSED|ECONNECTION|ECONNRESET|ETIMEDOUT|ESOCKET|EHOSTUNREACH|ENETUNREACH|timeout|timed out|connection (closed|refused|lost)/i,
  ],
  ["temporary", /^\s*4\d\d\b|\b4\.\d+\.\d+\b|try again later|temporar/i],
  ["refused", /^\s*5\d\d\b|\b5\.\d+\.\d+\b/],
];

/**
 * What an SMTP answer or a bounce's diagnostic means for people (a mailbox that does not exist, a
 * full mailbox, mail blocked as spam …), so the UI can say it in plain words; null for an acceptance.
 */
export function explainSmtpAnswer(
  answer: string | null | undefined,
  status?: string | null,
): MailProblem | null {
  const text = `${status ?? ""} ${answer ?? ""}`.trim();
  if (!text) return null;
  if (/^\s*2\d\d\b/.test(answer ?? "") && !status) return null;
  for (const [problem, test] of rules) if (test.test(text)) return problem;
  return "unknown";
}
