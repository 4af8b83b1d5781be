import { and, eq, inArray, sql } from "drizzle-orm";
import type { Language } from "../../../contracts/common.js";
import type { CandidateRefusal } from "../../../contracts/confirmations.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { persons } from "../clients/clients.tables.js";
import { grantees, grants } from "../grants/grants.tables.js";
import { loadRelated } from "../grants/record-facts.queries.js";
import { users } from "../identity/identity.tables.js";
import { assertCanOnFile } from "./client-files.access.js";
import type { FileGrantRow } from "./file-grants.sql.js";
import { type FileAccess, fileAccessOfRows } from "./portal-access.js";
import { decide, effectiveStatus, type RecordFacts } from "./sharing-rules.js";
import type { StaffActor } from "./staff.policy.js";

// Who may ask for, see and give a confirmation of receipt (PORTAL-5). Staff ask as they share
// documents (changing the file); they see requests and download certificates as they read the file.
// A grantee can be asked when they have joined the portal, their access works now, their grant
// includes the feature `document_confirmations`, and that grant shows the document once it is shared.

/** Staff may ask for confirmations (and cancel or resend them) where they may change the file. */
export async function assertMayRequestConfirmations(tx: ScopedTx, actor: StaffActor, fileId: string) {
  await assertCanOnFile(tx, actor, "client_file.edit", fileId);
}

/** Staff may see requests, their evidence and certificates where they may read the file. */
export async function assertMaySeeConfirmations(tx: ScopedTx, actor: StaffActor, fileId: string) {
  await assertCanOnFile(tx, actor, "client_file.read", fileId);
}

/** The document as the sharing rules see it, taken as shared (asking for a confirmation shares it). */
export interface ConfirmableDocument {
  id: string;
  clientFileId: string;
  categoryId: string;
  contractId: string | null;
  claimId: string | null;
}

/** A grantee reaching the file, with where their mail goes and whether they can be asked. */
export interface ConfirmationCandidate {
  granteeId: string;
  grantId: string;
  grantName: string;
  name: string;
  accountId: string | null;
  personId: string | null;
  email: string | null;
  language: Language;
  salutation: "formal" | "informal";
  refusal: Exclude<CandidateRefusal, "already_open"> | null;
}

const languageOf = (value: string | null | undefined, fallback: Language): Language =>
  value === "de" || value === "fr" || value === "en" ? value : fallback;

/**
 * Every grantee whose grant bundles the file, each with whether they can be asked to confirm
 * `document` and, if not, why (in a few statements for all of them: their grant rows as the portal
 * reads them, their person and account, the records the document is tied to). Language and
 * salutation: the person's; for an outsider, the account's language and the firm's salutation.
 */
export async function confirmationCandidates(
  tx: ScopedTx,
  document: ConfirmableDocument,
  now: Date,
  firm: { defaultLanguage: string; defaultSalutation: string },
): Promise<ConfirmationCandidate[]> {
  const fileId = document.clientFileId;
  // The same rows the portal reads for each grantee (portal_file_grants, as in a preview of them).
  const { rows } = await tx.client.query<FileGrantRow>(
    `select r.* from public.grantees ge
       join public.grant_files gf on gf.firm_id = ge.firm_id and gf.grant_id = ge.grant_id and gf.client_file_id = $1
       cross join lateral public.portal_file_grants($1, null, ge.id) r
      where ge.firm_id = nullif(current_setting('app.firm_id', true), '')::uuid`,
    [fileId],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.grantee_id);
  const details = await tx.db
    .select({
      id: grantees.id,
      name: grantees.name,
      accountId: grantees.accountId,
      granteeEmail: grantees.email,
      accountEmail: users.email,
      accountLanguage: users.language,
      personLanguage: persons.language,
      personSalutation: persons.salutation,
      grantName: grants.name,
    })
    .from(grantees)
    .innerJoin(grants, and(eq(grants.firmId, grantees.firmId), eq(grants.id, grantees.grantId)))
    .leftJoin(users, eq(users.id, grantees.accountId))
    .leftJoin(persons, and(eq(persons.firmId, grantees.firmId), eq(persons.id, grantees.personId)))
    .where(
      and(
        eq(grantees.firmId, sql`nullif(current_setting('app.firm_id', true), '')::uuid`),
        inArray(grantees.id, ids),
      ),
    );
  const byId = new Map(details.map((d) => [d.id, d]));
  const record: RecordFacts = { kind: "document", ...document, sharedToPortal: true };
  const related = await loadRelated(tx, [record]);
  const firmLanguage = languageOf(firm.defaultLanguage, "de");
  const candidates: ConfirmationCandidate[] = [];
  for (const row of rows) {
    const detail = byId.get(row.grantee_id);
    if (!detail) continue;
    const status = effectiveStatus(
      { status: row.status as "pending" | "active" | "locked" | "revoked", expiresAt: row.expires_at },
      now,
    );
    // Revoked grantees are history, not people to ask.
    if (status === "revoked") continue;
    const access = fileAccessOfRows(
      tx,
      { kind: "preview", granteeId: row.grantee_id, staffUserId: "" },
      fileId,
      now,
      [row],
    );
    const grant = access.grants[0];
    let refusal: ConfirmationCandidate["refusal"] = null;
    if (status === "pending" || !detail.accountId) refusal = "not_joined";
    else if (status !== "active" || !grant) refusal = "no_access";
    else if (!grant.features.includes("document_confirmations")) refusal = "feature_off";
    else if (!decide(grant.rules, record, related).visible) refusal = "document_hidden";
    candidates.push({
      granteeId: row.grantee_id,
      grantId: row.grant_id,
      grantName: detail.grantName,
      name: detail.name,
      accountId: detail.accountId,
      personId: row.person_id,
      email: detail.accountEmail ?? detail.granteeEmail,
      language: languageOf(detail.personLanguage ?? detail.accountLanguage, firmLanguage),
      salutation: (detail.personSalutation ?? firm.defaultSalutation) === "informal" ? "informal" : "formal",
      refusal,
    });
  }
  return candidates.sort((a, b) => a.name.localeCompare(b.name) || a.granteeId.localeCompare(b.granteeId));
}

/**
 * Whether the portal viewer may confirm a request addressed to `granteeId`: never in a staff preview
 * (403, read-only); otherwise the grantee must be one of the viewer's own on this file, active now,
 * with a grant that includes confirmations — anyone else hears 404, as if the request did not exist.
 * Confirming receipt changes no record of the file, so a `read` grantee confirms as well.
 */
export function assertMayConfirm(access: FileAccess, granteeId: string): void {
  if (access.viewer.kind === "preview") throw new AppError("forbidden", "access.preview_read_only");
  const grant = access.grants.find((g) => g.grantee.id === granteeId);
  if (!grant?.features.includes("document_confirmations")) throw new AppError("not_found");
}

/** The ids of the viewer's grantees on this file whose grant includes confirmations. */
export function confirmingGranteeIds(access: FileAccess): string[] {
  return access.grants.filter((g) => g.features.includes("document_confirmations")).map((g) => g.grantee.id);
}
