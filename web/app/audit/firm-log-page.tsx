import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../ui/card";
import { PageHeading } from "../../ui/page-heading";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { useDocumentTitle } from "../../ui/use-document-title";
import { useStaff } from "../staff-context";
import { ActionFilter, firmActionPrefixes } from "./action-filter";
import { auditActorsQuery, type FirmLogFilters, firmLogExportUrl, firmLogQuery } from "./audit-api";
import { Timeline } from "./timeline";

const noFilters: FirmLogFilters = { action: "", actorUserId: "", from: "", to: "" };

/** `/app/audit`: the firm-wide log for admins, filtered by what, who and when, exportable as CSV. */
export function FirmLogPage() {
  const { t } = useTranslation();
  const staff = useStaff();
  useDocumentTitle(t("audit.firmLogTitle"));
  if (staff.staffRole !== "admin") {
    return (
      <Card className="flex flex-col gap-2">
        <PageHeading className="text-xl">{t("audit.firmLogTitle")}</PageHeading>
        <p className="text-slate-700">{t("audit.adminsOnly")}</p>
      </Card>
    );
  }
  return <FirmLog />;
}

function FirmLog() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<FirmLogFilters>(noFilters);
  const actors = useQuery(auditActorsQuery);
  const log = useInfiniteQuery(firmLogQuery(filters));
  const set = (patch: Partial<FirmLogFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const rangeWrong = filters.from !== "" && filters.to !== "" && filters.to < filters.from;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <PageHeading>{t("audit.firmLogTitle")}</PageHeading>
          <p className="mt-1 text-sm text-slate-600">{t("audit.firmLogIntro")}</p>
        </div>
        <a
          href={firmLogExportUrl(filters)}
          download
          className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
        >
          {t("audit.export")}
        </a>
      </div>
      <Card>
        <form
          aria-label={t("audit.filtersLabel")}
          onSubmit={(event) => event.preventDefault()}
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
        >
          <ActionFilter
            value={filters.action}
            onChange={(action) => set({ action })}
            prefixes={firmActionPrefixes}
          />
          <Select
            label={t("audit.filterActor")}
            value={filters.actorUserId}
            onChange={(event) => set({ actorUserId: event.target.value })}
          >
            <option value="">{t("audit.allActors")}</option>
            {(actors.data ?? []).map((actor) => (
              <option key={actor.userId} value={actor.userId}>
                {actor.active ? actor.name : t("audit.inactiveActor", { name: actor.name })}
              </option>
            ))}
          </Select>
          <TextField
            label={t("audit.filterFrom")}
            type="date"
            value={filters.from}
            onChange={(event) => set({ from: event.target.value })}
          />
          <TextField
            label={t("audit.filterTo")}
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            error={rangeWrong ? t("audit.rangeWrong") : undefined}
            onChange={(event) => set({ to: event.target.value })}
          />
        </form>
      </Card>
      <Card>{rangeWrong ? null : <Timeline query={log} showFile label={t("audit.firmLogTitle")} />}</Card>
    </div>
  );
}
