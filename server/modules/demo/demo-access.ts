import { and, eq, inArray } from "drizzle-orm";
import { defaultGrantSettings, grantFeatures } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { clientFiles, persons } from "../clients/clients.tables.js";
import { grantees, grantFiles, grants } from "../grants/grants.tables.js";
import { authAccounts, users } from "../identity/identity.tables.js";
import { linesOfBusiness } from "../records/records.tables.js";

/** The demo's portal sign-in: Klara Muster, as in seed 004. */
export const DEMO_CLIENT = { email: "klara.muster@example.com", name: "Klara Muster" } as const;
const DEMO_GRANT_NAME = "Klara Muster und Musterfirma (Demo)";

/**
 * The seed-004 grant: Klara's household and Musterfirma, contracts of the lines HRV and KFZ shared
 * automatically, Klara with read-write access and a portal account (invitations would create it).
 * Replaced on every run, like the demo files.
 */
export async function seedDemoAccess(tx: ScopedTx, firmId: string, passwordHash: string): Promise<void> {
  await tx.db.delete(grants).where(and(eq(grants.firmId, firmId), eq(grants.name, DEMO_GRANT_NAME)));
  const files = await tx.db
    .select({ id: clientFiles.id, ext: clientFiles.externalId })
    .from(clientFiles)
    .where(
      and(
        eq(clientFiles.firmId, firmId),
        inArray(clientFiles.externalId, ["DEMO-MUSTER-KLARA", "DEMO-MUSTERFIRMA"]),
      ),
    );
  const klaraFile = files.find((f) => f.ext === "DEMO-MUSTER-KLARA")?.id;
  const company = files.find((f) => f.ext === "DEMO-MUSTERFIRMA")?.id;
  if (!klaraFile || !company) throw new Error("the seed-004 demo files are missing");
  const [klara] = await tx.db
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(
        eq(persons.firmId, firmId),
        eq(persons.clientFileId, klaraFile),
        eq(persons.email, DEMO_CLIENT.email),
      ),
    );
  if (!klara) throw new Error("Klara Muster is missing from her demo file");
  const lines = await tx.db
    .select({ id: linesOfBusiness.id })
    .from(linesOfBusiness)
    .where(and(eq(linesOfBusiness.firmId, firmId), inArray(linesOfBusiness.code, ["HRV", "KFZ"])));

  const grantId = newId();
  await tx.db.insert(grants).values({
    firmId,
    id: grantId,
    name: DEMO_GRANT_NAME,
    ...defaultGrantSettings,
    shareClaims: true,
    shareDonations: true,
    lineOfBusinessIds: lines.map((l) => l.id),
    // Everything the portal can do, so the demo shows messages, claim reports and confirmations.
    features: [...grantFeatures],
  });
  for (const clientFileId of [klaraFile, company])
    await tx.db.insert(grantFiles).values({ firmId, grantId, clientFileId });

  const [account] = await tx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_CLIENT.email));
  const accountId = account?.id ?? newId();
  if (!account)
    await tx.db
      .insert(users)
      .values({ id: accountId, name: DEMO_CLIENT.name, email: DEMO_CLIENT.email, language: "de" });
  // The documented password works again even if someone changed it in an earlier demo session.
  await tx.db
    .delete(authAccounts)
    .where(and(eq(authAccounts.userId, accountId), eq(authAccounts.providerId, "credential")));
  await tx.db
    .insert(authAccounts)
    .values({ id: newId(), accountId, providerId: "credential", userId: accountId, password: passwordHash });
  await tx.db.insert(grantees).values({
    firmId,
    id: newId(),
    grantId,
    personId: klara.id,
    email: DEMO_CLIENT.email,
    name: DEMO_CLIENT.name,
    accountId,
    access: "read_write",
    isPrimaryContact: true,
    status: "active",
  });
}
