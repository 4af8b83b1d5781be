// SEC-12: a small, plain model of the sharing rules of issue 4 (GRANT-3), written from the issue's
// words and nothing else: it must not import the engine (sharing-rules.ts, visibility.sql.ts,
// contract-category.ts), or a mistake there would be copied here and never caught. Everything is
// named by short labels (g0, c3, f1, a2 …); the world (sharing-world.ts) maps them to database ids.

export type Status =
  | "request"
  | "offer"
  | "foreign"
  | "partly_foreign"
  | "locked"
  | "info"
  | "dormant"
  | "cancelled"
  | "own";
export type Category = Status | "application" | "policy";
export type StoredGranteeStatus = "pending" | "active" | "locked" | "revoked";
export type GranteeStatus = StoredGranteeStatus | "expired";
export type RecordKind = "asset" | "donation" | "person" | "contract" | "claim" | "address" | "document";

export const statuses: readonly Status[] = [
  "request",
  "offer",
  "foreign",
  "partly_foreign",
  "locked",
  "info",
  "dormant",
  "cancelled",
  "own",
];
export const categories: readonly Category[] = [...statuses, "application", "policy"];
/** The labels of the fixed things every run starts with (the world creates them once). */
export const fileLabels = ["f0", "f1", "f2"] as const;
export const accountLabels = ["a0", "a1"] as const;
/** Lines of business by their firm code, and document categories by their key. */
export const lineLabels = ["HRV", "KFZ", "RS"] as const;
export const documentCategoryLabels = ["policy", "invoice", "other"] as const;
export type Line = (typeof lineLabels)[number];
export type DocumentCategory = (typeof documentCategoryLabels)[number];

/** What a grant shares. */
export interface Rules {
  shareAssets: boolean;
  shareDonations: boolean;
  sharePersons: boolean;
  shareClaims: boolean;
  shareAddresses: boolean;
  contractMode: "categories" | "manual";
  categories: Category[];
  lines: Line[];
  documentCategories: DocumentCategory[];
}

/** A contract's status, which of the three seed-004 dates it carries, and its line. */
export interface ContractShape {
  status: Status;
  offerDate: boolean;
  applicationDate: boolean;
  documentDate: boolean;
  line: Line | null;
}

export type NewRecord =
  | { kind: "asset" | "donation" | "person"; label: string; file: string }
  | { kind: "contract"; label: string; file: string; shape: ContractShape }
  | { kind: "claim"; label: string; file: string; contract: string | null }
  | { kind: "address"; label: string; file: string; contracts: string[] }
  | {
      kind: "document";
      label: string;
      file: string;
      shared: boolean;
      category: DocumentCategory;
      contract: string | null;
      claim: string | null;
    };

/** One concrete step of a run; the model and the world both apply it. Times are minutes on the run's clock. */
export type Action =
  | { op: "createGrant"; grant: string; files: string[]; rules: Rules; manual: string[] }
  | { op: "addFile" | "removeFile"; grant: string; file: string }
  | { op: "changeRules"; grant: string; rules: Partial<Rules> }
  | { op: "setManual"; grant: string; contract: string; listed: boolean }
  | { op: "addRecord"; record: NewRecord }
  | { op: "linkAddress"; address: string; contract: string }
  | { op: "shareDocument"; document: string; shared: boolean }
  | { op: "changeContract"; contract: string; change: Partial<ContractShape> }
  | {
      op: "addGrantee";
      grantee: string;
      grant: string;
      account: string;
      person: string | null;
      status: StoredGranteeStatus;
      expiresAt: number | null;
    }
  | { op: "setGranteeStatus"; grantee: string; status: StoredGranteeStatus }
  | { op: "setExpiry"; grantee: string; expiresAt: number | null }
  | { op: "advanceClock"; minutes: number }
  | { op: "read" };

interface ModelGrant extends Rules {
  files: Set<string>;
  manual: Set<string>;
}
interface ModelGrantee {
  grant: string;
  account: string;
  person: string | null;
  status: StoredGranteeStatus;
  expiresAt: number | null;
}
type ModelRecord = NewRecord & { shared?: boolean };

const labelPrefix: Record<RecordKind, string> = {
  asset: "as",
  donation: "dn",
  person: "p",
  contract: "c",
  claim: "cl",
  address: "ad",
  document: "d",
};

/** The seed-004 category, exactly as the issue states it. */
export function categoryOf(c: ContractShape): Category {
  if (c.status === "offer") return c.offerDate ? "own" : "offer";
  if (c.status !== "own") return c.status;
  // "policy wins when both": a document date makes a policy whatever the application date says.
  if (c.documentDate) return "policy";
  return c.applicationDate ? "application" : "own";
}

