import { useTranslation } from "react-i18next";
import type { CaseStatus } from "../../../contracts/cases";
import { cn } from "../../ui/cn";

const tones: Record<CaseStatus, string> = {
  open: "bg-amber-50 text-amber-900 ring-amber-200",
  waiting_for_client: "bg-sky-50 text-sky-900 ring-sky-200",
  done: "bg-emerald-50 text-emerald-900 ring-emerald-200",
};

/**
 * A case's status as a calm label. Clients read it from their side ("We are on it", "Your answer is
 * needed", "Done"); staff read the inbox's words.
 */
export function CaseStatusTag({
  status,
  audience,
  className,
}: {
  status: CaseStatus;
  audience: "staff" | "client";
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <span
      data-testid="case-status"
      className={cn(
        "inline-flex items-center rounded-full px-3 py-1 text-sm font-medium whitespace-nowrap ring-1",
        tones[status],
        className,
      )}
    >
      {audience === "staff" ? t(`cases.status.${status}`) : t(`cases.clientStatus.${status}`)}
    </span>
  );
}

/** The dot and the words "New" for something not read yet; screen readers hear the words. */
export function UnreadMark() {
  const { t } = useTranslation();
  return (
    <span
      data-testid="unread"
      className="inline-flex items-center gap-1.5 rounded-full bg-brand-700 px-2.5 py-0.5 text-xs font-semibold text-white"
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-white" />
      {t("cases.unread")}
    </span>
  );
}
