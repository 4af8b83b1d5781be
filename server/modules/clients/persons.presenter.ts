import type { AdvisorKind, Person, PersonRole, Salutation, SharedEmail } from "../../../contracts/clients.js";
import type { Language } from "../../../contracts/common.js";
import type { PersonRecord } from "./persons.queries.js";

/** Who else uses a person's email: those on files the reader sees, and how many elsewhere. */
export interface SharedEmailInfo {
  visible: SharedEmail[];
  hiddenCount: number;
}

const noneShared: SharedEmailInfo = { visible: [], hiddenCount: 0 };

/** A person as the API answers it. */
export function presentPerson(row: PersonRecord, shared: SharedEmailInfo = noneShared): Person {
  return {
    id: row.id,
    clientFileId: row.clientFileId,
    role: row.role as PersonRole,
    relationToHolder: row.relationToHolder,
    isCommercialContact: row.isCommercialContact,
    isOperationalContact: row.isOperationalContact,
    isEmployee: row.isEmployee,
    advisorKind: row.advisorKind as AdvisorKind | null,
    organisation: row.organisation,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phoneE164: row.phoneE164,
    phoneCountry: row.phoneCountry,
    salutation: row.salutation as Salutation,
    language: row.language as Language,
    birthDate: row.birthDate,
    externalId: row.externalId,
    sharedEmailWith: shared.visible,
    sharedEmailElsewhere: shared.hiddenCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A person's state for the audit log (without the derived shared-email view). */
export function auditStateOfPerson(row: PersonRecord) {
  const { sharedEmailWith: _shared, sharedEmailElsewhere: _elsewhere, ...state } = presentPerson(row);
  return state;
}

/** "Muster, Klara": how a household's file is named after its holder. */
export function householdName(person: { firstName: string; lastName: string }): string {
  return `${person.lastName}, ${person.firstName}`;
}
