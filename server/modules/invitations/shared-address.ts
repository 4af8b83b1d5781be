import type { ClientInvitationPreview } from "../../../contracts/invitations.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { invalidField } from "../../platform/errors.js";
import { primaryRoles } from "./bulk-plan.js";
import { firmOf, type InvitationRow } from "./invitations.queries.js";

/** A person an invitation over a shared address may be for: an id and a name, nothing more. */
export type SharedAddressPerson = ClientInvitationPreview["persons"][number];

/**
 * The persons one invitation reaches through a shared address (PORTAL-1, INV-3's bundle): the person
 * a bulk invitation invites on each file of the invitation's grant (holder, else co-holder, else
 * contact) whose email is the invitation's. Answers them only when there are several — then the
 * registration page asks which of them is registering; one or none asks nothing.
 */
export async function sharedAddressPersons(
  tx: ScopedTx,
  invitation: Pick<InvitationRow, "grantId" | "email">,
): Promise<SharedAddressPerson[]> {
  if (!invitation.email) return [];
  const { rows } = await tx.client.query<SharedAddressPerson>(
    `select p.id, p.first_name || ' ' || p.last_name as name
       from grant_files gf
       join lateral (
         select * from persons p
          where p.firm_id = gf.firm_id and p.client_file_id = gf.client_file_id and p.role = any($3::text[])
          order by array_position($3::text[], p.role), p.created_at, p.id
          limit 1
       ) p on true
      where gf.firm_id = $1 and gf.grant_id = $2 and nullif(lower(trim(p.email)), '') = $4
      order by name, p.id`,
    [firmOf(tx), invitation.grantId, primaryRoles, invitation.email.trim().toLowerCase()],
  );
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()];
  return unique.length > 1 ? unique : [];
}

/**
 * The person registering, from the page's choice: required when the invitation reaches several
 * (`personId` names the field), refused when not one of them; none when it reaches one person.
 */
export function chosenPerson(
  persons: readonly SharedAddressPerson[],
  personId: string | undefined,
): SharedAddressPerson | null {
  if (persons.length === 0) {
    if (personId !== undefined) throw invalidField("personId", "invitations.person_unknown");
    return null;
  }
  if (personId === undefined) throw invalidField("personId", "invitations.person_needed");
  const person = persons.find((p) => p.id === personId);
  if (!person) throw invalidField("personId", "invitations.person_unknown");
  return person;
}
