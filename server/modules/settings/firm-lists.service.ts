import type {
  CreateDocumentCategory,
  CreateLineOfBusiness,
  DocumentCategory,
  LineOfBusiness,
  UpdateDocumentCategory,
  UpdateLineOfBusiness,
} from "../../../contracts/settings.js";
import { sqlState, UNIQUE_VIOLATION } from "../../platform/db/errors.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { assertStaffCan } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { loadFirm } from "./firm-profile.service.js";
import {
  auditShapeOfLineOfBusiness,
  presentDocumentCategory,
  presentFirmPolicies,
  presentLineOfBusiness,
} from "./settings.presenter.js";
import {
  insertDocumentCategory,
  insertLineOfBusiness,
  selectDocumentCategories,
  selectDocumentCategory,
  selectDocumentCategoryByKey,
  selectLineOfBusiness,
  selectLineOfBusinessByCode,
  selectLinesOfBusiness,
  updateDocumentCategory as updateCategoryRow,
  updateFirm,
  updateLineOfBusiness as updateLineRow,
} from "./settings.queries.js";

const codePattern = /^[A-Z0-9][A-Z0-9_-]{0,11}$/;
const keyPattern = /^[a-z][a-z0-9_]{1,39}$/;

function codeTaken(code: string) {
  return new AppError(
    "conflict",
    "settings.code_taken",
    { code },
    { fields: [{ field: "code", message: "settings.code_taken", params: { code } }] },
  );
}

function keyTaken(key: string) {
  return new AppError(
    "conflict",
    "settings.key_taken",
    { key },
    { fields: [{ field: "key", message: "settings.key_taken", params: { key } }] },
  );
}

/** Runs a write whose unique index may still clash (two admins at once) and turns the clash into `conflict`. */
async function uniquely<T>(write: () => Promise<T>, clash: () => AppError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw clash();
    throw error;
  }
}

function normalizeCode(input: string): string {
  const code = input.trim().toUpperCase();
  if (!codePattern.test(code)) throw invalidField("code", "settings.code_format");
  return code;
}

/** The firm's lines of business, active and inactive (every staff member picks from them). */
export async function listLinesOfBusiness(work: StaffWork): Promise<LineOfBusiness[]> {
  assertStaffCan(work.actor, "settings.read");
  return (await selectLinesOfBusiness(work.tx, work.actor.staff.firmId)).map(presentLineOfBusiness);
}

/** Adds a line of business (admins); its code is unique in the firm. */
export async function createLineOfBusiness(
  work: StaffWork,
  input: CreateLineOfBusiness,
): Promise<LineOfBusiness> {
  assertStaffCan(work.actor, "settings.manage");
  const firmId = work.actor.staff.firmId;
  const code = normalizeCode(input.code);
  if (await selectLineOfBusinessByCode(work.tx, firmId, code)) throw codeTaken(code);
  const row = await uniquely(
    () =>
      insertLineOfBusiness(work.tx, {
        firmId,
        id: newId(work.audit.at.getTime()),
        code,
        name: input.name,
        createdAt: work.audit.at,
      }),
    () => codeTaken(code),
  );
  const after = presentLineOfBusiness(row);
  await recordAudit(work.tx, work.audit, {
    action: "line_of_business.create",
    entityType: "line_of_business",
    entityId: row.id,
    before: null,
    after: auditShapeOfLineOfBusiness(after),
  });
  return after;
}

