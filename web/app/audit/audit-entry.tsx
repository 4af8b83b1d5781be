import { useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../contracts/audit";
import { auditActorsQuery } from "./audit-api";
import {
  entityName,
  expandGroups,
  type FormatContext,
  fieldLabel,
  fieldSpec,
  formatField,
  humanize,
  isRecord,
  tr,
} from "./audit-fields";

/** One changed field of an event: its name and the value before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields that differ between `before` and `after`, in a stable order, without those hidden for the
 * entity (ids, bookkeeping). A creation lists every field of `after`, a deletion every field of `before`;
 * values that are not objects count as one field.
 */
export function fieldChanges(before: unknown, after: unknown, entity = ""): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after) || (before == null && after == null)
      ? []
      : [{ field: "", before, after }];
  }
  const b = isRecord(before) ? expandGroups(before, entity) : {};
  const a = isRecord(after) ? expandGroups(after, entity) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
    .filter((key) => !fieldSpec(entity, key).hidden)
    .map((key) => ({ field: key, before: b[key] ?? null, after: a[key] ?? null }));
}

/**
 * The parts of an action: "contract.update" → contract, update; "portal.asset.create" → asset, create,
 * done through the portal (the channel).
 */
export function splitAction(action: string): { channel: string; entity: string; verb: string } {
  const parts = action.split(".");
  if (parts.length < 2) return { channel: "", entity: action, verb: "" };
  const verb = parts.pop() ?? "";
  const channel = parts.length > 1 ? (parts.shift() ?? "") : "";
  return { channel, entity: parts.join("_"), verb };
}

/**
 * "Contract changed", "Document shared"… from an action like "contract.update": the action's own words
 * (`audit.actions.<entity>.<verb>`), else the verb's (`audit.verbs.<verb>`), else "Entity: verb"; an
 * action done through a channel says so ("Asset changed in the client portal").
 */
export function actionLabel(t: TFunction, action: string): string {
  const { channel, entity, verb } = splitAction(action);
  if (!verb) return entityName(t, entity);
  const label = tr(t, [`audit.actions.${entity}.${verb}`, `audit.verbs.${verb}`, "audit.verbs.fallback"], {
    entity: entityName(t, entity),
    verb: humanize(verb),
  });
  if (!channel) return label;
  return tr(t, [`audit.channels.${channel}`, "audit.channels.fallback"], {
    action: label,
    channel: entityName(t, channel),
  });
}

/** One row of the changes table: the field's label and its values as text. */
export interface ChangeRow {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The changes of an event as the reader sees them; a field whose text did not change is left out. */
export function changeRows(
  entry: Pick<AuditEntry, "action" | "before" | "after">,
  base: Omit<FormatContext, "entity" | "state">,
): ChangeRow[] {
  const { entity } = splitAction(entry.action);
  const context = (state: unknown): FormatContext => ({
    ...base,
    entity,
    state: isRecord(state) ? state : {},
  });
  const beforeContext = context(entry.before);
  const afterContext = context(entry.after);
  return fieldChanges(entry.before, entry.after, entity)
    .map((change) => ({
      field: change.field,
      label: change.field ? fieldLabel(base.t, entity, change.field) : base.t("audit.value"),
      before: formatField(change.field, change.before, beforeContext),
      after: formatField(change.field, change.after, afterContext),
    }))
    .filter((row) => row.before !== row.after);
}

/** The file an event belongs to, by name: as it is now, else as the event recorded it, else "deleted". */
function fileName(t: TFunction, entry: AuditEntry): string {
  const recorded = (state: unknown) =>
    entry.entityType === "client_file" && isRecord(state) && typeof state.displayName === "string"
      ? state.displayName
      : null;
  const file = entry.clientFile;
  const name = file?.displayName ?? recorded(entry.before) ?? recorded(entry.after) ?? t("audit.deletedFile");
  return file?.number ? `${name} (${file.number})` : name;
}

/** The instant in the reader's language and time zone. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** One event of a timeline: who, when, what, and each changed field with its old and new value. */
export function AuditEntryView({ entry, showFile = false }: { entry: AuditEntry; showFile?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "de";
  // The firm log has loaded the staff for its filter; their names stand in for user ids where known.
  const actors = useQueryClient().getQueryData(auditActorsQuery.queryKey);
  const staffName = (userId: string) => actors?.find((actor) => actor.userId === userId)?.name;
  const changes = changeRows(entry, { t, language, staffName });
  const who =
    entry.actor.name ??
    t(`audit.actorKinds.${entry.actor.kind}` as never, { defaultValue: entry.actor.kind } as never);

  return (
    <article className="flex flex-col gap-2">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="font-medium text-slate-900">{actionLabel(t, entry.action)}</h3>
        <p className="text-sm text-slate-600">
          {t("audit.byAt", { who: String(who) })}{" "}
          <time dateTime={entry.at}>{formatTime(entry.at, language)}</time>
        </p>
      </header>
      {showFile && entry.clientFile ? (
        <p className="text-sm text-slate-700">
          {t("audit.file")}: <span className="font-medium">{fileName(t, entry)}</span>
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
                  {change.label}
                </th>
                <td className="break-words py-1 pr-3 text-slate-500 line-through decoration-slate-300">
                  {change.before}
                </td>
                <td className="break-words py-1 text-slate-900">{change.after}</td>
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
