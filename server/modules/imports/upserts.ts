import type { ImportKind } from "../../../contracts/imports.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { fieldsByKind } from "./fields.js";
import type { RowProblem, ValidRow } from "./validate.js";

/** A table column written by an import, with its SQL type and the default for a new row. */
export interface ColumnSpec {
  name: string;
  type: string;
  /** The import field that fills it; columns without one are computed (ids, references). */
  field?: string;
  /** Empty cells keep the stored value (NOT NULL columns) instead of clearing it. */
  keepIfEmpty?: boolean;
  insertDefault?: unknown;
}

/** A table an upsert writes, keyed by (firm_id, external_id), and its written columns. */
export interface TableSpec {
  table: string;
  columns: ColumnSpec[];
}

const specs: Record<ImportKind, TableSpec> = {
  client_files: {
    table: "client_files",
    columns: [
      { name: "kind", type: "text", field: "kind", keepIfEmpty: true, insertDefault: "private" },
      { name: "display_name", type: "text", keepIfEmpty: true },
      { name: "number", type: "text", field: "number", keepIfEmpty: true },
      { name: "case_owner_id", type: "text", keepIfEmpty: true },
      { name: "notes", type: "text", field: "notes" },
    ],
  },
  persons: {
    table: "persons",
    columns: [
      { name: "client_file_id", type: "uuid" },
      { name: "role", type: "text", field: "role", keepIfEmpty: true },
      { name: "relation_to_holder", type: "text", field: "relationToHolder" },
      {
        name: "is_commercial_contact",
        type: "boolean",
        field: "isCommercialContact",
        keepIfEmpty: true,
        insertDefault: false,
      },
      {
        name: "is_operational_contact",
        type: "boolean",
        field: "isOperationalContact",
        keepIfEmpty: true,
        insertDefault: false,
      },
      { name: "is_employee", type: "boolean", field: "isEmployee", keepIfEmpty: true, insertDefault: false },
      { name: "advisor_kind", type: "text", field: "advisorKind" },
      { name: "organisation", type: "text", field: "organisation" },
      { name: "first_name", type: "text", field: "firstName", keepIfEmpty: true, insertDefault: "" },
      { name: "last_name", type: "text", field: "lastName", keepIfEmpty: true },
      { name: "email", type: "text", field: "email" },
      { name: "phone_e164", type: "text", field: "phone" },
      { name: "phone_country", type: "text", field: "phoneCountry" },
      { name: "salutation", type: "text", field: "salutation", keepIfEmpty: true, insertDefault: "formal" },
      { name: "language", type: "text", field: "language", keepIfEmpty: true, insertDefault: "de" },
      { name: "birth_date", type: "date", field: "birthDate" },
    ],
  },
  contracts: {
    table: "contracts",
    columns: [
      { name: "client_file_id", type: "uuid" },
      { name: "number", type: "text", field: "number" },
      { name: "insurer", type: "text", field: "insurer", keepIfEmpty: true },
      { name: "product_name", type: "text", field: "productName" },
      { name: "risk", type: "text", field: "risk" },
      { name: "line_of_business_id", type: "uuid" },
      { name: "status", type: "text", field: "status", keepIfEmpty: true },
      { name: "offer_date", type: "date", field: "offerDate" },
      { name: "application_date", type: "date", field: "applicationDate" },
      { name: "document_date", type: "date", field: "documentDate" },
      { name: "start_date", type: "date", field: "startDate" },
      { name: "end_date", type: "date", field: "endDate" },
      { name: "premium", type: "numeric", field: "premium" },
      { name: "premium_frequency", type: "text", field: "premiumFrequency" },
      { name: "currency", type: "text", field: "currency", keepIfEmpty: true, insertDefault: "EUR" },
    ],
  },
};

/** What the rows of one batch refer to, looked up in sets (one query per kind of reference). */
export interface References {
  /** Client file external id → id. */
  files: Map<string, string>;
  /** Line of business code → id. */
  lines: Map<string, string>;
  /** Staff email → user id (active staff of the firm). */
  staff: Map<string, string>;
  /** Stored rows of this kind by external id (for updates: ids and values that empty cells keep). */
  existing: Map<string, Record<string, unknown>>;
  /** client_files: file number → external id of the file that holds it. */
  numbers: Map<string, string | null>;
}

const strings = (rows: ValidRow[], field: string) => [
  ...new Set(rows.map((r) => r.values[field]).filter((v): v is string => typeof v === "string")),
];