/** The state of one run and what each account may see in it. */
export class SharingModel {
  now = 0;
  readonly grants = new Map<string, ModelGrant>();
  readonly grantees = new Map<string, ModelGrantee>();
  readonly records = new Map<string, ModelRecord>();
  readonly contracts = new Map<string, ContractShape & { file: string }>();
  readonly addressContracts = new Map<string, Set<string>>();

  /** Labels of the records of `kind`, optionally only those on `file`, oldest first. */
  labels(kind: RecordKind, file?: string): string[] {
    return [...this.records.values()]
      .filter((r) => r.kind === kind && (file === undefined || r.file === file))
      .map((r) => r.label);
  }

  /** Labels of every record on `file`. */
  recordsOn(file: string): string[] {
    return [...this.records.values()].filter((r) => r.file === file).map((r) => r.label);
  }

  /** The next free label for a new record of `kind` (or grant / grantee). */
  nextLabel(kind: RecordKind | "grant" | "grantee"): string {
    if (kind === "grant") return `g${this.grants.size}`;
    if (kind === "grantee") return `ge${this.grantees.size}`;
    return `${labelPrefix[kind]}${this.labels(kind).length}`;
  }

  apply(action: Action): void {
    switch (action.op) {
      case "createGrant":
        this.grants.set(action.grant, {
          ...action.rules,
          files: new Set(action.files),
          manual: new Set(action.manual),
        });
        return;
      case "addFile":
        this.grant(action.grant).files.add(action.file);
        return;
      case "removeFile":
        this.grant(action.grant).files.delete(action.file);
        return;
      case "changeRules":
        Object.assign(this.grant(action.grant), action.rules);
        return;
      case "setManual":
        if (action.listed) this.grant(action.grant).manual.add(action.contract);
        else this.grant(action.grant).manual.delete(action.contract);
        return;
      case "addRecord": {
        const r = action.record;
        this.records.set(r.label, { ...r });
        if (r.kind === "contract") this.contracts.set(r.label, { ...r.shape, file: r.file });
        if (r.kind === "address") this.addressContracts.set(r.label, new Set(r.contracts));
        return;
      }
      case "linkAddress":
        this.addressContracts.get(action.address)?.add(action.contract);
        return;
      case "shareDocument": {
        const doc = this.records.get(action.document);
        if (doc?.kind === "document") doc.shared = action.shared;
        return;
      }
      case "changeContract":
        Object.assign(this.contract(action.contract), action.change);
        return;
      case "addGrantee":
        this.grantees.set(action.grantee, {
          grant: action.grant,
          account: action.account,
          person: action.person,
          status: action.status,
          expiresAt: action.expiresAt,
        });
        return;
      case "setGranteeStatus":
        this.grantee(action.grantee).status = action.status;
        return;
      case "setExpiry":
        this.grantee(action.grantee).expiresAt = action.expiresAt;
        return;
      case "advanceClock":
        this.now += action.minutes;
        return;
      case "read":
        return;
    }
  }

  /** A grantee's status now: revoked stays revoked; otherwise an expiry at or before now means expired. */
  statusOf(grantee: string): GranteeStatus {
    const g = this.grantee(grantee);
    if (g.status === "revoked") return "revoked";
    if (g.expiresAt !== null && g.expiresAt <= this.now) return "expired";
    return g.status;
  }

  /** The grants through which `account` sees `file` now: an active, unexpired grantee of a grant bundling it. */
  grantsReaching(account: string, file: string): Set<string> {
    const reaching = new Set<string>();
    for (const [label, g] of this.grantees)
      if (g.account === account && this.statusOf(label) === "active" && this.grant(g.grant).files.has(file))
        reaching.add(g.grant);
    return reaching;
  }

  /** Every record of `file` that `account` sees: the union over the grants reaching it. */
  visible(account: string, file: string): Set<string> {
    const grants = [...this.grantsReaching(account, file)].map((label) => this.grant(label));
    const seen = new Set<string>();
    for (const record of this.records.values())
      if (record.file === file && grants.some((g) => this.shows(g, record))) seen.add(record.label);
    return seen;
  }

  private shows(g: ModelGrant, r: ModelRecord): boolean {
    if (!g.files.has(r.file)) return false;
    switch (r.kind) {
      case "asset":
        return g.shareAssets;
      case "donation":
        return g.shareDonations;
      case "person":
        return g.sharePersons;
      case "contract":
        return this.showsContract(g, r.label);
      case "claim":
        return g.shareClaims && (r.contract === null || this.showsContract(g, r.contract));
      case "address":
        return (
          g.shareAddresses &&
          [...(this.addressContracts.get(r.label) ?? [])].every((c) => this.showsContract(g, c))
        );
      case "document": {
        if (!r.shared) return false;
        if (g.documentCategories.length > 0 && !g.documentCategories.includes(r.category)) return false;
        if (r.contract !== null && !this.showsContract(g, r.contract)) return false;
        const claim = r.claim === null ? undefined : this.records.get(r.claim);
        // A document tied to a claim follows the claim.
        return claim === undefined || this.shows(g, claim);
      }
    }
  }

