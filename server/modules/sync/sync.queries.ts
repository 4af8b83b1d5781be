import type { SyncKind } from "../../../contracts/sync.js";
import type { ScopedTx } from "../../platform/db/scope.js";

/** How a read field comes back: text (dates and amounts as text too), a boolean, or a whole number. */
export type ReadType = "text" | "bool" | "int";

/** What the sync API reads of one kind: its table and each field as a SQL expression over `t`. */
interface ReadSpec {
  table: string;
  fields: Array<[key: string, sql: string, type: ReadType]>;
}

const fileExt =
  "(select f.external_id from client_files f where f.firm_id = t.firm_id and f.id = t.client_file_id)";
const contractExt = (column: string) =>
  `(select c.external_id from contracts c where c.firm_id = t.firm_id and c.id = t.${column})`;

/** The read side of each kind; field keys match the upsert items' keys. */
export const readSpecs: Record<SyncKind, ReadSpec> = {
  "client-files": {
    table: "client_files",
    fields: [
      ["kind", "t.kind", "text"],
      ["displayName", "t.display_name", "text"],
      ["number", "t.number", "text"],
      ["caseOwnerEmail", "(select lower(u.email) from users u where u.id = t.case_owner_id)", "text"],
      ["notes", "t.notes", "text"],
    ],
  },
  persons: {
    table: "persons",
    fields: [
      ["clientFileExternalId", fileExt, "text"],
      ["role", "t.role", "text"],
      ["relationToHolder", "t.relation_to_holder", "text"],
      ["isCommercialContact", "t.is_commercial_contact", "bool"],
      ["isOperationalContact", "t.is_operational_contact", "bool"],
      ["isEmployee", "t.is_employee", "bool"],
      ["advisorKind", "t.advisor_kind", "text"],
      ["organisation", "t.organisation", "text"],
      ["firstName", "t.first_name", "text"],
      ["lastName", "t.last_name", "text"],
      ["email", "t.email", "text"],
      ["phone", "t.phone_e164", "text"],
      ["phoneCountry", "t.phone_country", "text"],
      ["salutation", "t.salutation", "text"],
      ["language", "t.language", "text"],
      ["birthDate", "t.birth_date::text", "text"],
    ],
  },
  contracts: {
    table: "contracts",
    fields: [
      ["clientFileExternalId", fileExt, "text"],
      ["number", "t.number", "text"],
      ["insurer", "t.insurer", "text"],
      ["productName", "t.product_name", "text"],
      ["risk", "t.risk", "text"],
      [
        "lineOfBusiness",
        "(select l.code from lines_of_business l where l.firm_id = t.firm_id and l.id = t.line_of_business_id)",
        "text",
      ],
      ["status", "t.status", "text"],
      ["offerDate", "t.offer_date::text", "text"],
      ["applicationDate", "t.application_date::text", "text"],
      ["documentDate", "t.document_date::text", "text"],
      ["startDate", "t.start_date::text", "text"],
      ["endDate", "t.end_date::text", "text"],
      ["premium", "t.premium::text", "text"],
      ["premiumFrequency", "t.premium_frequency", "text"],
      ["currency", "t.currency", "text"],
    ],
  },
  claims: {
    table: "claims",
    fields: [
      ["clientFileExternalId", fileExt, "text"],
      ["contractExternalId", contractExt("contract_id"), "text"],
      ["claimDate", "t.claim_date::text", "text"],
      ["description", "t.description", "text"],
      ["status", "t.status", "text"],
      ["amount", "t.amount::text", "text"],
      ["currency", "t.currency", "text"],
      ["insurerReference", "t.insurer_reference", "text"],
    ],
  },
  documents: {
    table: "documents",
    fields: [
      ["clientFileExternalId", fileExt, "text"],
      ["title", "t.title", "text"],
      [
        "category",
        "(select k.key from document_categories k where k.firm_id = t.firm_id and k.id = t.category_id)",
        "text",
      ],
      ["contractExternalId", contractExt("contract_id"), "text"],
      [
        "claimExternalId",
        "(select c.external_id from claims c where c.firm_id = t.firm_id and c.id = t.claim_id)",
        "text",
      ],
      ["documentDate", "t.document_date::text", "text"],
      ["sharedToPortal", "t.shared_to_portal", "bool"],
      ["version", "t.current_version", "int"],
      ["fileName", "v.file_name", "text"],
      ["contentType", "v.content_type", "text"],
      ["sizeBytes", "v.size_bytes::int", "int"],
      ["sha256", "v.sha256", "text"],
    ],
  },
};

const utc = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function selectOf(kind: SyncKind): string {
  const spec = readSpecs[kind];
  const fields = spec.fields.map(([key, sql]) => `${sql} as "${key}"`).join(", ");
  const versionJoin =
    kind === "documents"
      ? " join document_versions v on v.firm_id = t.firm_id and v.document_id = t.id and v.version = t.current_version"
      : "";
  return `select t.id, t.external_id as "externalId", ${fields},
                 ${utc("t.created_at")} as "createdAt", ${utc("t.updated_at")} as "updatedAt"
            from ${spec.table} t${versionJoin}`;
}

/** One record of the firm in scope by its external id (another firm's ids find nothing: RLS and firm_id). */
export async function findByExternalId(tx: ScopedTx, kind: SyncKind, externalId: string) {
  const { rows } = await tx.client.query(`${selectOf(kind)} where t.firm_id = $1 and t.external_id = $2`, [
    tx.scope.firmId,
    externalId,
  ]);
  return rows[0] as Record<string, unknown> | undefined;
}

/** Records changed after a position (updated_at, id), oldest change first; `limit` + 1 to know if more follow. */
export async function listChangedAfter(
  tx: ScopedTx,
  kind: SyncKind,
  after: { at: string; id: string } | { since: string } | null,
  limit: number,
) {
  const params: unknown[] = [tx.scope.firmId, limit + 1];
  let where = "t.firm_id = $1";
  if (after && "id" in after) {
    params.push(after.at, after.id);
    where += " and (t.updated_at, t.id) > ($3::timestamptz, $4::uuid)";
  } else if (after) {
    params.push(after.since);
    where += " and t.updated_at >= $3::timestamptz";
  }
  const { rows } = await tx.client.query(
    `${selectOf(kind)} where ${where} order by t.updated_at, t.id limit $2`,
    params,
  );
  return rows as Array<Record<string, unknown>>;
}

/** Ids of the firm's records of a table by external id. */
export async function idsByExternalId(tx: ScopedTx, table: string, externalIds: readonly string[]) {
  const { rows } = await tx.client.query<{ id: string; external_id: string }>(
    `select id, external_id from ${table} where firm_id = $1 and external_id = any($2::text[])`,
    [tx.scope.firmId, externalIds],
  );
  return new Map(rows.map((r) => [r.external_id, r.id]));
}
