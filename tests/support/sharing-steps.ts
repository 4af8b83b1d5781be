import fc from "fast-check";
import {
  type Action,
  accountLabels,
  type Category,
  type ContractShape,
  categories,
  documentCategoryLabels,
  fileLabels,
  lineLabels,
  type Rules,
  type SharingModel,
  type StoredGranteeStatus,
  statuses,
} from "./sharing-model.js";

// SEC-12: the random steps of a run. A step names rows by an index into what exists when it runs
// (resolve() turns it into a concrete action on the model's current labels), so a small index range
// keeps hitting existing grants, contracts and grantees instead of missing them.

/** An index into whatever exists when the step runs (taken modulo the count), so steps hit real rows. */
const pick = fc.nat(7);
const fileArb = fc.constantFrom(...fileLabels);
const listOf = <T>(values: readonly T[]) =>
  fc.oneof(fc.constant<T[]>([]), fc.subarray([...values], { minLength: 1 }));
const ruleFields = {
  shareAssets: fc.boolean(),
  shareDonations: fc.boolean(),
  sharePersons: fc.boolean(),
  shareClaims: fc.boolean(),
  shareAddresses: fc.boolean(),
  contractMode: fc.constantFrom<Rules["contractMode"]>("categories", "categories", "manual"),
  categories: fc.subarray<Category>([...categories]),
  lines: listOf(lineLabels),
  documentCategories: listOf(documentCategoryLabels),
};
const shapeFields = {
  status: fc.constantFrom(...statuses),
  offerDate: fc.boolean(),
  applicationDate: fc.boolean(),
  documentDate: fc.boolean(),
  line: fc.option(fc.constantFrom(...lineLabels), { nil: null }),
};
const shapeArb: fc.Arbitrary<ContractShape> = fc.record({
  ...shapeFields,
  // `own` and `offer` are where the dates matter, so they come up more often.
  status: fc.oneof(fc.constantFrom("own" as const, "offer" as const), shapeFields.status),
});
const storedStatusArb = fc.constantFrom<StoredGranteeStatus>(
  "active",
  "active",
  "locked",
  "revoked",
  "pending",
);
/** Minutes from now; 0 expires exactly now (which counts as expired). */
const expiresInArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 4 }) },
);

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
// The first alternative, `skip`, is what shrinking turns irrelevant steps into (withCrossShrink).
export const stepArb = fc.oneof(
  { withCrossShrink: true },
  w(1, fc.constant({ op: "skip" as const })),
  w(
    4,
    fc.record({
      op: fc.constant("createGrant" as const),
      files: fc.subarray([...fileLabels], { minLength: 1 }),
      rules: fc.record(ruleFields),
      manual: fc.array(pick, { maxLength: 3 }),
    }),
  ),
  w(
    2,
    fc.record({ op: fc.constantFrom("addFile" as const, "removeFile" as const), grant: pick, file: fileArb }),
  ),
  w(
    4,
    fc.record({
      op: fc.constant("changeRules" as const),
      grant: pick,
      rules: fc.record(ruleFields, { requiredKeys: [] }),
    }),
  ),
  w(
    2,
    fc.record({ op: fc.constant("setManual" as const), grant: pick, contract: pick, listed: fc.boolean() }),
  ),
  w(
    3,
    fc.record({
      op: fc.constant("addSimple" as const),
      kind: fc.constantFrom("asset" as const, "donation" as const, "person" as const),
      file: fileArb,
    }),
  ),
  w(5, fc.record({ op: fc.constant("addContract" as const), file: fileArb, shape: shapeArb })),
  w(
    2,
    fc.record({
      op: fc.constant("addClaim" as const),
      file: fileArb,
      contract: fc.option(pick, { nil: null }),
    }),
  ),
  w(
    2,
    fc.record({
      op: fc.constant("addAddress" as const),
      file: fileArb,
      contracts: fc.array(pick, { maxLength: 3 }),
    }),
  ),
  w(1, fc.record({ op: fc.constant("linkAddress" as const), address: pick, contract: pick })),
  w(
    3,
    fc.record({
      op: fc.constant("addDocument" as const),
      file: fileArb,
      shared: fc.boolean(),
      category: fc.constantFrom(...documentCategoryLabels),
      contract: fc.option(pick, { nil: null }),
      claim: fc.option(pick, { nil: null }),
    }),
  ),
  w(2, fc.record({ op: fc.constant("shareDocument" as const), document: pick, shared: fc.boolean() })),
  w(
    4,
    fc.record({
      op: fc.constant("changeContract" as const),
      contract: pick,
      change: fc.record(shapeFields, { requiredKeys: [] }),
    }),
  ),
  w(
    5,
    fc.record({
      op: fc.constant("addGrantee" as const),
      grant: pick,
      account: fc.constantFrom(...accountLabels),
      person: fc.option(pick, { nil: null }),
      status: fc.constantFrom<StoredGranteeStatus>("active", "active", "pending"),
      expiresIn: expiresInArb,
    }),
  ),
  w(2, fc.record({ op: fc.constant("setGranteeStatus" as const), grantee: pick, status: storedStatusArb })),
  w(2, fc.record({ op: fc.constant("setExpiry" as const), grantee: pick, expiresIn: expiresInArb })),
  w(2, fc.record({ op: fc.constant("advanceClock" as const), minutes: fc.integer({ min: 1, max: 3 }) })),
  w(4, fc.constant({ op: "read" as const })),
);
export type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