  private showsContract(g: ModelGrant, label: string): boolean {
    const c = this.contract(label);
    if (!g.files.has(c.file)) return false;
    if (g.contractMode === "manual") return g.manual.has(label);
    if (!g.categories.includes(categoryOf(c))) return false;
    // Narrowed to lines: a contract without a line is in none of them.
    return g.lines.length === 0 || (c.line !== null && g.lines.includes(c.line));
  }

  private grant(label: string): ModelGrant {
    const g = this.grants.get(label);
    if (!g) throw new Error(`model: no grant ${label}`);
    return g;
  }
  private grantee(label: string): ModelGrantee {
    const g = this.grantees.get(label);
    if (!g) throw new Error(`model: no grantee ${label}`);
    return g;
  }
  private contract(label: string) {
    const c = this.contracts.get(label);
    if (!c) throw new Error(`model: no contract ${label}`);
    return c;
  }
}

function rulesText(r: Partial<Rules>): string {
  const parts: string[] = [];
  for (const key of [
    "shareAssets",
    "shareDonations",
    "sharePersons",
    "shareClaims",
    "shareAddresses",
  ] as const)
    if (r[key] !== undefined) parts.push(`${key}=${r[key]}`);
  if (r.contractMode) parts.push(`mode=${r.contractMode}`);
  if (r.categories) parts.push(`categories=[${r.categories.join(",")}]`);
  if (r.lines) parts.push(`lines=[${r.lines.join(",")}]`);
  if (r.documentCategories) parts.push(`docCategories=[${r.documentCategories.join(",")}]`);
  return parts.join(" ");
}

function shapeText(s: Partial<ContractShape>): string {
  const parts: string[] = [];
  if (s.status) parts.push(s.status);
  for (const key of ["offerDate", "applicationDate", "documentDate"] as const)
    if (s[key] !== undefined) parts.push(`${key}=${s[key] ? "set" : "none"}`);
  if (s.line !== undefined) parts.push(`line=${s.line ?? "none"}`);
  return parts.join(" ");
}

function recordText(r: NewRecord): string {
  const head = `add ${r.kind} ${r.label} on ${r.file}`;
  switch (r.kind) {
    case "contract":
      return `${head}: ${shapeText(r.shape)}`;
    case "claim":
      return `${head}, contract ${r.contract ?? "none"}`;
    case "address":
      return `${head}, contracts [${r.contracts.join(",")}]`;
    case "document":
      return `${head}: ${r.shared ? "shared" : "not shared"}, category ${r.category}, contract ${r.contract ?? "none"}, claim ${r.claim ?? "none"}`;
    default:
      return head;
  }
}

/** One line per step, for a failing run's report. */
export function describeAction(a: Action): string {
  switch (a.op) {
    case "createGrant":
      return `create grant ${a.grant} files [${a.files.join(",")}] ${rulesText(a.rules)}${a.manual.length ? ` manual [${a.manual.join(",")}]` : ""}`;
    case "addFile":
    case "removeFile":
      return `${a.op === "addFile" ? "add" : "remove"} file ${a.file} ${a.op === "addFile" ? "to" : "from"} ${a.grant}`;
    case "changeRules":
      return `change rules of ${a.grant}: ${rulesText(a.rules)}`;
    case "setManual":
      return `${a.listed ? "list" : "unlist"} contract ${a.contract} in ${a.grant}'s manual list`;
    case "addRecord":
      return recordText(a.record);
    case "linkAddress":
      return `tie address ${a.address} to contract ${a.contract}`;
    case "shareDocument":
      return `${a.shared ? "share" : "unshare"} document ${a.document}`;
    case "changeContract":
      return `change contract ${a.contract}: ${shapeText(a.change)}`;
    case "addGrantee":
      return `add grantee ${a.grantee} to ${a.grant}: account ${a.account}, person ${a.person ?? "none (outsider)"}, ${a.status}, expires ${a.expiresAt === null ? "never" : `at t=${a.expiresAt}`}`;
    case "setGranteeStatus":
      return `set grantee ${a.grantee} ${a.status}`;
    case "setExpiry":
      return `set grantee ${a.grantee} to expire ${a.expiresAt === null ? "never" : `at t=${a.expiresAt}`}`;
    case "advanceClock":
      return `advance the clock ${a.minutes} min`;
    case "read":
      return "read as every account on every file";
  }
}
