import type { TFunction } from "i18next";

// How the audit views name and show the fields the server's presenters put into `before`/`after`.
// Labels come from the catalog by convention — `audit.entityFields.<entity>.<field>` where an entity
// names a field differently, else `audit.fields.<field>` — and the tables below say how a value is
// shown (enum catalogs of other features, money, sizes, linked things) or that a field is hidden.

/** What a value formatter may use: the translator, the UI language, and the state the value belongs to. */
export interface FormatContext {
  t: TFunction;
  language: string;
  /** The entity type of the event, from its action ("contract" of "contract.update"). */
  entity: string;
  /** The whole before or after state the value was taken from (for a money value's currency). */
  state: Record<string, unknown>;
  /** The name of a staff member by user id, when the reader's page knows it. */
  staffName?: (userId: string) => string | undefined;
}

/** Turns one value (never null or empty) into text. */
export type Formatter = (value: unknown, ctx: FormatContext) => string;

/**
 * How one field is shown: hidden, or with a formatter (`whole` hands arrays to it undivided); a `group`
 * (a grant's `settings`) is not a field of its own: its fields count as fields of the entity.
 */
export interface FieldSpec {
  hidden?: boolean;
  format?: Formatter;
  whole?: boolean;
  group?: boolean;
}

/** True for a plain object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A catalog lookup with a fallback: keys in order of preference, dynamic keys allowed. */
export function tr(t: TFunction, keys: string | string[], options: Record<string, unknown> = {}): string {
  return t(keys as never, options as never) as unknown as string;
}

/** "sharedToPortal" → "Shared to portal": the last resort for a name no catalog knows. */
export const humanize = (name: string) =>
  name
    .replace(
      /([a-z0-9])([A-Z])/g,
      (_, before: string, capital: string) => `${before} ${capital.toLowerCase()}`,
    )
    .replace(/[_.]/g, " ")
    .replace(/^./, (c) => c.toUpperCase());

/** The word for an entity type ("Contract" for "contract"). */
export function entityName(t: TFunction, entity: string): string {
  return tr(t, `audit.entities.${entity}`, { defaultValue: humanize(entity) });
}

/** The label of a field of an entity: the entity's own word, else the common one, else the name made readable. */
export function fieldLabel(t: TFunction, entity: string, field: string): string {
  return tr(t, [`audit.entityFields.${entity}.${field}`, `audit.fields.${field}`], {
    defaultValue: humanize(field),
  });
}

// ---- formatters ----

/** "Label: value" with the language's punctuation. */
const pair = (t: TFunction, label: string, value: string) => tr(t, "audit.values.pair", { label, value });

/** A code translated by another feature's catalog ("records.contractStatus" + "own" → "Own"). */
const code =
  (prefix: string): Formatter =>
  (value, { t }) =>
    tr(t, `${prefix}.${String(value)}`, { defaultValue: String(value) });

function displayName(value: unknown, type: "language" | "region", language: string): string {
  try {
    return new Intl.DisplayNames(language, { type }).of(String(value)) ?? String(value);
  } catch {
    return String(value);
  }
}

const languageName: Formatter = (value, { language }) => displayName(value, "language", language);
const countryName: Formatter = (value, { language }) => displayName(value, "region", language);

/** An amount in the currency of the same state ("1250.50" + EUR → "1.250,50 €"). */
const money: Formatter = (value, { language, state }) => {
  const currency = typeof state.currency === "string" ? state.currency : undefined;
  const amount = Number(value);
  if (!currency || Number.isNaN(amount)) return String(value);
  try {
    return new Intl.NumberFormat(language, { style: "currency", currency }).format(amount);
  } catch {
    return `${String(value)} ${currency}`;
  }
};

