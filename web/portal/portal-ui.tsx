import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "../ui/cn";
import { DialogForm as SharedDialogForm } from "../ui/dialog-form";
import { Modal, type ModalProps } from "../ui/modal";
import { PageHeading } from "../ui/page-heading";

// The portal's building blocks: calm cards with plain labels, large enough to read and tap on a phone.

/** A page's heading with an optional action beside it (e.g. "Add asset"); stacks on phones. */
export function SectionHeader({
  title,
  intro,
  action,
}: {
  title: string;
  intro?: string;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="flex flex-col gap-1">
        <PageHeading>{title}</PageHeading>
        {intro ? <p className="text-base text-slate-700">{intro}</p> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}

/** A list of entries as cards; a screen reader hears it as a list named `label`. */
export function ItemList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-3">
      {children}
    </ul>
  );
}

/** One entry: its title (and a small line above it), its details, and its buttons at the end. */
export function ItemCard({
  title,
  overline,
  badge,
  children,
  actions,
}: {
  title: ReactNode;
  overline?: ReactNode;
  badge?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          {overline ? <p className="text-sm text-slate-600">{overline}</p> : null}
          <h2 className="text-lg font-semibold break-words text-slate-900">{title}</h2>
        </div>
        {badge}
      </div>
      {children ? <div className="mt-3">{children}</div> : null}
      {actions ? <div className="mt-4 flex flex-wrap gap-3">{actions}</div> : null}
    </li>
  );
}

/** A label and its value; entries with an empty value are left out. */
export type Detail = [label: string, value: ReactNode];

/** Label–value pairs, one under another on phones and in two columns on wider screens. */
export function Details({ items, className }: { items: Detail[]; className?: string }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (shown.length === 0) return null;
  return (
    <dl className={cn("grid gap-x-6 gap-y-2 sm:grid-cols-2", className)}>
      {shown.map(([label, value]) => (
        <div key={label} className="flex flex-col">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="text-base break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A small, calm label on a card (a status, a kind). */
export function Tag({ children, tone = "neutral" }: { children: ReactNode; tone?: "neutral" | "brand" }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-3 py-1 text-sm font-medium ring-1",
        tone === "brand"
          ? "bg-brand-50 text-brand-800 ring-brand-100"
          : "bg-slate-100 text-slate-800 ring-slate-200",
      )}
    >
      {children}
    </span>
  );
}

/** What a page says when it has nothing to show. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-base text-slate-700">
      {children}
    </p>
  );
}

/** The portal's dialog: nearly a phone's whole width, larger type; its content starts fresh each time. */
export function PortalDialog(props: Omit<ModalProps, "size">) {
  return <Modal size="portal" {...props} />;
}

/** A form in a dialog: the message no field could show, the fields, then "Cancel" and "Save". */
export function DialogForm(props: Omit<ComponentProps<typeof SharedDialogForm>, "labels">) {
  const { t } = useTranslation();
  const labels = {
    cancel: t("portal.common.cancel"),
    save: t("portal.common.save"),
    saving: t("portal.common.saving"),
  };
  return <SharedDialogForm labels={labels} {...props} />;
}
