import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { open, seal } from "../../platform/crypto.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import type { SmtpSecurity } from "../../platform/mail/transport.js";
import type { FirmMailServer } from "../../platform/mail/transports.js";
import { firms } from "./firms.tables.js";

/** Seals a firm's SMTP password for storage (AES-256-GCM with the key derived for firm SMTP). */
export function sealSmtpPassword(key: Buffer, password: string): string {
  return seal(key, password);
}

/**
 * The firm's own SMTP server for its mails (FIRM-3), password opened, or null when its mails go
 * through the installation's server. Read in the firm's scope by the delivery of each mail, so a
 * change is picked up by the next mail; the version (a digest of the settings) lets workers keep a pooled
 * transport until then.
 */
export async function loadFirmMailServer(
  tx: ScopedTx,
  firmId: string,
  key: Buffer,
): Promise<FirmMailServer | null> {
  const [firm] = await tx.db
    .select({
      host: firms.smtpHost,
      port: firms.smtpPort,
      security: firms.smtpSecurity,
      user: firms.smtpUser,
      passwordSealed: firms.smtpPasswordSealed,
      fromAddress: firms.smtpFromAddress,
      changedAt: firms.smtpChangedAt,
    })
    .from(firms)
    .where(eq(firms.firmId, firmId));
  if (!firm?.host || !firm.port || !firm.fromAddress) return null;
  return {
    server: {
      host: firm.host,
      port: firm.port,
      security: (firm.security ?? "starttls") as SmtpSecurity,
      user: firm.user,
      password: firm.passwordSealed ? open(key, firm.passwordSealed) : null,
    },
    fromAddress: firm.fromAddress,
    // Every stored value, the sealed password included (a new seal each save): any change is a new version.
    version: createHash("sha256")
      .update(
        JSON.stringify([
          firm.host,
          firm.port,
          firm.security,
          firm.user,
          firm.passwordSealed,
          firm.fromAddress,
        ]),
      )
      .digest("base64url"),
  };
}