/** Renames, recodes, deactivates or reactivates a line of business (admins); contracts keep their line. */
export async function updateLineOfBusiness(
  work: StaffWork,
  id: string,
  input: UpdateLineOfBusiness,
): Promise<LineOfBusiness> {
  assertStaffCan(work.actor, "settings.manage");
  const firmId = work.actor.staff.firmId;
  const current = await selectLineOfBusiness(work.tx, firmId, id);
  if (!current) throw new AppError("not_found");
  const values: { code?: string; name?: string; active?: boolean } = {};
  if (input.code !== undefined) {
    const code = normalizeCode(input.code);
    if (code !== current.code) {
      const other = await selectLineOfBusinessByCode(work.tx, firmId, code);
      if (other && other.id !== id) throw codeTaken(code);
      values.code = code;
    }
  }
  if (input.name !== undefined && input.name !== current.name) values.name = input.name;
  if (input.active !== undefined && input.active !== current.active) values.active = input.active;
  const before = presentLineOfBusiness(current);
  if (Object.keys(values).length === 0) return before;

  const row = await uniquely(
    () => updateLineRow(work.tx, firmId, id, values),
    () => codeTaken(values.code ?? current.code),
  );
  const after = presentLineOfBusiness(row);
  await recordAudit(work.tx, work.audit, {
    action: "line_of_business.update",
    entityType: "line_of_business",
    entityId: id,
    before: auditShapeOfLineOfBusiness(before),
    after: auditShapeOfLineOfBusiness(after),
  });
  return after;
}

/** The firm's document categories, active and inactive. */
export async function listDocumentCategories(work: StaffWork): Promise<DocumentCategory[]> {
  assertStaffCan(work.actor, "settings.read");
  return (await selectDocumentCategories(work.tx, work.actor.staff.firmId)).map(presentDocumentCategory);
}

/** Adds a document category (admins); its key is unique in the firm and never changes. */
export async function createDocumentCategory(
  work: StaffWork,
  input: CreateDocumentCategory,
): Promise<DocumentCategory> {
  assertStaffCan(work.actor, "settings.manage");
  const firmId = work.actor.staff.firmId;
  const key = input.key.trim().toLowerCase();
  if (!keyPattern.test(key)) throw invalidField("key", "settings.key_format");
  if (await selectDocumentCategoryByKey(work.tx, firmId, key)) throw keyTaken(key);
  const row = await uniquely(
    () =>
      insertDocumentCategory(work.tx, {
        firmId,
        id: newId(work.audit.at.getTime()),
        key,
        name: input.name,
        createdAt: work.audit.at,
      }),
    () => keyTaken(key),
  );
  const after = presentDocumentCategory(row);
  await recordAudit(work.tx, work.audit, {
    action: "document_category.create",
    entityType: "document_category",
    entityId: row.id,
    before: null,
    after,
  });
  return after;
}

/**
 * Renames, deactivates or reactivates a document category (admins). Documents keep their category;
 * a deactivated category leaves the firm's recommended categories (new invitations cannot offer it).
 */
export async function updateDocumentCategory(
  work: StaffWork,
  id: string,
  input: UpdateDocumentCategory,
): Promise<DocumentCategory> {
  assertStaffCan(work.actor, "settings.manage");
  const firmId = work.actor.staff.firmId;
  const current = await selectDocumentCategory(work.tx, firmId, id);
  if (!current) throw new AppError("not_found");
  const values: { name?: string; active?: boolean } = {};
  if (input.name !== undefined && input.name !== current.name) values.name = input.name;
  if (input.active !== undefined && input.active !== current.active) values.active = input.active;
  const before = presentDocumentCategory(current);
  if (Object.keys(values).length === 0) return before;

  const row = await updateCategoryRow(work.tx, firmId, id, values);
  const after = presentDocumentCategory(row);
  await recordAudit(work.tx, work.audit, {
    action: "document_category.update",
    entityType: "document_category",
    entityId: id,
    before,
    after,
  });
  if (values.active === false) await dropRecommendation(work, current.key);
  return after;
}

async function dropRecommendation(work: StaffWork, key: string) {
  const firm = await loadFirm(work, true);
  if (!firm.recommendedCategoryKeys.includes(key)) return;
  const updated = await updateFirm(work.tx, firm.firmId, {
    recommendedCategoryKeys: firm.recommendedCategoryKeys.filter((k) => k !== key),
    updatedAt: work.audit.at,
  });
  await recordAudit(work.tx, work.audit, {
    action: "firm.policies_update",
    entityType: "firm",
    entityId: firm.firmId,
    before: presentFirmPolicies(firm),
    after: presentFirmPolicies(updated ?? firm),
  });
}
