import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ContractSummary } from "../../../contracts/records";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { IconButton } from "../../ui/icon-button";
import type { RecordDialogState } from "./record-dialog";
import { contractName } from "./record-format";

/** A records tab: its heading, an optional toolbar (filters), the add button and the content. */
export function RecordSection({
  title,
  addLabel,
  onAdd,
  toolbar,
  children,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  toolbar?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="flex flex-col gap-4" aria-label={title}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
        <div className="flex flex-wrap items-end gap-3">
          {toolbar}
          <Button onClick={onAdd}>
            <span aria-hidden="true">+</span>
            {addLabel}
          </Button>
        </div>
      </div>
      {children}
    </section>
  );
}

/**
 * One column of a RecordTable: its header and how a row fills its cell; `numeric` right-aligns in
 * tabular figures, `wide` hides the column below laptop width, `className` styles the body cells.
 */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  wide?: boolean;
  className?: string;
}

/**
 * The records of a tab in a scrolling, bordered table (`label` names it for screen readers), each row
 * ending in its edit and delete buttons; `empty` is shown instead when there are no rows.
 */
export function RecordTable<T extends { id: string }>({
  label,
  rows,
  columns,
  empty,
  rowName,
  dialogs,
  extraAction,
}: {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  empty: ReactNode;
  /** How the row's buttons name the record ("Edit …", "Delete …"). */
  rowName: (row: T) => string;
  dialogs: Pick<RecordDialogState<T>, "openEdit" | "openDelete">;
  /** A further action before edit and delete (e.g. "who sees this in the portal?"). */
  extraAction?: (row: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    // `relative`: the header's screen-reader-only label must scroll with the table, not widen the page.
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table aria-label={label} className="w-full border-collapse text-left text-sm">
        <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((column) => (
              <Th key={column.header} numeric={column.numeric} wide={column.wide}>
                {column.header}
              </Th>
            ))}
            <Th>
              <span className="sr-only">{t("records.common.actions")}</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) => (
                <Td
                  key={column.header}
                  numeric={column.numeric}
                  wide={column.wide}
                  className={column.className}
                >
                  {column.cell(row)}
                </Td>
              ))}
              <RowActions
                name={rowName(row)}
                onEdit={() => dialogs.openEdit(row)}
                onDelete={() => dialogs.openDelete(row)}
                extra={extraAction?.(row)}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A header cell; `numeric` right-aligns, `wide` hides the column below laptop width. */
function Th({ children, numeric, wide }: { children?: ReactNode; numeric?: boolean; wide?: boolean }) {
  return (
    <th
      scope="col"
      className={cn("px-3 py-2.5 whitespace-nowrap", numeric && "text-right", wide && "hidden lg:table-cell")}
    >
      {children}
    </th>
  );
}

/** A body cell matching Th's options; numbers are right-aligned in tabular figures. */
function Td({
  children,
  numeric,
  wide,
  className,
}: {
  children?: ReactNode;
  numeric?: boolean;
  wide?: boolean;
  className?: string;
}) {
  return (
    <td
      className={cn(
        "px-3 py-2.5 align-top text-slate-800",
        numeric && "text-right tabular-nums whitespace-nowrap",
        wide && "hidden lg:table-cell",
        className,
      )}
    >
      {children}
    </td>
  );
}

/** Edit and delete icon buttons of one row, named after the record for screen readers and on hover. */
function RowActions({
  name,
  onEdit,
  onDelete,
  extra,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <td className="px-2 py-1.5 text-right align-top whitespace-nowrap">
      <div className="inline-flex gap-1">
        {extra}
        <IconButton
          label={t("records.common.editItem", { name })}
          onClick={onEdit}
          path="M4 20h4L18.5 9.5a2.1 2.1 0 0 0-4-4L4 16v4Z M13.5 6.5l4 4"
        />
        <IconButton
          label={t("records.common.deleteItem", { name })}
          onClick={onDelete}
          path="M4 7h16 M10 11v6 M14 11v6 M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12 M9 7V4h6v3"
          className="text-red-700 hover:bg-red-50"
        />
      </div>
    </td>
  );
}

/** The quiet line shown where a table has no rows. */
function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-600">
      {children}
    </p>
  );
}

const badgeTones = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-200",
  brand: "bg-brand-50 text-brand-800 ring-brand-100",
  green: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  red: "bg-red-50 text-red-900 ring-red-200",
  sky: "bg-sky-50 text-sky-900 ring-sky-200",
} as const;

/** A small coloured label (status, category, kind). */
export function Pill({
  tone = "neutral",
  children,
}: {
  tone?: keyof typeof badgeTones;
  children: ReactNode;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1",
        badgeTones[tone],
      )}
    >
      {children}
    </span>
  );
}

/** The tone of each badge value, so the same meaning always looks the same. */
export const toneOf: Record<string, keyof typeof badgeTones> = {
  request: "sky",
  offer: "sky",
  application: "amber",
  policy: "green",
  own: "green",
  foreign: "neutral",
  partly_foreign: "neutral",
  info: "neutral",
  locked: "red",
  dormant: "amber",
  cancelled: "red",
  open: "amber",
  in_progress: "sky",
  settled: "green",
  rejected: "red",
  closed: "neutral",
};

/** A contract as lists show it: its line of business code in bold, then its name. */
export function ContractWithLine({ contract }: { contract: ContractSummary }) {
  return (
    <>
      {contract.lineOfBusiness ? (
        <span className="font-medium">{contract.lineOfBusiness.code} · </span>
      ) : null}
      {contractName(contract)}
    </>
  );
}
