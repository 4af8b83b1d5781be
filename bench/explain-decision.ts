import os from "node:os";
import type { Language } from "../contracts/common.js";
import type { ContractStatus } from "../contracts/records.js";
import type { AppDeps } from "../server/deps.js";
import {
  decide,
  effectiveStatus,
  type GrantRules,
  type RecordFacts,
  type RelatedRecords,
  type RuleStep,
} from "../server/modules/access/sharing-rules.js";
import type { StaffWork } from "../server/modules/access/staff-scope.js";
import { explainVisibility } from "../server/modules/grants/explain.service.js";
import { loadRulesOfGrants } from "../server/modules/grants/grant-rules.js";
import { loadRecords, loadRelated } from "../server/modules/grants/record-facts.queries.js";
import { inFirm } from "../server/platform/db/scope.js";
import { createFirm, createStaff } from "../tests/support/factories.js";
import {
  createPortalAccount,
  insertGrant,
  insertGrantee,
  insertPolicy,
} from "../tests/support/factories-grants.js";
import { createClientFile, lineOfBusinessId } from "../tests/support/factories-records.js";
import { median } from "./perf-6-footprint.js";
import { openBenchDatabase } from "./portal-data.js";
import { openBenchServices } from "./portal-load.js";
import type { Benchmark, BenchmarkContext, BenchmarkResult } from "./registry.js";

const FILES = 20;
const GRANTS = 10;
const CONTRACTS_PER_FILE = 10;
const WARMUP = 20_000;
const ROUNDS = 500;
const FULL_RUNS = 300;
const P50_BAR_MS = 1;

/** Statuses and dates per contract index: most seed-004 categories occur on every file. */
const contractShapes: Array<{ status: ContractStatus; documentDate: string | null; line: number | null }> = [
  { status: "own", documentDate: "2024-01-01", line: 0 },
  { status: "own", documentDate: "2024-02-01", line: 1 },
  { status: "own", documentDate: null, line: 2 },
  { status: "offer", documentDate: null, line: 0 },
  { status: "foreign", documentDate: null, line: 1 },
  { status: "partly_foreign", documentDate: null, line: 2 },
  { status: "cancelled", documentDate: null, line: 0 },
  { status: "request", documentDate: null, line: null },
  { status: "own", documentDate: "2024-03-01", line: null },
  { status: "dormant", documentDate: null, line: 1 },
];

/** One of the account's grants as explain sees it: the grantee's state and the grant's rules. */
interface AccountGrant {
  granteeId: string;
  grantee: { status: "pending" | "active" | "locked" | "revoked"; expiresAt: Date | null };
  rules: GrantRules;
}

/** The answer to "can the account see this record, and why": per grant, its status and the rules' steps. */
function canSee(grants: readonly AccountGrant[], record: RecordFacts, related: RelatedRecords, now: Date) {
  let visible = false;
  const because: Array<{ grantId: string; status: string; visible: boolean; steps: RuleStep[] }> = [];
  for (const g of grants) {
    const status = effectiveStatus(g.grantee, now);
    const decision = decide(g.rules, record, related);
    const shown = status === "active" && decision.visible;
    visible ||= shown;
    because.push({ grantId: g.rules.id, status, visible: shown, steps: decision.steps });
  }
  return { visible, because };
}

/**
 * An account with GRANTS grants over FILES files (grant k bundles files 2k, 2k+1 and 2k+2, so files
 * overlap), varied rules (categories, a line filter, manual lists), CONTRACTS_PER_FILE contracts a file.
 */