const choose = (labels: string[], index: number) => labels[index % labels.length];
const distinct = (labels: (string | undefined)[]) => [...new Set(labels.filter((l) => l !== undefined))];

/** Turns a generated step into a concrete action on what exists now (null: nothing to act on). */
export function resolve(step: Step, m: SharingModel): Action | null {
  const grant = "grant" in step ? choose([...m.grants.keys()], step.grant) : undefined;
  const grantee = "grantee" in step ? choose([...m.grantees.keys()], step.grantee) : undefined;
  const contractOn = (file: string, i: number | null) =>
    i === null ? undefined : choose(m.labels("contract", file), i);
  switch (step.op) {
    case "skip":
      return null;
    case "createGrant":
      return {
        op: "createGrant",
        grant: m.nextLabel("grant"),
        files: step.files,
        rules: step.rules,
        manual: distinct(step.manual.map((i) => choose(m.labels("contract"), i))),
      };
    case "addFile":
    case "removeFile":
      return grant ? { op: step.op, grant, file: step.file } : null;
    case "changeRules":
      return grant && Object.keys(step.rules).length ? { op: "changeRules", grant, rules: step.rules } : null;
    case "setManual": {
      const contract = choose(m.labels("contract"), step.contract);
      return grant && contract ? { op: "setManual", grant, contract, listed: step.listed } : null;
    }
    case "addSimple":
      return { op: "addRecord", record: { kind: step.kind, label: m.nextLabel(step.kind), file: step.file } };
    case "addContract":
      return {
        op: "addRecord",
        record: { kind: "contract", label: m.nextLabel("contract"), file: step.file, shape: step.shape },
      };
    case "addClaim": {
      const contract = contractOn(step.file, step.contract) ?? null;
      return {
        op: "addRecord",
        record: { kind: "claim", label: m.nextLabel("claim"), file: step.file, contract },
      };
    }
    case "addAddress": {
      const contracts = distinct(step.contracts.map((i) => contractOn(step.file, i)));
      return {
        op: "addRecord",
        record: { kind: "address", label: m.nextLabel("address"), file: step.file, contracts },
      };
    }
    case "linkAddress": {
      const address = choose(m.labels("address"), step.address);
      const file = address && m.records.get(address)?.file;
      const contract = file && contractOn(file, step.contract);
      return address && contract ? { op: "linkAddress", address, contract } : null;
    }
    case "addDocument": {
      // The app ties a document only to a contract or claim of its own file (documents.service.ts).
      const contract = contractOn(step.file, step.contract) ?? null;
      const claim = step.claim === null ? null : (choose(m.labels("claim", step.file), step.claim) ?? null);
      const { shared, category, file } = step;
      return {
        op: "addRecord",
        record: { kind: "document", label: m.nextLabel("document"), file, shared, category, contract, claim },
      };
    }
    case "shareDocument": {
      const document = choose(m.labels("document"), step.document);
      return document ? { op: "shareDocument", document, shared: step.shared } : null;
    }
    case "changeContract": {
      const contract = choose(m.labels("contract"), step.contract);
      return contract && Object.keys(step.change).length
        ? { op: "changeContract", contract, change: step.change }
        : null;
    }
    case "addGrantee": {
      if (!grant) return null;
      // A person is a grantee of a grant at most once; otherwise the grantee is an outsider.
      const candidate = step.person === null ? undefined : choose(m.labels("person"), step.person);
      const taken = [...m.grantees.values()].some((g) => g.grant === grant && g.person === candidate);
      const person = candidate && !taken ? candidate : null;
      const expiresAt = step.expiresIn === null ? null : m.now + step.expiresIn;
      return {
        op: "addGrantee",
        grantee: m.nextLabel("grantee"),
        grant,
        account: step.account,
        person,
        status: step.status,
        expiresAt,
      };
    }
    case "setGranteeStatus":
      return grantee ? { op: "setGranteeStatus", grantee, status: step.status } : null;
    case "setExpiry":
      return grantee
        ? { op: "setExpiry", grantee, expiresAt: step.expiresIn === null ? null : m.now + step.expiresIn }
        : null;
    case "advanceClock":
      return { op: "advanceClock", minutes: step.minutes };
    case "read":
      return { op: "read" };
  }
}

/** `n` steps; printed (by fast-check, for a counterexample) one line per step, without the skips. */
export function scenarioArb(n: number): fc.Arbitrary<Step[]> {
  return fc.array(stepArb, { minLength: n, maxLength: n }).map((steps) =>
    Object.assign([...steps], {
      [fc.toStringMethod]: () =>
        `[\n${steps.map((s, i) => (s.op === "skip" ? "" : `  #${i + 1} ${JSON.stringify(s)}\n`)).join("")}]`,
    }),
  );
}
