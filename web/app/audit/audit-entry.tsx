import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../contracts/audit";

/** One changed field of an event: its name and the value before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const hiddenFields = new Set(["id", "createdAt", "updatedAt"]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The fields that differ between `before` and `after`, in a stable order. A creation lists every field
 * of `after`, a deletion every field of `before`; values that are not objects count as one field.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after) || (before == null && after == null)
      ? []
      : [{ field: "", before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return (
    keys
      .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
      // Bookkeeping fields change with everything and say nothing to the reader.
      .filter((key) => !hiddenFields.has(key))
      .map((key) => ({ field: key, before: b[key] ?? null, after: a[key] ?? null }))
  );
}

const humanize = (name: string) =>
  name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_.]/g, " ")
    .replace(/^./, (c) => c.toUpperCase());

/** A catalog word for a technical name, or the name made readable when the catalog has none. */
function word(t: TFunction, group: "entities" | "fields", name: string): string {
  return t(`audit.${group}.${name}` as never, { defaultValue: humanize(name) } as never) as unknown as string;
}

/** "Contract changed", "Person added"… from an action like "contract.update"; unknown verbs stay readable. */
export function actionLabel(t: TFunction, action: string): string {
  const dot = action.lastIndexOf(".");
  const entity = dot > 0 ? action.slice(0, dot) : action;
  const verb = dot > 0 ? action.slice(dot + 1) : "";
  return t(
    `audit.verbs.${verb}` as never,
    {
      entity: word(t, "entities", entity),
      defaultValue: `${word(t, "entities", entity)}: ${humanize(verb)}`,
    } as never,
  ) as unknown as string;
}

function formatValue(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? t("audit.yes") : t("audit.no");
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map((v) => formatValue(t, v)).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The instant in the reader's language and time zone. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** One event of a timeline: who, when, what, and each changed field with its old and new value. */
export function AuditEntryView({ entry, showFile = false }: { entry: AuditEntry; showFile?: boolean }) {
  const { t, i18n } = useTranslation();
  const changes = fieldChanges(entry.before, entry.after);
  const who =
    entry.actor.name ??
    t(`audit.actorKinds.${entry.actor.kind}` as never, { defaultValue: entry.actor.kind } as never);

  return (
    <article className="flex flex-col gap-2">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="font-medium text-slate-900">{actionLabel(t, entry.action)}</h3>
        <p className="text-sm text-slate-600">
          {t("audit.byAt", { who: String(who) })}{" "}
          <time dateTime={entry.at}>{formatTime(entry.at, i18n.resolvedLanguage ?? "de")}</time>
        </p>
      </header>
      {showFile && entry.clientFile ? (
        <p className="text-sm text-slate-700">
          {t("audit.file")}:{" "}
          <span className="font-medium">
            {entry.clientFile.displayName ?? entry.clientFile.id}
            {entry.clientFile.number ? ` (${entry.clientFile.number})` : ""}
          </span>
        </p>
      ) : null}
      {changes.length > 0 ? (
        <table className="w-full max-w-3xl table-fixed text-left text-sm">
          <caption className="sr-only">{t("audit.changesCaption")}</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="w-1/4 py-1 pr-3 font-medium">
                {t("audit.field")}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("audit.before")}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t("audit.after")}
              </th>
            </tr>
          </thead>
          <tbody className="align-top">
            {changes.map((change) => (
              <tr key={change.field} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal text-slate-700">
                  {change.field ? word(t, "fields", change.field) : t("audit.value")}
                </th>
                <td className="break-words py-1 pr-3 text-slate-500 line-through decoration-slate-300">
                  {formatValue(t, change.before)}
                </td>
                <td className="break-words py-1 text-slate-900">{formatValue(t, change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {entry.ip || entry.userAgent ? (
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer select-none">{t("audit.technical")}</summary>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            <dt>{t("audit.ip")}</dt>
            <dd className="font-mono">{entry.ip ?? "—"}</dd>
            <dt>{t("audit.userAgent")}</dt>
            <dd className="break-all">{entry.userAgent ?? "—"}</dd>
          </dl>
        </details>
      ) : null}
    </article>
  );
}
