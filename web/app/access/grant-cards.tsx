import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { GrantSummary } from "../../../contracts/grants";
import { Card } from "../../ui/card";
import { Pill } from "../records/record-table";

/** A grant as the cards show it; from a file's Access tab it also says whether it can be opened. */
type CardGrant = GrantSummary & { canOpen?: boolean; hiddenFileCount?: number };

/**
 * Grants as cards: name (opening the editor), bundled files, how contracts are shared, grantees by
 * status. A grant that also bundles files the staff member may not open is named without a link,
 * with those files counted and a short word on why.
 */
export function GrantCards({ grants, empty }: { grants: readonly CardGrant[]; empty: string }) {
  const { t } = useTranslation();
  if (grants.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {grants.map((grant) => {
        const counts = grant.granteeCounts;
        const byStatus = (["active", "pending", "locked", "expired", "revoked"] as const).filter(
          (s) => counts[s] > 0,
        );
        const canOpen = grant.canOpen ?? true;
        const hidden = grant.hiddenFileCount ?? 0;
        return (
          <li key={grant.id}>
            <Card className="flex h-full flex-col gap-2 p-4 sm:p-4">
              {canOpen ? (
                <Link
                  to="/app/grants/$grantId"
                  params={{ grantId: grant.id }}
                  className="font-semibold text-brand-800 underline-offset-2 hover:underline"
                >
                  {grant.name}
                </Link>
              ) : (
                <span className="font-semibold text-slate-900">{grant.name}</span>
              )}
              <p className="text-sm text-slate-700">
                <span className="sr-only">{t("access.grant.files")}: </span>
                {[
                  ...grant.files.map((f) => `${f.displayName} (${f.number})`),
                  ...(hidden > 0 ? [t("access.grant.hiddenFiles", { count: hidden })] : []),
                ].join(", ")}
              </p>
              <div className="flex flex-wrap gap-2">
                <Pill>{t(`access.contractMode.${grant.contractMode}`)}</Pill>
                <Pill>{t(`access.view.${grant.view}`)}</Pill>
              </div>
              <p className="text-sm text-slate-600">
                {counts.total === 0
                  ? t("access.grant.noGrantees")
                  : [
                      t("access.grant.granteeCount", { count: counts.total }),
                      ...byStatus.map((s) => `${counts[s]} ${t(`access.status.${s}`)}`),
                    ].join(" · ")}
              </p>
              {canOpen ? null : <p className="text-sm text-slate-600">{t("access.grant.cannotOpen")}</p>}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