async function buildAccount(deps: AppDeps) {
  const { firmId, name } = await createFirm(deps, { name: "Bench Explain", language: "de" });
  const admin = await createStaff(deps, firmId, { role: "admin", name: "Bench Admin" });
  const lines = [
    await lineOfBusinessId(deps, firmId, "HRV"),
    await lineOfBusinessId(deps, firmId, "KFZ"),
    await lineOfBusinessId(deps, firmId, "RS"),
  ];
  const fileIds: string[] = [];
  const contractsOf: string[][] = [];
  for (let f = 0; f < FILES; f++) {
    const { id } = await createClientFile(deps, firmId, {
      caseOwnerId: admin.userId,
      displayName: `Akte ${f}`,
    });
    fileIds.push(id);
    const ids: string[] = [];
    for (const shape of contractShapes) {
      const line = shape.line === null ? null : (lines[shape.line] ?? null);
      ids.push(
        (
          await insertPolicy(deps, firmId, id, {
            status: shape.status,
            documentDate: shape.documentDate,
            lineOfBusinessId: line,
            insurer: `Versicherer ${f}`,
          })
        ).id,
      );
    }
    contractsOf.push(ids);
  }
  const account = await createPortalAccount(deps, { name: "Erika Explain" });
  const granteeIds: string[] = [];
  for (let k = 0; k < GRANTS; k++) {
    const files = [2 * k, 2 * k + 1, (2 * k + 2) % FILES];
    const manual = k % 5 === 4;
    const grant = await insertGrant(deps, firmId, {
      name: `Freischaltung ${k}`,
      fileIds: files.map((f) => fileIds[f] as string),
      settings: {
        contractMode: manual ? "manual" : "categories",
        contractCategories: k % 2 ? ["own", "application", "policy", "foreign"] : ["policy"],
        lineOfBusinessIds: k % 4 === 3 ? [lines[0] as string] : [],
      },
      manualContractIds: manual
        ? files.flatMap((f) => (contractsOf[f] ?? []).filter((_, c) => c % 3 === 0))
        : [],
    });
    const grantee = await insertGrantee(deps, firmId, {
      grantId: grant.id,
      email: account.email,
      name: account.name,
      accountId: account.userId,
      status: k === GRANTS - 1 ? "locked" : "active",
    });
    granteeIds.push(grantee.id);
  }
  return { firmId, firmName: name, admin, account, granteeIds, contractIds: contractsOf.flat() };
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const us = (ms: number) => Math.round(ms * 1000 * 100) / 100;

/** Times `fn` once per call, in ms, for every id, ROUNDS times (ids in the same order each round). */
function timeEach(ids: readonly string[], fn: (id: string) => unknown): Float64Array {
  const times = new Float64Array(ids.length * ROUNDS);
  let i = 0;
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const id of ids) {
      const began = process.hrtime.bigint();
      const answer = fn(id);
      times[i++] = Number(process.hrtime.bigint() - began) / 1e6;
      if (answer) sink++;
    }
  }
  if (sink < 0) throw new Error("unreachable");
  return times.sort();
}

