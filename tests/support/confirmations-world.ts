import { and, eq } from "drizzle-orm";
import { confirmationRequests } from "../../server/modules/confirmations/confirmations.tables.js";
import { documents, documentVersions } from "../../server/modules/documents/documents.tables.js";
import { inFirm } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { seed004World } from "./portal-world.js";
import type { TestApp } from "./test-app.js";

/**
 * An open request that one grantee confirm version 1 of a document, written straight to the database
 * as the back office would have left it after sending the mail (PORTAL-5). Answers the request's id.
 */
export async function insertConfirmationRequest(
  t: TestApp,
  firmId: string,
  r: {
    clientFileId: string;
    documentId: string;
    granteeId: string;
    accountId: string;
    personId: string | null;
    name: string;
    email: string;
    requestedBy: string;
    requestedByName: string;
  },
): Promise<string> {
  const id = newId();
  await inFirm(t.deps.database, firmId, async (tx) => {
    const [version] = await tx.db
      .select()
      .from(documentVersions)
      .where(
        and(
          eq(documentVersions.firmId, firmId),
          eq(documentVersions.documentId, r.documentId),
          eq(documentVersions.version, 1),
        ),
      );
    if (!version) throw new Error(`document ${r.documentId} has no version 1`);
    const [document] = await tx.db
      .select({ title: documents.title })
      .from(documents)
      .where(and(eq(documents.firmId, firmId), eq(documents.id, r.documentId)));
    await tx.db.insert(confirmationRequests).values({
      firmId,
      id,
      clientFileId: r.clientFileId,
      documentId: r.documentId,
      documentTitle: document?.title ?? "",
      version: 1,
      fileName: version.fileName,
      sha256: version.sha256,
      granteeId: r.granteeId,
      accountId: r.accountId,
      personId: r.personId,
      name: r.name,
      email: r.email,
      language: "en",
      salutation: "formal",
      reminderDays: [3, 7],
      sentAt: t.clock.now(),
      requestedBy: r.requestedBy,
      requestedByName: r.requestedByName,
    });
  });
  return id;
}

/**
 * Seed 004's world with confirmations switched on for its grant, and one open request each for Klara
 * (read_write holder) and Max (`read` partner) to confirm the shared HRV policy.
 */
export async function seed004WorldWithConfirmations(t: TestApp) {
  const w = await seed004World(t, { features: ["messages", "claim_reporting", "document_confirmations"] });
  const ask = (who: "klara" | "max", email: string, name: string) =>
    insertConfirmationRequest(t, w.firmId, {
      clientFileId: w.klaraFile,
      documentId: w.document.shared.id,
      granteeId: w.grantee[who],
      accountId: w[who].userId,
      personId: w.person[who],
      name,
      email,
      requestedBy: w.owner.userId,
      requestedByName: "Olga Owner",
    });
  const confirmation = {
    klara: await ask("klara", w.klara.email, "Klara Muster"),
    max: await ask("max", w.max.email, "Max Muster"),
  };
  return { ...w, confirmation };
}

export type ConfirmationsWorld = Awaited<ReturnType<typeof seed004WorldWithConfirmations>>;
