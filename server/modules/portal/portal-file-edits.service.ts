import type {
  PortalAddress,
  PortalAddressPatch,
  PortalContract,
  PortalContractPatch,
  PortalPerson,
  PortalPersonPatch,
} from "../../../contracts/portal.js";
import { AppError } from "../../platform/errors.js";
import {
  assertClientEditableContract,
  assertStillChangeable,
  editGrantIds,
  requireChangeable,
} from "../access/portal-edits.js";
import { type PortalWork, requirePortalFile } from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { updateClientFileRow } from "../clients/clients.queries.js";
import { auditStateOfPerson } from "../clients/persons.presenter.js";
import { findPersonOfFile, updatePersonRow } from "../clients/persons.queries.js";
import { normalizePhone } from "../clients/persons.rules.js";
import { refreshSearchText } from "../clients/search-text.js";
import { presentAddress } from "../records/addresses.presenter.js";
import { findAddressRow, updateAddressRow } from "../records/addresses.queries.js";
import { presentContract } from "../records/contracts.presenter.js";
import {
  type ContractValues,
  findContractRow,
  isActiveLine,
  updateContractRow,
} from "../records/contracts.queries.js";
import {
  blankToNull,
  checkCountry,
  checkCurrency,
  FieldProblems,
  parseMoney,
} from "../records/records.validation.js";
import { presentPortalAddress, presentPortalContract, presentPortalPerson } from "./portal.presenter.js";
import { listShownAddresses, listShownContracts, listShownPersons } from "./portal-lists.queries.js";
import { personViewOf } from "./portal-lists.service.js";

// PORTAL-8: persons' contact details, reference addresses and contracts held elsewhere, changed from
// the portal by read_write grantees whose role allows it; each change audited as the client's.

/** Changes a person's contact details (email, phone); the file's search follows (audited). */
export async function updatePortalPerson(
  work: PortalWork,
  fileId: string,
  id: string,
  patch: PortalPersonPatch,
): Promise<PortalPerson> {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, "person", id);
  const before = await findPersonOfFile(work.tx, fileId, id);
  if (!before) throw new AppError("not_found");
  const values: Parameters<typeof updatePersonRow>[2] = { updatedAt: work.now };
  if (patch.email !== undefined) values.email = patch.email ?? null;
  if (patch.phone !== undefined) {
    const phone = patch.phone
      ? normalizePhone(patch.phone, patch.phoneCountry ?? before.phoneCountry ?? undefined)
      : null;
    values.phoneE164 = phone?.phoneE164 ?? null;
    values.phoneCountry = phone?.phoneCountry ?? null;
  }
  const after = await updatePersonRow(work.tx, id, values);
  // Emails are part of the client list's search text.
  await updateClientFileRow(work.tx, fileId, { updatedAt: work.now });
  await refreshSearchText(work.tx, [fileId]);
  await assertStillChangeable(work.tx, access, "person", id);
  await recordAudit(work.tx, work.audit, {
    action: "portal.person.update",
    entityType: "person",
    entityId: id,
    clientFileId: fileId,
    before: auditStateOfPerson(before),
    after: auditStateOfPerson(after),
  });
  const [row] = await listShownPersons(work.tx, access, editGrantIds(access, "person"), id);
  if (!row) throw new AppError("not_found");
  return presentPortalPerson(row, personViewOf(access));
}

