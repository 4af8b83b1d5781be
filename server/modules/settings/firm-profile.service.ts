import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import type { FirmProfile, UpdateFirmProfile } from "../../../contracts/settings.js";
import { sqlState, UNIQUE_VIOLATION } from "../../platform/db/errors.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { assertStaffCan } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { newPublicCode } from "../firms/firms.service.js";
import { presentFirmProfile } from "./settings.presenter.js";
import { type FirmRow, selectFirm, updateFirm } from "./settings.queries.js";

/** The actor's firm row; a firm always exists for a staff member, but a vanished one reads as 404. */
export async function loadFirm(work: StaffWork, forUpdate = false): Promise<FirmRow> {
  const firm = await selectFirm(work.tx, work.actor.staff.firmId, forUpdate);
  if (!firm) throw new AppError("not_found");
  return firm;
}

/** FIRM-1: the firm's profile, for every staff member. */
export async function getFirmProfile(work: StaffWork): Promise<FirmProfile> {
  assertStaffCan(work.actor, "settings.read");
  return presentFirmProfile(await loadFirm(work));
}

const blankToNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value.trim() === "" ? null : value.trim();

/** E.164 of a phone number typed in any usual way; numbers without a country code belong to `country`. */
export function normalizePhone(input: string, country: string): string {
  const phone = parsePhoneNumberFromString(input, country.toUpperCase() as CountryCode);
  if (!phone?.isValid()) throw invalidField("phone", "settings.phone_invalid");
  return phone.number;
}

/** A website as an absolute http(s) address; "www.example.de" gets "https://" in front. */
export function normalizeWebsite(input: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidField("website", "settings.website_invalid");
  }
  if (!["http:", "https:"].includes(url.protocol) || !url.hostname.includes(".") || url.username) {
    throw invalidField("website", "settings.website_invalid");
  }
  return withScheme;
}

/** An email address in lower case, or an `invalid` error on `field`. */
export function normalizeEmail(input: string, field: string): string {
  const email = input.trim().toLowerCase();
  if (!z.email().max(320).safeParse(email).success) throw invalidField(field, "field.email");
  return email;
}

/** FIRM-1: changes the profile (admins); phone to E.164, email to lower case, colours to lower case. */
export async function updateFirmProfile(work: StaffWork, input: UpdateFirmProfile): Promise<FirmProfile> {
  assertStaffCan(work.actor, "settings.manage");
  const firm = await loadFirm(work, true);
  const country = input.country?.toUpperCase() ?? firm.country;

  const values: Partial<FirmRow> = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.country !== undefined) values.country = country;
  if (input.defaultLanguage !== undefined) values.defaultLanguage = input.defaultLanguage;
  if (input.primaryColor !== undefined) values.primaryColor = input.primaryColor.toLowerCase();
  if (input.accentColor !== undefined) values.accentColor = input.accentColor.toLowerCase();
  for (const field of ["street", "postalCode", "city"] as const) {
    const value = blankToNull(input[field]);
    if (value !== undefined) values[field] = value;
  }
  const phone = blankToNull(input.phone);
  if (phone !== undefined) values.phone = phone === null ? null : normalizePhone(phone, country);
  const email = blankToNull(input.email);
  if (email !== undefined) values.email = email === null ? null : normalizeEmail(email, "email");
  const website = blankToNull(input.website);
  if (website !== undefined) values.website = website === null ? null : normalizeWebsite(website);

  if (Object.keys(values).length === 0) return presentFirmProfile(firm);
  const updated = await updateFirm(work.tx, firm.firmId, { ...values, updatedAt: work.audit.at });
  if (!updated) throw new AppError("not_found");
  const before = presentFirmProfile(firm);
  const after = presentFirmProfile(updated);
  await recordAudit(work.tx, work.audit, {
    action: "firm.update",
    entityType: "firm",
    entityId: firm.firmId,
    before,
    after,
  });
  return after;
}

/**
 * FIRM-1: gives the firm a new public code (admins); the old one stops working at once. A clash with
 * another firm's code (unique across firms, invisible here) is retried under a savepoint.
 */
export async function regeneratePublicCode(work: StaffWork): Promise<{ publicCode: string }> {
  assertStaffCan(work.actor, "settings.manage");
  const firm = await loadFirm(work, true);
  for (let attempt = 0; ; attempt++) {
    const publicCode = newPublicCode(firm.name);
    await work.tx.client.query("savepoint public_code");
    try {
      await updateFirm(work.tx, firm.firmId, { publicCode, updatedAt: work.audit.at });
      await work.tx.client.query("release savepoint public_code");
    } catch (error) {
      await work.tx.client.query("rollback to savepoint public_code");
      if (sqlState(error) === UNIQUE_VIOLATION && attempt < 5) continue;
      throw error;
    }
    await recordAudit(work.tx, work.audit, {
      action: "firm.public_code_regenerate",
      entityType: "firm",
      entityId: firm.firmId,
      before: { publicCode: firm.publicCode },
      after: { publicCode },
    });
    return { publicCode };
  }
}