/** Loads everything the rows refer to, in one query per reference kind; existing rows are locked. */
export async function loadReferences(tx: ScopedTx, kind: ImportKind, rows: ValidRow[], lock: boolean) {
  const firmId = tx.scope.firmId as string;
  const refs: References = {
    files: new Map(),
    lines: new Map(),
    staff: new Map(),
    existing: new Map(),
    numbers: new Map(),
  };
  const spec = specs[kind];
  // Dates and amounts come back as text so they travel back into the upsert unchanged (no time zones).
  const columns = [
    "id",
    ...spec.columns.map((c) =>
      c.type === "date" || c.type === "numeric" ? `${c.name}::text as ${c.name}` : c.name,
    ),
  ].join(", ");
  const ext = strings(rows, "externalId");
  const { rows: existing } = await tx.client.query(
    `select external_id, ${columns} from ${spec.table} where firm_id = $1 and external_id = any($2::text[])${lock ? " for update" : ""}`,
    [firmId, ext],
  );
  for (const row of existing) refs.existing.set(row.external_id, row);

  if (kind === "client_files") {
    const emails = strings(rows, "caseOwnerEmail");
    if (emails.length > 0) {
      const { rows: staff } = await tx.client.query(
        `select lower(u.email) as email, u.id from users u
           join staff_members s on s.user_id = u.id and s.firm_id = $1 and s.active
          where lower(u.email) = any($2::text[])`,
        [firmId, emails],
      );
      for (const s of staff) refs.staff.set(s.email, s.id);
    }
    const numbers = [...new Set([...strings(rows, "number"), ...ext])];
    const { rows: taken } = await tx.client.query(
      "select number, external_id from client_files where firm_id = $1 and number = any($2::text[])",
      [firmId, numbers],
    );
    for (const t of taken) refs.numbers.set(t.number, t.external_id);
  } else {
    const fileExt = strings(rows, "clientFileExternalId");
    const { rows: files } = await tx.client.query(
      "select external_id, id from client_files where firm_id = $1 and external_id = any($2::text[])",
      [firmId, fileExt],
    );
    for (const f of files) refs.files.set(f.external_id, f.id);
  }
  if (kind === "contracts") {
    const { rows: lines } = await tx.client.query(
      "select upper(code) as code, id from lines_of_business where firm_id = $1",
      [firmId],
    );
    for (const l of lines) refs.lines.set(l.code, l.id);
  }
  return refs;
}

/** The header of a field's column in this file, for error reports. */
export type ColumnNamer = (field: string) => string;

/**
 * Checks what the rows refer to (client files, lines of business, staff, file numbers) and builds the
 * full record to store for each row that passes; empty cells of NOT NULL columns keep the stored value.
 */
