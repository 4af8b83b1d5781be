import { isIP } from "node:net";
import type { Language } from "../../../contracts/common.js";
import type { FirmMailServer, MailServerTestResult, UpdateFirmMailServer } from "../../../contracts/mail.js";
import { invalidField } from "../../platform/errors.js";
import { translate } from "../../platform/i18n/translate.js";
import { explainSmtpAnswer } from "../../platform/mail/smtp-answer.js";
import {
  createServerTransport,
  type MailTransport,
  type SmtpServerSettings,
} from "../../platform/mail/transport.js";
import { reachesInternalNetwork } from "../../platform/net/private-address.js";
import { assertStaffCan } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { loadFirmMailServer, sealSmtpPassword } from "../firms/firm-smtp.js";
import { loadFirm, normalizeEmail } from "./firm-profile.service.js";
import type { FirmRow } from "./settings.queries.js";
import { updateFirm } from "./settings.queries.js";

/** The firm's own SMTP server as the API shows it: never the password, only whether one is set. */
export function presentFirmMailServer(firm: FirmRow): FirmMailServer {
  return {
    configured: Boolean(firm.smtpHost && firm.smtpPort && firm.smtpFromAddress),
    host: firm.smtpHost,
    port: firm.smtpPort,
    security: firm.smtpSecurity as FirmMailServer["security"],
    user: firm.smtpUser,
    passwordSet: firm.smtpPasswordSealed !== null,
    fromAddress: firm.smtpFromAddress,
    updatedAt: firm.smtpChangedAt?.toISOString() ?? null,
  };
}

/** FIRM-3: the firm's own SMTP server (admins only: it names the firm's mail account). */
export async function getFirmMailServer(work: StaffWork): Promise<FirmMailServer> {
  assertStaffCan(work.actor, "settings.manage");
  return presentFirmMailServer(await loadFirm(work));
}

const hostPattern =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A host name or IP address as typed, or an `invalid` error naming `host`. */
function checkHost(input: string): string {
  const host = input.trim().toLowerCase();
  if (!host || (!hostPattern.test(host) && isIP(host) === 0))
    throw invalidField("host", "settings.smtp_host");
  return host;
}

/**
 * FIRM-3: sets the firm's own SMTP server (admins). The password is sealed before it is stored and
 * left out of the audit; omitting it keeps the stored one. Workers pick the change up with the next
 * mail (their pooled transport of the firm is rebuilt).
 */
export async function updateFirmMailServer(
  work: StaffWork,
  options: { key: Buffer; internalHosts: "allow" | "refuse" },
  input: UpdateFirmMailServer,
): Promise<FirmMailServer> {
  assertStaffCan(work.actor, "settings.manage");
  const key = options.key;
  const firm = await loadFirm(work, true);
  const host = checkHost(input.host);
  // The test mail reports what the server answered: an address inside the installation's network
  // would let a firm's admin probe it. (Resolved now; a name later pointed inward is not re-checked.)
  if (options.internalHosts === "refuse" && (await reachesInternalNetwork(host)))
    throw invalidField("host", "settings.smtp_host_internal");
  if (input.port < 1 || input.port > 65535) throw invalidField("port", "settings.smtp_port");
  const fromAddress = normalizeEmail(input.fromAddress, "fromAddress");
  const user = input.user === undefined ? firm.smtpUser : input.user?.trim() || null;
  let passwordSealed = firm.smtpPasswordSealed;
  if (input.password !== undefined)
    passwordSealed = input.password ? sealSmtpPassword(key, input.password) : null;
  if (passwordSealed && !user) throw invalidField("user", "settings.smtp_user_needed");

  const before = presentFirmMailServer(firm);
  const updated =
    (await updateFirm(work.tx, firm.firmId, {
      smtpHost: host,
      smtpPort: input.port,
      smtpSecurity: input.security,
      smtpUser: user,
      smtpPasswordSealed: passwordSealed,
      smtpFromAddress: fromAddress,
      smtpChangedAt: work.audit.at,
      updatedAt: work.audit.at,
    })) ?? firm;
  const after = presentFirmMailServer(updated);
  await recordAudit(work.tx, work.audit, {
    action: "firm.mail_server_update",
    entityType: "firm",
    entityId: firm.firmId,
    // The shapes hold only "passwordSet"; a changed password shows as such, never its value.
    before,
    after: { ...after, passwordChanged: input.password !== undefined },
  });
  return after;
}

/** FIRM-3: the firm goes back to the installation's SMTP server; its stored settings are erased. */
export async function removeFirmMailServer(work: StaffWork): Promise<FirmMailServer> {
  assertStaffCan(work.actor, "settings.manage");
  const firm = await loadFirm(work, true);
  const before = presentFirmMailServer(firm);
  if (!before.configured && !firm.smtpPasswordSealed) return before;
  const updated =
    (await updateFirm(work.tx, firm.firmId, {
      smtpHost: null,
      smtpPort: null,
      smtpSecurity: null,
      smtpUser: null,
      smtpPasswordSealed: null,
      smtpFromAddress: null,
      smtpChangedAt: work.audit.at,
      updatedAt: work.audit.at,
    })) ?? firm;
  const after = presentFirmMailServer(updated);
  await recordAudit(work.tx, work.audit, {
    action: "firm.mail_server_remove",
    entityType: "firm",
    entityId: firm.firmId,
    before,
    after,
  });
  return after;
}

/** What a test mail needs, read in the request's transaction; the SMTP exchange runs after it. */
export interface MailServerTest {
  to: string;
  own: { server: SmtpServerSettings; fromAddress: string } | null;
  firmName: string;
  /** The admin's language: the test mail is written in it. */
  language: Language;
}

/** FIRM-3: checks and gathers a test mail (admins): the recipient (default: the admin) and the server. */
export async function prepareMailServerTest(
  work: StaffWork,
  key: Buffer,
  to: string | undefined,
): Promise<MailServerTest> {
  assertStaffCan(work.actor, "settings.manage");
  const recipient = to ? normalizeEmail(to, "to") : work.actor.user.email;
  const own = await loadFirmMailServer(work.tx, work.actor.staff.firmId, key);
  return { to: recipient, own, firmName: work.actor.staff.firmName, language: work.actor.user.language };
}

/**
 * Sends the test mail at once and reports the server's answer with its meaning in plain words. The
 * one mail not queued in the outbox, on purpose: the admin waits for the answer of the server just
 * configured. A single connection, closed after, so a wrong setting leaves nothing behind.
 */
export async function sendMailServerTest(
  test: MailServerTest,
  installation: { transport: MailTransport; from: string },
): Promise<MailServerTestResult> {
  const words = { firm: test.firmName };
  const body = translate(test.language, "settings.smtp_test_body", words);
  const transport = test.own
    ? createServerTransport(test.own.server, { pooled: false })
    : installation.transport;
  try {
    const result = await transport.send({
      from: test.own ? { name: test.firmName, address: test.own.fromAddress } : installation.from,
      to: { address: test.to },
      subject: translate(test.language, "settings.smtp_test_subject", words),
      text: body,
      html: `<p>${escapeHtml(body)}</p>`,
    });
    return {
      ok: result.ok,
      to: test.to,
      viaFirmServer: test.own !== null,
      smtpResponse: result.response,
      problem: result.ok ? null : explainSmtpAnswer(result.response),
    };
  } finally {
    if (test.own) transport.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
