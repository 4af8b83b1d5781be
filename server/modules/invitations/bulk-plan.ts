import type { BulkInvitationOptions, BulkInvitationPlan } from "../../../contracts/bulk-invitations.js";
import { staffCanOnFile } from "../access/staff.policy.js";
import type { StaffWork } from "../access/staff-scope.js";
import { managementRefusal } from "../grants/grant-guard.js";
import { loadFirmForGrants } from "../grants/grant-settings.js";
import { loadFileStandings } from "../grants/grants.queries.js";
import { firmOf } from "./invitations.queries.js";

/** Who a bulk invitation invites on a file, in this order: the holder, else a co-holder, else a company contact. */
export const primaryRoles = ["holder", "co_holder", "contact"];

/** One selected file as the bulk invitation sees it now. */
export interface PlannedFile {
  fileId: string;
  fileName: string;
  fileKind: "private" | "business";
  personId: string | null;
  personName: string | null;
  /** Normalized; a filled-in address (options.emails) counts as the person's. */
  email: string | null;
  /** The person's own language and salutation (an invitation's defaults), when there is a person. */
  personVoice: { language: string; salutation: string } | undefined;
  state:
    | "ready"
    | "no_person"
    | "no_email"
    | "already_invited"
    | "already_active"
    | "not_allowed"
    | "not_found";
}

// A grantee stands for the file's person when it is that person, or — a bundle over a shared address —
// a grantee with the person's address on a grant that covers the file. Two EXISTS, one per way, so each
// is found by an index (grantees by person; grant_files by file, then grantees by grant) and a run's
// plan costs the same at its ten-thousandth file as at its first (PERF-3). `matches` narrows the
// grantee further; with `invitations`, it may speak of the grantee's invitation `i`.
const reachingThePerson = (matches: string, invitations: boolean) => {
  const join = invitations
    ? "join client_invitations i on i.firm_id = g.firm_id and i.grantee_id = g.id"
    : "";
  return `(exists (select 1 from grantees g ${join}
                    where g.firm_id = f.firm_id and g.person_id = p.id and g.status <> 'revoked' ${matches})
          or exists (select 1 from grant_files gf
                       join grantees g on g.firm_id = gf.firm_id and g.grant_id = gf.grant_id ${join}
                      where gf.firm_id = f.firm_id and gf.client_file_id = f.id and g.status <> 'revoked'
                        and g.email = nullif(lower(trim(p.email)), '') ${matches}))`;
};

interface FileRow {
  file_id: string;
  display_name: string;
  kind: "private" | "business";
  person_id: string | null;
  person_name: string | null;
  email: string | null;
  language: string | null;
  salutation: string | null;
  active: boolean;
  invited: boolean;
}

/**
 * The selected files with the person each would invite and where that person stands: one statement
 * for all of them (up to 10,000), then the firm policy (who may manage access) per file in memory.
 */
export async function planFiles(
  work: StaffWork,
  fileIds: readonly string[],
  completedEmails: BulkInvitationOptions["emails"],
): Promise<PlannedFile[]> {
  const { rows } = await work.tx.client.query<FileRow>(
    `select f.id as file_id, f.display_name, f.kind, p.id as person_id,
            p.first_name || ' ' || p.last_name as person_name, nullif(lower(trim(p.email)), '') as email,
            p.language, p.salutation,
            ${reachingThePerson("and g.account_id is not null", false)} as active,
            ${reachingThePerson("and i.status = 'pending' and i.expires_at > $3", true)} as invited
       from client_files f
       left join lateral (
         select * from persons p
          where p.firm_id = f.firm_id and p.client_file_id = f.id and p.role = any($4::text[])
          order by array_position($4::text[], p.role), p.created_at, p.id
          limit 1
       ) p on true
      where f.firm_id = $1 and f.id = any($2::uuid[])`,
    [firmOf(work.tx), [...new Set(fileIds)], work.audit.at, primaryRoles],
  );
  const byId = new Map(rows.map((r) => [r.file_id, r]));
  const filled = new Map(completedEmails.map((e) => [e.personId, e.email.trim().toLowerCase()]));
  const standings = await loadFileStandings(work.tx, [...byId.keys()]);
  const firm = await loadFirmForGrants(work.tx);
  return [...new Set(fileIds)].map((fileId): PlannedFile => {
    const row = byId.get(fileId);
    const standing = standings.get(fileId);
    if (!row || !standing || !staffCanOnFile(work.actor, "client_file.read", standing))
      return {
        fileId,
        fileName: "",
        fileKind: "private",
        personId: null,
        personName: null,
        email: null,
        personVoice: undefined,
        state: "not_found",
      };
    const email = row.email ?? (row.person_id ? (filled.get(row.person_id) ?? null) : null);
    const base = {
      fileId,
      fileName: row.display_name,
      fileKind: row.kind,
      personId: row.person_id,
      personName: row.person_name,
      email,
      personVoice: row.person_id
        ? { language: row.language ?? "", salutation: row.salutation ?? "" }
        : undefined,
    };
    if (managementRefusal(work.actor, [standing], firm)) return { ...base, state: "not_allowed" };
    if (!row.person_id) return { ...base, state: "no_person" };
    if (row.active) return { ...base, state: "already_active" };
    if (row.invited) return { ...base, state: "already_invited" };
    if (!email) return { ...base, state: "no_email" };
    return { ...base, state: "ready" };
  });
}

const person = (f: PlannedFile) => ({
  fileId: f.fileId,
  fileName: f.fileName,
  personId: f.personId ?? "",
  personName: f.personName ?? "",
});
const file = (f: PlannedFile) => ({ fileId: f.fileId, fileName: f.fileName });

/** The ready files grouped by the address they share (only addresses used more than once). */
export function sharedEmailGroups(files: readonly PlannedFile[]): Map<string, PlannedFile[]> {
  const byEmail = new Map<string, PlannedFile[]>();
  for (const f of files)
    if (f.state === "ready" && f.email) byEmail.set(f.email, [...(byEmail.get(f.email) ?? []), f]);
  return new Map([...byEmail].filter(([, group]) => group.length > 1));
}

/** What the dialog asks before sending (INV-3): missing addresses, shared addresses, what is skipped. */
export async function planBulkInvitation(
  work: StaffWork,
  options: BulkInvitationOptions,
): Promise<BulkInvitationPlan> {
  const files = await planFiles(work, options.fileIds, options.emails);
  const count = (state: PlannedFile["state"]) => files.filter((f) => f.state === state);
  return {
    files: files.length,
    ready: count("ready").length,
    missingEmail: count("no_email").map(person),
    sharedEmails: [...sharedEmailGroups(files)].map(([email, group]) => ({
      email,
      persons: group.map(person),
    })),
    alreadyInvited: count("already_invited").length,
    alreadyActive: count("already_active").length,
    noPerson: count("no_person").map(file),
    notAllowed: [...count("not_allowed"), ...count("not_found")].map(file),
  };
}
