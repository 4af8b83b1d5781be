import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { type FirmProfile, LOGO_MAX_BYTES, logoContentTypes } from "../../../contracts/settings.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { FileStore } from "../../platform/storage/storage.js";
import { assertStaffCan } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { loadFirm } from "./firm-profile.service.js";
import { logoUrlOf, presentFirmProfile } from "./settings.presenter.js";
import { updateFirm } from "./settings.queries.js";

/** A logo change and the stored file it made obsolete (removed once the change is committed). */
export interface LogoChange {
  profile: FirmProfile;
  obsoleteKey: string | null;
}

/**
 * SEC-15: what the bytes are, sniffed from their content (never from a name or a claimed type). Only
 * raster images pass; SVG is refused because it may carry script.
 */
export async function sniffLogo(bytes: unknown): Promise<{ bytes: Buffer; contentType: string }> {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw invalidField("file", "settings.logo_missing");
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new AppError(
      "payload_too_large",
      "settings.logo_too_large",
      {},
      { fields: [{ field: "file", message: "settings.logo_too_large" }] },
    );
  }
  const type = await fileTypeFromBuffer(bytes);
  const contentType = type?.mime;
  if (!contentType || !(logoContentTypes as readonly string[]).includes(contentType)) {
    throw invalidField("file", "settings.logo_type");
  }
  return { bytes, contentType };
}

/** FIRM-1: stores a new logo (admins) under a fresh key, so cached copies of the old one never mix in. */
export async function replaceFirmLogo(
  work: StaffWork,
  files: FileStore,
  upload: unknown,
): Promise<LogoChange> {
  assertStaffCan(work.actor, "settings.manage");
  const logo = await sniffLogo(upload);
  const firm = await loadFirm(work, true);
  const key = `${firm.firmId}/logo/${newId(work.audit.at.getTime())}`;
  const stored = await files.put(key, Readable.from([logo.bytes]), { maxBytes: LOGO_MAX_BYTES });
  try {
    const updated = await updateFirm(work.tx, firm.firmId, {
      logoStorageKey: key,
      logoContentType: logo.contentType,
      updatedAt: work.audit.at,
    });
    if (!updated) throw new AppError("not_found");
    await recordAudit(work.tx, work.audit, {
      action: "firm.logo_update",
      entityType: "firm",
      entityId: firm.firmId,
      before: firm.logoStorageKey ? { logoUrl: logoUrlOf(firm), contentType: firm.logoContentType } : null,
      after: {
        logoUrl: logoUrlOf(updated),
        contentType: logo.contentType,
        size: stored.size,
        sha256: stored.sha256,
      },
    });
    return { profile: presentFirmProfile(updated), obsoleteKey: firm.logoStorageKey };
  } catch (error) {
    await files.delete(key).catch(() => undefined);
    throw error;
  }
}

/** FIRM-1: removes the logo (admins); the portal and emails fall back to the firm's name. */
export async function removeFirmLogo(work: StaffWork): Promise<LogoChange> {
  assertStaffCan(work.actor, "settings.manage");
  const firm = await loadFirm(work, true);
  if (!firm.logoStorageKey) return { profile: presentFirmProfile(firm), obsoleteKey: null };
  const updated = await updateFirm(work.tx, firm.firmId, {
    logoStorageKey: null,
    logoContentType: null,
    updatedAt: work.audit.at,
  });
  if (!updated) throw new AppError("not_found");
  await recordAudit(work.tx, work.audit, {
    action: "firm.logo_delete",
    entityType: "firm",
    entityId: firm.firmId,
    before: { logoUrl: logoUrlOf(firm), contentType: firm.logoContentType },
    after: null,
  });
  return { profile: presentFirmProfile(updated), obsoleteKey: firm.logoStorageKey };
}

/** Where the firm's logo is stored and what it is, for serving it; 404 without a logo. */
export async function findFirmLogo(work: StaffWork): Promise<{ key: string; contentType: string }> {
  assertStaffCan(work.actor, "settings.read");
  const firm = await loadFirm(work);
  if (!firm.logoStorageKey || !firm.logoContentType) throw new AppError("not_found");
  return { key: firm.logoStorageKey, contentType: firm.logoContentType };
}