async function measure(ctx: BenchmarkContext): Promise<BenchmarkResult> {
  const loadAtStart = os.loadavg().map((l) => l.toFixed(2));
  const database = await openBenchDatabase(ctx.log);
  ctx.cleanup.add(() => database.close());
  const { deps } = await openBenchServices(ctx, database.url);
  const world = await buildAccount(deps);

  // What explain loads (explain.service.ts): the grants' rules, the records, what they are tied to.
  const loaded = await inFirm(deps.database, world.firmId, async (tx) => {
    const grantRows = await tx.client.query<{
      id: string;
      grant_id: string;
      status: string;
      expires_at: Date | null;
    }>("select id, grant_id, status, expires_at from grantees where firm_id = $1 and account_id = $2", [
      world.firmId,
      world.account.userId,
    ]);
    const all = await loadRulesOfGrants(
      tx,
      grantRows.rows.map((r) => r.grant_id),
    );
    const records = await loadRecords(tx, "contract", { ids: world.contractIds });
    const related = await loadRelated(
      tx,
      records.map((r) => r.facts),
    );
    const grants: AccountGrant[] = grantRows.rows.map((r) => ({
      granteeId: r.id,
      grantee: { status: r.status as AccountGrant["grantee"]["status"], expiresAt: r.expires_at },
      rules: all.get(r.grant_id) as GrantRules,
    }));
    return { grants, records: new Map(records.map((r) => [r.ref.id, r.facts])), related };
  });
  if (loaded.grants.length !== GRANTS || loaded.records.size !== FILES * CONTRACTS_PER_FILE)
    throw new Error(`loaded ${loaded.grants.length} grants and ${loaded.records.size} contracts`);

  const now = new Date();
  const ids = world.contractIds;
  const decideOne = (id: string) =>
    canSee(loaded.grants, loaded.records.get(id) as RecordFacts, loaded.related, now);
  const visibleIds = new Set(ids.filter((id) => decideOne(id).visible));
  for (let i = 0; i < WARMUP; i++) decideOne(ids[i % ids.length] as string);
  const lookup = (id: string) => visibleIds.has(id);
  for (let i = 0; i < WARMUP; i++) lookup(ids[i % ids.length] as string);

  // Interleaved twice so a burst of noise on the shared machine hits both sides.
  const decision = timeEach(ids, decideOne);
  const baseline = timeEach(ids, lookup);
  const decision2 = timeEach(ids, decideOne);
  const decisionP50 = median([percentile(decision, 50), percentile(decision2, 50)]);
  const decisionP99 = Math.max(percentile(decision, 99), percentile(decision2, 99));
  const baselineP50 = percentile(baseline, 50);

  // For information: the whole in-process explain (GRANT-9) of one grantee, with its database reads.
  const actor = {
    user: {
      id: world.admin.userId,
      name: world.admin.name,
      email: world.admin.email,
      language: "en" as Language,
    },
    staff: {
      firmId: world.firmId,
      firmName: world.firmName,
      firmLanguage: "de" as Language,
      role: "admin" as const,
    },
  };
  const full: number[] = [];
  for (let i = 0; i < FULL_RUNS + 20; i++) {
    const granteeId = world.granteeIds[i % GRANTS] as string;
    const recordId = ids[(i * 7) % ids.length] as string;
    const began = performance.now();
    await inFirm(deps.database, world.firmId, (tx) => {
      const audit = {
        actorUserId: actor.user.id,
        actorName: actor.user.name,
        actorKind: "staff" as const,
        ip: null,
        userAgent: null,
        at: new Date(),
      };
      const work: StaffWork = { tx, actor, audit };
      return explainVisibility(work, granteeId, { kind: "contract", recordId });
    });
    if (i >= 20) full.push(performance.now() - began);
  }

  const verdict = decisionP50 <= P50_BAR_MS ? "pass" : "fail";
  return {
    figures: [
      {
        key: "ratio",
        value: (decisionP50 / Math.max(baselineP50, 1e-6)).toFixed(1),
        label: "decision p50 / baseline p50",
        inSummary: true,
      },
      {
        key: "p50_ms",
        value: Number(decisionP50.toFixed(4)),
        label: `decision p50 (bar ≤ ${P50_BAR_MS})`,
        inSummary: true,
      },
      { key: "p99_ms", value: Number(decisionP99.toFixed(4)), label: "decision p99", inSummary: true },
      {
        key: "baseline_p50_ms",
        value: Number(baselineP50.toFixed(5)),
        label: "baseline (Set lookup of the precomputed answer) p50",
        inSummary: true,
      },
      { key: "decision_p50_us", value: us(decisionP50), label: "decision p50 in µs" },
      {
        key: "decisions",
        value: decision.length + decision2.length,
        label: "decisions timed (each on its own)",
      },
      {
        key: "visible_contracts",
        value: `${visibleIds.size}/${ids.length}`,
        label: "contracts the account sees",
      },
      {
        key: "full_explain_p50_ms",
        value: Number(median(full).toFixed(2)),
        label: `whole explainVisibility() in process with its database reads, p50 of ${FULL_RUNS} (information)`,
      },
    ],
    verdict,
    notes: [
      `An account with ${GRANTS} grants (one of them locked) over ${FILES} files (each grant bundles 3 files, overlapping), ${CONTRACTS_PER_FILE} contracts a file in most categories, rules varied (categories, a line filter, two manual lists).`,
      `"Can the account see contract X, and why": for each of its grants, the grantee's effective status (effectiveStatus) and decide() over the grant's loaded GrantRules, collecting the steps — what explain.service.ts does per grantee, over all ${GRANTS}. Rules and records loaded once with explain's own loaders (loadRulesOfGrants, loadRecords, loadRelated).`,
      `Each call timed on its own with process.hrtime over every contract, ${ROUNDS} rounds, after ${WARMUP} warm-up calls; two decision passes around the baseline pass, p50 = their median.`,
      `Load average (1/5/15 min) at start: ${loadAtStart.join(" / ")}; at end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" / ")}.`,
    ],
  };
}

/** PERF-5: "can this account see contract X, and why", decided in process. */
export const explainDecision: Benchmark = {
  id: "PERF-5",
  title: "explain/decision",
  bar: 'an account with 10 grants over 20 files; "can see contract X, and why": p50 ≤ 1 ms in process',
  run: measure,
};