/** A size in bytes as "812 KB", "2.4 MB". */
const bytes: Formatter = (value, { language }) => {
  const units = ["B", "KB", "MB", "GB"];
  let size = Number(value);
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || size >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(size)} ${units[unit]}`;
};

/** A list of ids said as a count ("3 selected"), the names not being in the state; `empty` says what none means. */
const idCount =
  (empty: "all" | "none"): Formatter =>
  (value, { t }) => {
    const count = Array.isArray(value) ? value.length : 1;
    return count === 0 ? t(`audit.values.${empty}`) : tr(t, "audit.values.selected", { count });
  };

/** A staff member by user id: their name where the page knows it, else just "a staff member". */
const staffUser: Formatter = (value, { t, staffName }) =>
  staffName?.(String(value)) ?? t("audit.values.staffMember");

/** The filters of a log export: what, who, from, to. */
const exportFilter: Formatter = (value, ctx) => {
  const { t } = ctx;
  const filter = isRecord(value) ? value : {};
  const parts: string[] = [];
  const add = (label: string, value: string) => parts.push(pair(t, label, value));
  if (typeof filter.action === "string" && filter.action) {
    add(t("audit.filterAction"), entityName(t, filter.action.replace(/\.$/, "")));
  }
  if (typeof filter.actorUserId === "string") add(t("audit.filterActor"), staffUser(filter.actorUserId, ctx));
  if (typeof filter.from === "string") add(t("audit.filterFrom"), plain(filter.from, ctx));
  if (typeof filter.to === "string") add(t("audit.filterTo"), plain(filter.to, ctx));
  return parts.length > 0 ? parts.join("; ") : t("audit.values.noFilter");
};

// ---- the tables ----

const hidden: FieldSpec = { hidden: true };
const shown: FieldSpec = {};

/** Fields the same everywhere. Not listed: shown as their type says; names ending in "Id"/"Ids" hidden. */
const commonFields: Record<string, FieldSpec> = {
  id: hidden,
  createdAt: hidden,
  updatedAt: hidden,
  // Derived from the content type; says nothing a reader changed.
  previewable: hidden,
  externalId: shown,
  salutation: { format: code("clients.salutation") },
  defaultSalutation: { format: code("clients.salutation") },
  advisorKind: { format: code("clients.advisorKind") },
  language: { format: languageName },
  defaultLanguage: { format: languageName },
  country: { format: countryName },
  phoneCountry: { format: countryName },
  premiumFrequency: { format: code("records.frequency") },
  amount: { format: money },
  premium: { format: money },
  size: { format: bytes },
  sizeBytes: { format: bytes },
  // The logo's address carries a storage key; the reader only needs to know there is one.
  logoUrl: { format: (_, { t }) => t("audit.values.logoSet") },
  accessManagedBy: { format: code("settings.policies.accessManagers") },
  secondFactor: { format: code("settings.policies.secondFactors") },
  // A grant's filters: no line or category listed means every one.
  lineOfBusinessIds: { format: idCount("all"), whole: true },
  documentCategoryIds: { format: idCount("all"), whole: true },
  fileIds: { format: idCount("none"), whole: true },
  manualContractIds: { format: idCount("none"), whole: true },
  granteeIds: { format: idCount("none"), whole: true },
  contractCategories: { format: code("records.contractCategory") },
  // Grants and grantees: derived counts and the stored twin of `status` say nothing new.
  settings: { group: true },
  granteeCounts: hidden,
  storedStatus: hidden,
  caseHandlerId: { format: staffUser },
  // No grants or portal catalog in the web app yet, so the audit catalog holds these words.
  access: { format: code("audit.values.access") },
  defaultAccess: { format: code("audit.values.access") },
  contractMode: { format: code("audit.values.contractMode") },
  view: { format: code("audit.values.view") },
  features: { format: code("audit.values.feature") },
  via: { format: code("audit.values.via") },
};

/** Fields whose meaning depends on the entity (a contract's status is not a claim's). */
const entityFields: Record<string, Record<string, FieldSpec>> = {
  client_file: { kind: { format: code("clients.kind") } },
  person: { role: { format: code("clients.role") } },
  contract: {
    status: { format: code("records.contractStatus") },
    category: { format: code("records.contractCategory") },
  },
  asset: { kind: { format: code("records.assetKind") }, value: { format: money } },
  claim: { status: { format: code("records.claimStatus") } },
  donation: { kind: { format: code("records.donationKind") } },
  staff_member: { role: { format: code("roles") } },
  staff_invitation: {
    role: { format: code("roles") },
    status: { format: code("audit.values.invitationStatus") },
  },
  import: { kind: { format: code("imports.kind") } },
  grantee: {
    role: { format: code("clients.role") },
    status: { format: code("audit.values.granteeStatus") },
  },
  audit_log: { filter: { format: exportFilter, whole: true } },
  account: {
    method: { format: code("audit.values.signInMethod") },
    reason: { format: code("audit.values.signInFailure") },
    by: { format: code("audit.values.deletedBy") },
  },
};

const idLike = (field: string) => /(^id$|[a-z]Ids?$)/.test(field);

/** How a field of an entity is shown: the entity's own spec, else the common one, else by its name. */
export function fieldSpec(entity: string, field: string): FieldSpec {
  const spec = entityFields[entity]?.[field] ?? commonFields[field];
  if (spec) return spec;
  // An internal id means nothing to a reader; the thing it links to shows under its own field.
  return idLike(field) ? hidden : shown;
}

/** A state with its groups opened: `{ name, settings: { view } }` → `{ name, view }`. */
export function expandGroups(state: Record<string, unknown>, entity: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(state).flatMap(([key, value]) =>
      fieldSpec(entity, key).group && isRecord(value) ? Object.entries(value) : [[key, value]],
    ),
  );
}

/** A linked thing in one phrase: "KFZ – Motor", "K-123 (Allianz)", a name or a title. */
function named(value: Record<string, unknown>, ctx: FormatContext): string {
  const text = (key: string): string | null => {
    const v = value[key];
    return typeof v === "string" && v !== "" ? v : null;
  };
  const name = text("name");
  const lineCode = text("code") ?? text("lineCode");
  if (lineCode && name) return `${lineCode} – ${name}`;
  const insurer = text("insurer");
  const number = text("number");
  if (insurer) return number ? `${number} (${insurer})` : insurer;
  const title = name ?? text("displayName") ?? text("title") ?? text("label");
  if (title) return title;
  // A donation's party without a name: a person since removed from the file.
  if ("personId" in value && "name" in value) return "—";
  const parts = Object.entries(value)
    .filter(([key, v]) => !fieldSpec(ctx.entity, key).hidden && v !== null && v !== "")
    .map(([key, v]) => pair(ctx.t, fieldLabel(ctx.t, ctx.entity, key), plain(v, ctx)));
  return parts.length > 0 ? parts.join("; ") : "—";
}

/** A value shown by its type: Yes/No, a number, a date, a linked thing's name, or the text itself. */
function plain(value: unknown, ctx: FormatContext): string {
  if (typeof value === "boolean") return value ? ctx.t("audit.yes") : ctx.t("audit.no");
  if (typeof value === "number") return new Intl.NumberFormat(ctx.language).format(value);
  if (isRecord(value)) return named(value, ctx);
  if (typeof value !== "string") return String(value);
  // Calendar dates carry no time zone (read as UTC); instants show in the reader's time zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) {
      return new Intl.DateTimeFormat(ctx.language, { dateStyle: "medium", timeZone: "UTC" }).format(date);
    }
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) {
      return new Intl.DateTimeFormat(ctx.language, { dateStyle: "medium", timeStyle: "short" }).format(
        instant,
      );
    }
  }
  return value;
}

/** One field's value as the reader sees it; nothing is "—". */
export function formatField(field: string, value: unknown, ctx: FormatContext): string {
  if (value === null || value === undefined || value === "") return "—";
  const spec = fieldSpec(ctx.entity, field);
  const format = spec.format ?? plain;
  if (Array.isArray(value) && !spec.whole) {
    const items = value.filter((item) => item !== null && item !== undefined && item !== "");
    return items.length === 0 ? "—" : items.map((item) => format(item, ctx)).join(", ");
  }
  return format(value, ctx);
}
