import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";

/** The three steps of the bulk invitation dialog. */
export const bulkSteps = ["options", "check", "send"] as const;
export type BulkStep = (typeof bulkSteps)[number];

/** "1 Options · 2 Check · 3 Send", the current step marked for screen readers too. */
export function Stepper({ current }: { current: BulkStep }) {
  const { t } = useTranslation();
  const index = bulkSteps.indexOf(current);
  return (
    <ol aria-label={t("clients.bulkInvite.stepsLabel")} className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
      {bulkSteps.map((step, i) => (
        <li
          key={step}
          aria-current={i === index ? "step" : undefined}
          className={cn(
            "flex items-center gap-2",
            i === index ? "font-semibold text-slate-900" : "text-slate-600",
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              "inline-flex size-6 items-center justify-center rounded-full border text-xs",
              i < index && "border-brand-700 bg-brand-700 text-white",
              i === index && "border-brand-700 text-brand-800",
              i > index && "border-slate-300",
            )}
          >
            {i < index ? "✓" : i + 1}
          </span>
          <span>{t(`clients.bulkInvite.step.${step}`)}</span>
        </li>
      ))}
    </ol>
  );
}

/** A button of a step's footer. */
interface StepButton {
  label: string;
  onClick?: () => void;
  busy?: boolean;
  busyLabel?: string;
  disabled?: boolean;
}

/**
 * A step's footer: the way back (or out) and the way on. The primary button submits the step's form;
 * on phones the buttons stack with the primary one on top.
 */
export function StepButtons({ secondary, primary }: { secondary: StepButton; primary?: StepButton }) {
  return (
    <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
      <Button variant="secondary" onClick={secondary.onClick}>
        {secondary.label}
      </Button>
      {primary ? (
        <Button
          type={primary.onClick ? "button" : "submit"}
          onClick={primary.onClick}
          busy={primary.busy}
          disabled={primary.disabled}
        >
          {primary.busy && primary.busyLabel ? primary.busyLabel : primary.label}
        </Button>
      ) : null}
    </div>
  );
}

/** One line of a plain-words summary, optionally with the files it names behind a disclosure. */
export function SummaryLine({
  tone = "neutral",
  text,
  testId,
  files,
  showLabel,
}: {
  tone?: "ready" | "neutral" | "warning";
  text: string;
  testId?: string;
  files?: Array<{ fileId: string; fileName: string }>;
  showLabel?: string;
}) {
  return (
    <li className="flex min-w-0 items-start gap-2 text-sm">
      <span
        aria-hidden="true"
        className={cn(
          "mt-1.5 size-2 shrink-0 rounded-full",
          tone === "ready" && "bg-emerald-600",
          tone === "neutral" && "bg-slate-400",
          tone === "warning" && "bg-amber-500",
        )}
      />
      <div className="min-w-0 flex-1">
        <span data-testid={testId} className="text-slate-900">
          {text}
        </span>
        {files && files.length > 0 ? <FileDisclosure files={files} label={showLabel ?? ""} /> : null}
      </div>
    </li>
  );
}

/** A collapsible list of file names (native <details>: keyboard and screen readers know it). */
function FileDisclosure({
  files,
  label,
}: {
  files: Array<{ fileId: string; fileName: string }>;
  label: string;
}) {
  return (
    <details className="mt-1">
      <summary className="inline-flex min-h-9 cursor-pointer items-center rounded text-sm font-medium text-brand-800 underline-offset-2 hover:underline">
        {label}
      </summary>
      <ul className="mt-1 flex max-h-48 flex-col gap-0.5 overflow-y-auto pl-4 text-slate-700">
        {files.map((f) => (
          <li key={f.fileId} className="list-disc break-words">
            {f.fileName}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A small heading inside a step. */
export function StepSection({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={cn("flex min-w-0 flex-col gap-3", className)}>
      <h3 id={titleId} className="text-base font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}
