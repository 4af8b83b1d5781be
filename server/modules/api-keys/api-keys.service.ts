import type { ApiKeyList, CreateApiKey, CreatedApiKey } from "../../../contracts/api-keys.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { assertMayManageApiKeys } from "../access/api-keys.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { generateApiKey } from "./api-key-secret.js";
import { presentApiKey } from "./api-keys.presenter.js";
import { findApiKey, insertApiKey, listApiKeyRows, markRevoked } from "./api-keys.queries.js";

const entityType = "api_key";

/** POST /api/settings/api-keys: a new key; its secret is in this answer and nowhere else, ever. */
export async function createApiKey(
  { tx, actor, audit }: StaffWork,
  input: CreateApiKey,
): Promise<CreatedApiKey> {
  assertMayManageApiKeys(actor);
  const id = newId(audit.at.getTime());
  const key = generateApiKey(actor.staff.firmId, id);
  const row = await insertApiKey(tx, {
    id,
    name: input.name,
    // Stored in a fixed order so the list reads the same however they were ticked.
    scopes: (["read", "write", "import"] as const).filter((s) => input.scopes.includes(s)),
    prefix: key.prefix,
    secretHash: key.secretHash,
    createdBy: actor.user.id,
    createdByName: actor.user.name,
    createdAt: audit.at,
  });
  const presented = presentApiKey(row);
  await recordAudit(tx, audit, { action: "api_key.create", entityType, entityId: id, after: presented });
  return { ...presented, secret: key.text };
}

/** GET /api/settings/api-keys: every key of the firm, revoked ones included. */
export async function listApiKeys({ tx, actor }: StaffWork): Promise<ApiKeyList> {
  assertMayManageApiKeys(actor);
  return { items: (await listApiKeyRows(tx)).map(presentApiKey) };
}

/** POST /api/settings/api-keys/:id/revoke: the key stops working at once; revoking twice changes nothing. */
export async function revokeApiKey({ tx, actor, audit }: StaffWork, id: string) {
  assertMayManageApiKeys(actor);
  const row = await findApiKey(tx, id, true);
  if (!row) throw new AppError("not_found");
  if (row.revokedAt) return presentApiKey(row);
  const revoked = await markRevoked(tx, id, audit.at, actor.user.id);
  await recordAudit(tx, audit, {
    action: "api_key.revoke",
    entityType,
    entityId: id,
    before: presentApiKey(row),
    after: presentApiKey(revoked),
  });
  return presentApiKey(revoked);
}