/** Changes a reference address (not which contracts cover it: that stays the firm's) (audited). */
export async function updatePortalAddress(
  work: PortalWork,
  fileId: string,
  id: string,
  patch: PortalAddressPatch,
): Promise<PortalAddress> {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, "address", id);
  const row = await findAddressRow(work.tx, work.firmId, fileId, id);
  if (!row) throw new AppError("not_found");
  const problems = new FieldProblems();
  if (patch.country !== undefined) checkCountry(problems, "country", patch.country);
  problems.throwIfAny();
  const { firmId: _firm, id: _id, clientFileId: _file, createdAt: _created, ...current } = row;
  const changed = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await updateAddressRow(work.tx, work.firmId, id, { ...current, ...changed, updatedAt: work.now });
  await assertStillChangeable(work.tx, access, "address", id);
  const [shown] = await listShownAddresses(work.tx, access, editGrantIds(access, "address"), id);
  if (!shown) throw new AppError("not_found");
  await recordAudit(work.tx, work.audit, {
    action: "portal.reference_address.update",
    entityType: "reference_address",
    entityId: id,
    clientFileId: fileId,
    before: presentAddress(row, shown.contracts),
    after: presentAddress(shown.address, shown.contracts),
  });
  return presentPortalAddress(shown);
}

/** The stored values a portal contract patch sets, with its format problems. */
function contractValuesOf(patch: PortalContractPatch, problems: FieldProblems): Partial<ContractValues> {
  const values: Partial<ContractValues> = {};
  for (const key of ["number", "productName", "risk"] as const)
    if (patch[key] !== undefined) values[key] = blankToNull(patch[key]);
  if (patch.insurer !== undefined) values.insurer = patch.insurer;
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.lineOfBusinessId !== undefined) values.lineOfBusinessId = patch.lineOfBusinessId ?? null;
  for (const key of ["startDate", "endDate"] as const)
    if (patch[key] !== undefined) values[key] = patch[key] ?? null;
  if (patch.premium !== undefined)
    values.premium =
      patch.premium === null || patch.premium === ""
        ? null
        : parseMoney(problems, "premium", patch.premium, "not_negative");
  if (patch.premiumFrequency !== undefined) values.premiumFrequency = patch.premiumFrequency ?? null;
  if (patch.currency !== undefined) {
    checkCurrency(problems, "currency", patch.currency);
    values.currency = patch.currency;
  }
  return values;
}

/**
 * Changes a contract held elsewhere (foreign, partly foreign): the client knows it best. The firm's own
 * contracts answer 403 naming why (audited with before and after).
 */
export async function updatePortalContract(
  work: PortalWork,
  fileId: string,
  id: string,
  patch: PortalContractPatch,
): Promise<PortalContract> {
  const access = await requirePortalFile(work, fileId);
  await requireChangeable(work.tx, access, "contract", id);
  const row = await findContractRow(work.tx, work.firmId, fileId, id);
  if (!row) throw new AppError("not_found");
  assertClientEditableContract(row.status);
  const problems = new FieldProblems();
  const changed = contractValuesOf(patch, problems);
  const { line: _line, firmId: _firm, id: _id, clientFileId: _file, createdAt: _created, ...current } = row;
  const { portalCategory: _category, ...stored } = current;
  const values: ContractValues = { ...stored, ...changed, updatedAt: work.now };
  if (
    changed.lineOfBusinessId &&
    changed.lineOfBusinessId !== row.lineOfBusinessId &&
    !(await isActiveLine(work.tx, work.firmId, changed.lineOfBusinessId))
  )
    problems.add("lineOfBusinessId", "records.line_of_business_unknown");
  if (values.startDate && values.endDate && values.endDate < values.startDate)
    problems.add("endDate", "records.end_before_start");
  problems.throwIfAny();
  await updateContractRow(work.tx, work.firmId, id, values);
  await assertStillChangeable(work.tx, access, "contract", id);
  const after = await findContractRow(work.tx, work.firmId, fileId, id);
  if (!after) throw new AppError("not_found");
  await recordAudit(work.tx, work.audit, {
    action: "portal.contract.update",
    entityType: "contract",
    entityId: id,
    clientFileId: fileId,
    before: presentContract(row),
    after: presentContract(after),
  });
  const [shown] = await listShownContracts(work, access, editGrantIds(access, "contract"), id);
  if (!shown) throw new AppError("not_found");
  return presentPortalContract(shown);
}
