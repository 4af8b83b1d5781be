import { and, eq } from "drizzle-orm";
import type { Language } from "../../../contracts/common.js";
import type { AppDeps } from "../../deps.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { queueEmail } from "../../platform/mail/outbox.js";
import type { AccessChange } from "../../platform/mail/templates/access-changed.js";
import { persons } from "../clients/clients.tables.js";
import { firmBranding, firmSender } from "../firms/firm-mail.js";
import type { FirmForGrants } from "./grant-settings.js";
import { findAccounts, firmOf, type GranteeRow } from "./grants.queries.js";

/** What queueing the access-changed mail needs from the process. */
export type GranteeMailDeps = Pick<AppDeps, "queue" | "outboxKey" | "config">;

const languages: readonly string[] = ["de", "fr", "en"];

/** The portal's address, for the mail's button. */
function portalUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, "")}/portal`;
}

/**
 * Queues the access-changed mail (GRANT-7) for a grantee whose rights changed, in the change's
 * transaction. Only a grantee with an account is told: one without has not joined yet, and the
 * invitation will describe their access as it then is. The person's language and salutation are used
 * when the grantee is a person of a file; an outside person gets the account's language and the
 * firm's default salutation. The mail goes to the account's address and carries no credential.
 */
export async function queueAccessChangedMail(
  tx: ScopedTx,
  deps: GranteeMailDeps,
  firm: FirmForGrants,
  grantee: Pick<GranteeRow, "id" | "grantId" | "grantName" | "name" | "accountId" | "personId">,
  changes: AccessChange[],
): Promise<void> {
  if (!grantee.accountId || changes.length === 0) return;
  const account = (await findAccounts(tx, [grantee.accountId])).get(grantee.accountId);
  if (!account) return;
  const [person] = grantee.personId
    ? await tx.db
        .select({ language: persons.language, salutation: persons.salutation })
        .from(persons)
        .where(and(eq(persons.firmId, firmOf(tx)), eq(persons.id, grantee.personId)))
    : [];
  const language = (person?.language ?? account.language) as Language;
  const ended = changes.some((c) => c.kind === "revoked" || c.kind === "ended" || c.kind === "locked");
  await queueEmail(tx, deps, {
    template: "access-changed",
    recipient: {
      name: grantee.name,
      email: account.email,
      language: languages.includes(language) ? language : (firm.language as Language),
      salutation: (person?.salutation ?? firm.defaultSalutation) as "formal" | "informal",
    },
    props: {
      firmName: firm.name,
      grantName: grantee.grantName,
      changes,
      portalUrl: ended ? null : portalUrl(deps.config.publicUrl),
    },
    branding: firmBranding(firm),
    sender: firmSender(firm),
    meta: { reason: "access_changed", granteeId: grantee.id, grantId: grantee.grantId },
  });
}
