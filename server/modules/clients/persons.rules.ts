import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import {
  businessRoles,
  type ClientFileKind,
  type PersonInput,
  type PersonRole,
  privateRoles,
} from "../../../contracts/clients.js";
import { invalidField } from "../../platform/errors.js";

/** The country assumed for numbers typed without a country code. */
export const DEFAULT_PHONE_COUNTRY = "DE";

const phoneExamples: Record<string, string> = {
  DE: "+49 30 1234567",
  FR: "+33 1 23 45 67 89",
  AT: "+43 1 2345678",
  CH: "+41 44 123 45 67",
  BE: "+32 2 123 45 67",
  LU: "+352 26 12 34 56",
};

/**
 * Parses a phone number as typed into E.164 with its country (FILE-2); `invalid` naming `phone` with
 * an example in the given country's format when it is not a possible number.
 */
export function normalizePhone(phone: string, country: string | undefined) {
  const defaultCountry = (country ?? DEFAULT_PHONE_COUNTRY) as CountryCode;
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(phone, defaultCountry);
  } catch {
    parsed = undefined;
  }
  if (!parsed?.isValid()) {
    const example = phoneExamples[defaultCountry] ?? phoneExamples.DE ?? "";
    throw invalidField("phone", "clients.phone_invalid", { example });
  }
  return { phoneE164: parsed.number as string, phoneCountry: parsed.country ?? defaultCountry };
}

/** The roles a file of `kind` allows. */
export function rolesFor(kind: ClientFileKind): readonly PersonRole[] {
  return kind === "private" ? privateRoles : businessRoles;
}

/** A person's fields after a create or a patch, before they are written. */
export type PersonState = Omit<PersonInput, "role"> & { role: PersonRole };

/**
 * Checks the role-dependent rules of FILE-2/3 on a person's complete state and returns the values to
 * store: fields that do not belong to the role are cleared, so a role change leaves nothing stale.
 */
export function checkPersonRules(kind: ClientFileKind, state: PersonState, today: string) {
  const allowed = rolesFor(kind);
  if (!allowed.includes(state.role))
    throw invalidField("role", "clients.role_kind", { options: allowed.join(", ") });
  const relation = state.relationToHolder?.trim() || null;
  if (state.role === "relative" && !relation)
    throw invalidField("relationToHolder", "clients.relation_required");
  if (state.role === "external_advisor" && !state.advisorKind)
    throw invalidField("advisorKind", "clients.advisor_kind_required");
  if (state.birthDate && state.birthDate > today)
    throw invalidField("birthDate", "clients.birth_date_future");
  const isContact = state.role === "contact";
  return {
    role: state.role,
    relationToHolder: state.role === "relative" ? relation : null,
    isCommercialContact: isContact && (state.isCommercialContact ?? false),
    isOperationalContact: isContact && (state.isOperationalContact ?? false),
    isEmployee: isContact && (state.isEmployee ?? false),
    advisorKind: state.role === "external_advisor" ? (state.advisorKind ?? null) : null,
    organisation: state.organisation?.trim() || null,
  };
}
