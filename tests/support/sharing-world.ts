import { and, eq, type SQL, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";
import { loadFileAccess } from "../../server/modules/access/portal-access.js";
import {
  type ContractFacts,
  contractVisibleUnder,
  decide,
  effectiveStatus,
  type RecordFacts,
  type RelatedRecords,
} from "../../server/modules/access/sharing-rules.js";
import { shownBySomeGrant, tableOfKind } from "../../server/modules/access/visibility.sql.js";
import { persons } from "../../server/modules/clients/clients.tables.js";
import { documents, documentVersions } from "../../server/modules/documents/documents.tables.js";
import { grantContracts, grantees, grantFiles, grants } from "../../server/modules/grants/grants.tables.js";
import {
  assets,
  claims,
  contracts,
  donations,
  referenceAddressContracts,
  referenceAddresses,
} from "../../server/modules/records/records.tables.js";
import type { ScopedTx } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { preparing, runStart, type SharingBase } from "./sharing-base.js";
import type {
  Action,
  ContractShape,
  GranteeStatus,
  NewRecord,
  RecordKind,
  Rules,
  StoredGranteeStatus,
} from "./sharing-model.js";
import { currentVersionOf, portalListIds } from "./sharing-portal-lists.js";

// SEC-12: the system side of the model test. A run writes through the app role (row-level security
// on) inside one transaction that is rolled back at the end, so runs never see each other and nothing
// is ever committed; the base (firm, files, accounts) is created once and shared by every run.

/** What one read found, in labels: by loadFileAccess + the SQL lists, and by decide() on the loaded grants. */
export interface ReadResult {
  grants: Set<string>;
  sql: Set<string>;
  /** What the portal's contract and document lists answer (they keep rows by the engine in memory). */
  portalLists: Set<string>;
  /** The file's contracts and documents: the records those two lists are about. */
  portalListed: Set<string>;
  decided: Set<string>;
  /** Where the rule functions contradict each other or themselves (must stay empty). */
  ruleDisagreements: string[];
}

const dateOf = { offerDate: "2025-02-01", applicationDate: "2025-03-01", documentDate: "2025-04-01" };
const kinds: RecordKind[] = ["asset", "donation", "person", "contract", "claim", "address", "document"];

/** One run's database side: applies actions as rows, reads as an account through the engine. */
export class SharingWorld {
  private readonly ids: Map<string, string>;
  private readonly labelOf = new Map<string, string>();
  private readonly facts = new Map<string, RecordFacts>();
  private readonly contractsById = new Map<string, ContractFacts>();
  private readonly stored = new Map<string, { status: StoredGranteeStatus; expiresAt: Date | null }>();
  private minutes = 0;
  private readonly db: NodePgDatabase;
  private readonly tx: ScopedTx;

  private constructor(
    private readonly base: SharingBase,
    private readonly client: pg.PoolClient,
  ) {
    this.ids = new Map(base.ids);
    for (const [label, id] of base.ids) this.labelOf.set(id, label);
    const prepared = preparing(client);
    this.db = drizzle({ client: prepared });
    this.tx = { db: this.db, client: prepared, scope: { firmId: base.firmId } };
  }

  /** Opens a run: one transaction on the app pool, scoped to the base's firm. */
  static async begin(base: SharingBase): Promise<SharingWorld> {
    const client = await base.deps.database.app.connect();
    try {
      await client.query("begin");
      await client.query("select set_config('app.firm_id', $1, true), set_config('app.user_id', '', true)", [
        base.firmId,
      ]);
    } catch (error) {
      client.release(true);
      throw error;
    }
    return new SharingWorld(base, client);
  }

  /** Ends the run, undoing everything it wrote. */
  async rollback(): Promise<void> {
    let broken = false;
    await this.client.query("rollback").catch(() => {
      broken = true;
    });
    this.client.release(broken);
  }

  now(): Date {
    return new Date(runStart.getTime() + this.minutes * 60_000);
  }

  private id(label: string): string {
    const id = this.ids.get(label);
    if (!id) throw new Error(`world: nothing called ${label}`);
    return id;
  }

  private fresh(label: string): string {
    const id = newId();
    this.ids.set(label, id);
    this.labelOf.set(id, label);
    return id;
  }

  private at(minutes: number | null): Date | null {
    return minutes === null ? null : new Date(runStart.getTime() + minutes * 60_000);
  }

  private ruleColumns(r: Partial<Rules>) {
    return {
      shareAssets: r.shareAssets,
      shareDonations: r.shareDonations,
      sharePersons: r.sharePersons,
      shareClaims: r.shareClaims,
      shareAddresses: r.shareAddresses,
      contractMode: r.contractMode,
      contractCategories: r.categories,
      lineOfBusinessIds: r.lines?.map((l) => this.id(l)),
      documentCategoryIds: r.documentCategories?.map((c) => this.id(`category:${c}`)),
    };
  }

  private contractColumns(s: Partial<ContractShape>) {
    const date = (key: keyof typeof dateOf) =>
      s[key] === undefined ? undefined : s[key] ? dateOf[key] : null;
    return {
      status: s.status,
      offerDate: date("offerDate"),
      applicationDate: date("applicationDate"),
      documentDate: date("documentDate"),
      lineOfBusinessId: s.line === undefined ? undefined : s.line === null ? null : this.id(s.line),
    };
  }

  /** Inserts rows of this run's firm (a row already there is left alone). */
  private async put<T extends PgTable>(table: T, rows: Omit<T["$inferInsert"], "firmId">[]): Promise<void> {
    const firmId = this.base.firmId;
    if (rows.length)
      await this.db
        .insert(table)
        // The cast only re-adds firmId, which Omit took out of the generic type.
        .values(rows.map((r) => ({ ...r, firmId })) as T["$inferInsert"][])
        .onConflictDoNothing();
  }

  /** Changes one row of this run's firm, by id. */
  private async change(
    table: typeof grants | typeof contracts | typeof documents | typeof grantees,
    id: string,
    values: Record<string, unknown>,
  ) {
    await this.db
      .update(table)
      .set(values)
      .where(and(eq(table.firmId, this.base.firmId), eq(table.id, id)));
  }

  /** Writes one action to the database (and keeps the facts decide() needs). */
  async apply(action: Action): Promise<void> {
    switch (action.op) {
      case "createGrant": {
        const grantId = this.fresh(action.grant);
        await this.put(grants, [{ id: grantId, name: action.grant, ...this.ruleColumns(action.rules) }]);
        await this.put(
          grantFiles,
          action.files.map((f) => ({ grantId, clientFileId: this.id(f) })),
        );
        await this.put(
          grantContracts,
          action.manual.map((c) => ({ grantId, contractId: this.id(c) })),
        );
        return;
      }
      case "addFile":
        await this.put(grantFiles, [{ grantId: this.id(action.grant), clientFileId: this.id(action.file) }]);
        return;
      case "removeFile":
        await this.db.execute(
          sql`delete from grant_files where grant_id = ${this.id(action.grant)} and client_file_id = ${this.id(action.file)}`,
        );
        return;
      case "changeRules":
        await this.change(grants, this.id(action.grant), this.ruleColumns(action.rules));
        return;
      case "setManual": {
        const row = { grantId: this.id(action.grant), contractId: this.id(action.contract) };
        if (action.listed) await this.put(grantContracts, [row]);
        else
          await this.db.execute(
            sql`delete from grant_contracts where grant_id = ${row.grantId} and contract_id = ${row.contractId}`,
          );
        return;
      }
      case "addRecord":
        await this.addRecord(action.record);
        return;
      case "linkAddress": {
        const row = { addressId: this.id(action.address), contractId: this.id(action.contract) };
        await this.put(referenceAddressContracts, [row]);
        const facts = this.facts.get(action.address);
        if (facts?.kind === "address" && !facts.contractIds.includes(row.contractId))
          this.facts.set(action.address, { ...facts, contractIds: [...facts.contractIds, row.contractId] });
        return;
      }
      case "shareDocument": {
        await this.change(documents, this.id(action.document), { sharedToPortal: action.shared });
        const facts = this.facts.get(action.document);
        if (facts?.kind === "document")
          this.facts.set(action.document, { ...facts, sharedToPortal: action.shared });
        return;
      }
      case "changeContract": {
        const id = this.id(action.contract);
        const columns = this.contractColumns(action.change);
        await this.change(contracts, id, columns);
        const before = this.contractsById.get(id);
        if (!before) throw new Error(`world: no contract ${action.contract}`);
        // The columns carry the facts' own names; only the changed ones are defined.
        const changed = Object.entries(columns).filter(([, value]) => value !== undefined);
        const after: ContractFacts = { ...before, ...Object.fromEntries(changed) };
        this.contractsById.set(id, after);
        this.facts.set(action.contract, { kind: "contract", contract: after });
        return;
      }
      case "addGrantee": {
        const row = { status: action.status, expiresAt: this.at(action.expiresAt) };
        await this.put(grantees, [
          {
            id: this.fresh(action.grantee),
            grantId: this.id(action.grant),
            personId: action.person === null ? null : this.id(action.person),
            email: `${action.grantee}@sec12.example`,
            name: action.grantee,
            accountId: this.id(action.account),
            ...row,
          },
        ]);
        this.stored.set(action.grantee, row);
        return;
      }
      case "setGranteeStatus":
      case "setExpiry": {
        const row = this.stored.get(action.grantee);
        if (!row) throw new Error(`world: no grantee ${action.grantee}`);
        if (action.op === "setGranteeStatus") row.status = action.status;
        else row.expiresAt = this.at(action.expiresAt);
        await this.change(grantees, this.id(action.grantee), { ...row });
        return;
      }
      case "advanceClock":
        this.minutes += action.minutes;
        return;
      case "read":
        return;
    }
  }

  private async addRecord(r: NewRecord): Promise<void> {
    const clientFileId = this.id(r.file);
    const id = this.fresh(r.label);
    const row = { id, clientFileId };
    switch (r.kind) {
      case "asset":
        await this.put(assets, [{ ...row, kind: "other", description: r.label, value: "1" }]);
        break;
      case "donation":
        await this.put(donations, [
          { ...row, donationDate: "2025-05-01", amount: "1", kind: "cash", donorName: r.label },
        ]);
        break;
      case "person":
        await this.put(persons, [{ ...row, role: "relative", firstName: r.label, lastName: "Model" }]);
        break;
      case "contract": {
        const columns = this.contractColumns(r.shape);
        await this.put(contracts, [{ ...row, insurer: "Allianz", ...columns, status: r.shape.status }]);
        const facts: ContractFacts = {
          id,
          clientFileId,
          status: r.shape.status,
          offerDate: columns.offerDate ?? null,
          applicationDate: columns.applicationDate ?? null,
          documentDate: columns.documentDate ?? null,
          lineOfBusinessId: columns.lineOfBusinessId ?? null,
        };
        this.contractsById.set(id, facts);
        this.facts.set(r.label, { kind: "contract", contract: facts });
        return;
      }
      case "claim": {
        const contractId = r.contract === null ? null : this.id(r.contract);
        await this.put(claims, [{ ...row, contractId, claimDate: "2026-01-10", description: r.label }]);
        this.facts.set(r.label, { kind: "claim", ...row, contractId });
        return;
      }
      case "address": {
        const contractIds = r.contracts.map((c) => this.id(c));
        await this.put(referenceAddresses, [
          { ...row, label: r.label, street: "Weg 1", postalCode: "10115", city: "Berlin" },
        ]);
        await this.put(
          referenceAddressContracts,
          contractIds.map((contractId) => ({ addressId: id, contractId })),
        );
        this.facts.set(r.label, { kind: "address", ...row, contractIds });
        return;
      }
      case "document": {
        const links = {
          categoryId: this.id(`category:${r.category}`),
          contractId: r.contract === null ? null : this.id(r.contract),
          claimId: r.claim === null ? null : this.id(r.claim),
        };
        await this.put(documents, [{ ...row, ...links, title: r.label, sharedToPortal: r.shared }]);
        await this.put(documentVersions, [currentVersionOf(id)]);
        this.facts.set(r.label, { kind: "document", ...row, ...links, sharedToPortal: r.shared });
        return;
      }
    }
    this.facts.set(r.label, { kind: r.kind, ...row });
  }

  /** Every grantee's status now, as effectiveStatus() derives it from the stored row. */
  statuses(): Map<string, GranteeStatus> {
    const now = this.now();
    return new Map([...this.stored].map(([label, row]) => [label, effectiveStatus(row, now)]));
  }

  /**
   * Reads `file` as `account` the way the portal does: loadFileAccess(), then one list query per
   * record kind filtered by shownBySomeGrant() (sent as one UNION ALL statement to save round trips);
   * and, for every record of the file, whether some loaded grant's decide() shows it.
   */
  async read(account: string, file: string): Promise<ReadResult> {
    const fileId = this.id(file);
    const access = await loadFileAccess(
      this.tx,
      { kind: "account", accountId: this.id(account) },
      fileId,
      this.now(),
    );
    const lists: SQL[] = kinds.map((kind) => {
      const table = sql.raw(tableOfKind[kind]);
      return sql`(select ${kind}::text as kind, id from ${table} where ${table}.client_file_id = ${fileId} and ${shownBySomeGrant(kind, access.grantIds)})`;
    });
    // With no grant, shownBySomeGrant() is the constant `false` (an example test pins that): skip the trip.
    const rows = access.grantIds.length
      ? (await this.db.execute<{ kind: string; id: string }>(sql.join(lists, sql` union all `))).rows
      : [];
    const label = (id: string) => this.labelOf.get(id) ?? `unknown:${id}`;
    const viewer = { kind: "account" as const, accountId: this.id(account) };
    const portalLists = (await portalListIds(this.tx, viewer, fileId, this.now())).map(label);
    const portalListed = new Set<string>();
    const related: RelatedRecords = {
      contract: (id) => this.contractsById.get(id),
      claim: (id) => {
        const facts = this.facts.get(label(id));
        return facts?.kind === "claim" ? { id: facts.id, contractId: facts.contractId } : undefined;
      },
    };
    const decided = new Set<string>();
    const ruleDisagreements: string[] = [];
    for (const [recordLabel, facts] of this.facts) {
      const onFile = facts.kind === "contract" ? facts.contract.clientFileId : facts.clientFileId;
      if (onFile !== fileId) continue;
      if (facts.kind === "contract" || facts.kind === "document") portalListed.add(recordLabel);
      for (const g of access.grants) {
        const { visible, steps } = decide(g.rules, facts, related);
        if (visible) decided.add(recordLabel);
        const where = `${recordLabel} under ${label(g.rules.id)}`;
        if (facts.kind === "contract" && contractVisibleUnder(g.rules, facts.contract) !== visible)
          ruleDisagreements.push(`contractVisibleUnder() and decide() disagree on ${where}`);
        // Explain shows these steps: all passed when visible, else ending at the one failed step (the reason).
        const failed = steps.filter((s) => !s.passed);
        if (visible ? failed.length > 0 : failed.length !== 1 || steps.at(-1)?.passed !== false)
          ruleDisagreements.push(`decide()'s steps do not explain its answer on ${where}`);
      }
    }
    return {
      grants: new Set(access.grantIds.map(label)),
      sql: new Set(rows.map((r) => label(r.id))),
      portalLists: new Set(portalLists),
      portalListed,
      decided,
      ruleDisagreements,
    };
  }
}
