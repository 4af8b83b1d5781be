import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { RecordKind, RecordRef } from "../../../contracts/grants.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { contractFactsOf, type RecordFacts, type RelatedRecords } from "../access/sharing-rules.js";
import { persons } from "../clients/clients.tables.js";
import { documents } from "../documents/documents.tables.js";
import {
  assets,
  claims,
  contracts,
  donations,
  referenceAddressContracts,
  referenceAddresses,
} from "../records/records.tables.js";
import { firmOf } from "./grants.queries.js";

// Records loaded as the sharing rules see them (sharing-rules.ts RecordFacts), with a label for people.
// Explain loads one record and what it is tied to; impact loads every record of some files at once,
// one query per kind (never one per record).

/** A record as the rules see it, with how to name it. */
export interface LoadedRecord {
  facts: RecordFacts;
  ref: RecordRef;
}

type Filter = { ids: readonly string[] } | { fileIds: readonly string[] };

/** The columns every record table has. */
interface RecordColumns {
  firmId: AnyPgColumn;
  id: AnyPgColumn;
  clientFileId: AnyPgColumn;
}

function where(tx: ScopedTx, table: RecordColumns, filter: Filter): SQL | undefined {
  return and(
    eq(table.firmId, firmOf(tx)),
    "ids" in filter ? inArray(table.id, [...filter.ids]) : inArray(table.clientFileId, [...filter.fileIds]),
  );
}

function isEmpty(filter: Filter): boolean {
  return "ids" in filter ? filter.ids.length === 0 : filter.fileIds.length === 0;
}

const contractColumns = {
  id: contracts.id,
  clientFileId: contracts.clientFileId,
  status: contracts.status,
  offerDate: contracts.offerDate,
  applicationDate: contracts.applicationDate,
  documentDate: contracts.documentDate,
  lineOfBusinessId: contracts.lineOfBusinessId,
  insurer: contracts.insurer,
  number: contracts.number,
};

const ref = (kind: RecordKind, id: string, clientFileId: string, label: string): RecordRef => ({
  kind,
  id,
  clientFileId,
  label,
});

/** Loads records of one kind, by ids or by files. */
export async function loadRecords(tx: ScopedTx, kind: RecordKind, filter: Filter): Promise<LoadedRecord[]> {
  if (isEmpty(filter)) return [];
  const w = (table: RecordColumns) => where(tx, table, filter);
  switch (kind) {
    case "contract": {
      const rows = await tx.db.select(contractColumns).from(contracts).where(w(contracts));
      return rows.map((r) => ({
        facts: { kind, contract: contractFactsOf(r) },
        ref: ref(kind, r.id, r.clientFileId, [r.insurer, r.number].filter(Boolean).join(" ")),
      }));
    }
    case "claim": {
      const rows = await tx.db.select().from(claims).where(w(claims));
      return rows.map((r) => ({
        facts: { kind, id: r.id, clientFileId: r.clientFileId, contractId: r.contractId },
        ref: ref(kind, r.id, r.clientFileId, `${r.claimDate} · ${r.description}`),
      }));
    }
    case "address": {
      const rows = await tx.db.select().from(referenceAddresses).where(w(referenceAddresses));
      const links = rows.length
        ? await tx.db
            .select({
              addressId: referenceAddressContracts.addressId,
              contractId: referenceAddressContracts.contractId,
            })
            .from(referenceAddressContracts)
            .where(
              and(
                eq(referenceAddressContracts.firmId, firmOf(tx)),
                inArray(
                  referenceAddressContracts.addressId,
                  rows.map((r) => r.id),
                ),
              ),
            )
        : [];
      return rows.map((r) => ({
        facts: {
          kind,
          id: r.id,
          clientFileId: r.clientFileId,
          contractIds: links.filter((l) => l.addressId === r.id).map((l) => l.contractId),
        },
        ref: ref(kind, r.id, r.clientFileId, `${r.label}: ${r.street}, ${r.postalCode} ${r.city}`),
      }));
    }
    case "document": {
      const rows = await tx.db.select().from(documents).where(w(documents));
      return rows.map((r) => ({
        facts: {
          kind,
          id: r.id,
          clientFileId: r.clientFileId,
          sharedToPortal: r.sharedToPortal,
          categoryId: r.categoryId,
          contractId: r.contractId,
          claimId: r.claimId,
        },
        ref: ref(kind, r.id, r.clientFileId, r.title),
      }));
    }
    case "asset": {
      const rows = await tx.db.select().from(assets).where(w(assets));
      return rows.map((r) => ({
        facts: { kind, id: r.id, clientFileId: r.clientFileId },
        ref: ref(kind, r.id, r.clientFileId, r.description),
      }));
    }
    case "donation": {
      const rows = await tx.db.select().from(donations).where(w(donations));
      return rows.map((r) => ({
        facts: { kind, id: r.id, clientFileId: r.clientFileId },
        ref: ref(kind, r.id, r.clientFileId, `${r.donationDate} · ${r.amount} ${r.currency}`),
      }));
    }
    case "person": {
      const rows = await tx.db.select().from(persons).where(w(persons));
      return rows.map((r) => ({
        facts: { kind, id: r.id, clientFileId: r.clientFileId },
        ref: ref(kind, r.id, r.clientFileId, `${r.firstName} ${r.lastName}`),
      }));
    }
  }
}

/** The contracts and claims records are tied to, as the rules look them up. */
export async function loadRelated(tx: ScopedTx, records: readonly RecordFacts[]): Promise<RelatedRecords> {
  const claimIds = new Set<string>();
  const contractIds = new Set<string>();
  for (const r of records) {
    if (r.kind === "claim" && r.contractId) contractIds.add(r.contractId);
    if (r.kind === "address") for (const c of r.contractIds) contractIds.add(c);
    if (r.kind === "document") {
      if (r.contractId) contractIds.add(r.contractId);
      if (r.claimId) claimIds.add(r.claimId);
    }
  }
  const claimRows = claimIds.size
    ? await tx.db
        .select({ id: claims.id, contractId: claims.contractId })
        .from(claims)
        .where(and(eq(claims.firmId, firmOf(tx)), inArray(claims.id, [...claimIds])))
    : [];
  for (const c of claimRows) if (c.contractId) contractIds.add(c.contractId);
  const contractRows = contractIds.size
    ? await tx.db
        .select(contractColumns)
        .from(contracts)
        .where(and(eq(contracts.firmId, firmOf(tx)), inArray(contracts.id, [...contractIds])))
    : [];
  const contractMap = new Map(contractRows.map((r) => [r.id, contractFactsOf(r)]));
  const claimMap = new Map(claimRows.map((r) => [r.id, r]));
  return { contract: (id) => contractMap.get(id), claim: (id) => claimMap.get(id) };
}

/** Every record of every kind on `fileIds` (for impact), one query per kind. */
export async function loadFileRecords(tx: ScopedTx, fileIds: readonly string[]): Promise<LoadedRecord[]> {
  const kinds: RecordKind[] = ["person", "asset", "contract", "claim", "address", "donation", "document"];
  const out: LoadedRecord[] = [];
  for (const kind of kinds) out.push(...(await loadRecords(tx, kind, { fileIds })));
  return out;
}
