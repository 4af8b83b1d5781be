import { useTranslation } from "react-i18next";
import { cn } from "./cn";

/** A spinner with a spoken "Loading…", centred in the space it gets. */
export function Loading({ className }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      className={cn("flex items-center justify-center gap-3 py-16 text-slate-600", className)}
    >
      <span
        aria-hidden="true"
        className="size-5 motion-safe:animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
      />
      <span className="text-sm">{t("common.loading")}</span>
    </div>
  );
}