export function prepareRecords(
  kind: ImportKind,
  rows: ValidRow[],
  refs: References,
  ctx: { defaultOwnerId: string; columnOf: ColumnNamer; presentFields: ReadonlySet<string> },
): { records: Array<{ row: number; record: Record<string, unknown> }>; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const records: Array<{ row: number; record: Record<string, unknown> }> = [];
  const spec = specs[kind];
  for (const { row, values } of rows) {
    const rowProblems: RowProblem[] = [];
    const problem = (field: string, key: string, params?: Record<string, string | number>) =>
      rowProblems.push({ row, column: ctx.columnOf(field), key, params });
    const externalId = values.externalId as string;
    const existing = refs.existing.get(externalId);
    const computed: Record<string, unknown> = {};

    if (kind === "client_files") {
      const email = values.caseOwnerEmail;
      if (typeof email === "string") {
        const owner = refs.staff.get(email);
        if (owner) computed.case_owner_id = owner;
        else problem("caseOwnerEmail", "imports.reason.unknown_staff", { value: email });
      } else if (!existing) computed.case_owner_id = ctx.defaultOwnerId;
      const display =
        (values.displayName as string | null | undefined) ??
        (values.holderLastName
          ? [values.holderLastName, values.holderFirstName].filter(Boolean).join(", ")
          : null);
      if (display) computed.display_name = display;
      const number = (values.number as string | null | undefined) ?? (existing ? null : externalId);
      if (number) {
        computed.number = number;
        const holder = refs.numbers.get(number);
        if (holder !== undefined && holder !== externalId) {
          problem(values.number ? "number" : "externalId", "imports.reason.number_taken", { value: number });
        }
      }
    } else {
      const fileExt = values.clientFileExternalId as string;
      const fileId = refs.files.get(fileExt);
      if (fileId) computed.client_file_id = fileId;
      else problem("clientFileExternalId", "imports.reason.unknown_client_file", { value: fileExt });
    }
    if (kind === "contracts" && ctx.presentFields.has("lineOfBusiness")) {
      const code = values.lineOfBusiness;
      if (typeof code === "string") {
        const lineId = refs.lines.get(code);
        if (lineId) computed.line_of_business_id = lineId;
        else problem("lineOfBusiness", "imports.reason.unknown_line", { value: code });
      } else computed.line_of_business_id = null;
    }
    if (kind === "persons" && ctx.presentFields.has("role") && values.role !== "external_advisor") {
      computed.advisor_kind = null;
    }
    if (
      kind === "persons" &&
      values.role === "external_advisor" &&
      !values.advisorKind &&
      !existing?.advisor_kind
    ) {
      computed.advisor_kind = "other";
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }

    const record: Record<string, unknown> = { id: existing?.id ?? newId(), external_id: externalId };
    for (const column of spec.columns) {
      let value: unknown;
      if (column.name in computed) value = computed[column.name];
      else if (column.field && column.field in values) value = values[column.field];
      else value = undefined;
      if (value === undefined || (value === null && column.keepIfEmpty)) {
        value = existing ? existing[column.name] : (column.insertDefault ?? null);
      }
      record[column.name] = value;
    }
    const missing = existing ? null : missingOnInsert(kind, record);
    if (missing) {
      problems.push({ row, column: missing, key: "imports.reason.required" });
      continue;
    }
    records.push({ row, record });
  }
  return { records, problems };
}

/** The first NOT NULL column a new record would leave empty, or null (checked before writing). */
function missingOnInsert(kind: ImportKind, record: Record<string, unknown>): string | null {
  const required: Record<ImportKind, string[]> = {
    client_files: ["display_name", "number", "case_owner_id"],
    persons: ["role", "last_name"],
    contracts: ["insurer", "status"],
  };
  return required[kind].find((c) => record[c] === null || record[c] === undefined) ?? null;
}

/**
 * Writes records with one set-based statement: insert, or update only where something changed, so
 * a second import of the same data writes nothing (no updated_at bump). Returns the ids written.
 */
export async function upsertRecords(
  tx: ScopedTx,
  kind: ImportKind,
  records: Array<Record<string, unknown>>,
  now: Date,
): Promise<{ inserted: string[]; updated: string[] }> {
  return upsertIntoTable(tx, specs[kind], records, now);
}

/** upsertRecords for any table with an external id (the sync API's claims use it too). */
export async function upsertIntoTable(
  tx: ScopedTx,
  spec: TableSpec,
  records: Array<Record<string, unknown>>,
  now: Date,
): Promise<{ inserted: string[]; updated: string[] }> {
  if (records.length === 0) return { inserted: [], updated: [] };
  const names = spec.columns.map((c) => c.name);
  const recordset = ["id uuid", "external_id text", ...spec.columns.map((c) => `${c.name} ${c.type}`)].join(
    ", ",
  );
  const { rows } = await tx.client.query<{ id: string; inserted: boolean }>(
    `insert into ${spec.table} as t (firm_id, id, external_id, ${names.join(", ")}, created_at, updated_at)
     select $1::uuid, r.id, r.external_id, ${names.map((n) => `r.${n}`).join(", ")}, $2, $2
       from jsonb_to_recordset($3::jsonb) as r(${recordset})
     on conflict (firm_id, external_id) do update
        set ${names.map((n) => `${n} = excluded.${n}`).join(", ")}, updated_at = excluded.updated_at
      where (${names.map((n) => `t.${n}`).join(", ")}) is distinct from (${names.map((n) => `excluded.${n}`).join(", ")})
     returning t.id, (t.xmax = 0) as inserted`,
    [tx.scope.firmId, now, JSON.stringify(records)],
  );
  return {
    inserted: rows.filter((r) => r.inserted).map((r) => r.id),
    updated: rows.filter((r) => !r.inserted).map((r) => r.id),
  };
}

/** The fields a kind knows, for tests and the UI's column help. */
export function importFieldKeys(kind: ImportKind): string[] {
  return fieldsByKind[kind].map((f) => f.key);
}
