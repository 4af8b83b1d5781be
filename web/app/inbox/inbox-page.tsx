import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseStatus, type CaseSummary, caseStatuses, inboxCaseKinds } from "../../../contracts/cases";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { cn } from "../../ui/cn";
import { controlClass } from "../../ui/field";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { PageHeading } from "../../ui/page-heading";
import { Select } from "../../ui/select";
import { useDocumentTitle } from "../../ui/use-document-title";
import { staffChoicesQuery } from "../clients/clients-api";
import { CaseStatusTag, UnreadMark } from "./case-labels";
import { formatMoment } from "./case-send";
import { type InboxFilters, inboxQuery } from "./inbox-api";
import type { InboxSearch } from "./routes";

const SEARCH_DELAY_MS = 300;

/** The filters the API gets: no status given means the open cases; "all" means every status. */
function toFilters(search: InboxSearch): InboxFilters {
  const status = search.status === "all" ? undefined : (search.status ?? "open");
  const assignee = search.assignee === "all" ? undefined : search.assignee;
  return { status, kind: search.kind, assignee, clientFileId: search.clientFileId, q: search.q };
}

/**
 * `/app/inbox`: every case the staff member sees (CASE-1) — by status with counts, filtered by kind,
 * assignee, client file and words, latest activity first, unread ones marked.
 */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("cases.inbox.title"));
  const search = useSearch({ from: "/app/inbox" });
  const navigate = useNavigate({ from: "/app/inbox" });
  const filters = toFilters(search);
  const list = useInfiniteQuery(inboxQuery(filters));
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const counts = list.data?.pages[0]?.counts;
  const setSearch = (changes: Partial<InboxSearch>) =>
    void navigate({ search: (current) => ({ ...current, ...changes }), replace: true });
  const fileName = rows.find((row) => row.clientFile.id === search.clientFileId)?.clientFile.displayName;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <PageHeading>{t("cases.inbox.title")}</PageHeading>
        <p className="mt-1 text-slate-700">{t("cases.inbox.intro")}</p>
      </div>
      <StatusTabs
        current={search.status ?? "open"}
        counts={counts}
        onChange={(status) => setSearch({ status: status === "open" ? undefined : status })}
      />
      <Filters search={search} setSearch={setSearch} fileName={fileName} />
      {list.isPending ? (
        <Loading />
      ) : list.isError && rows.length === 0 ? (
        <LoadError heading="h2" error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t("cases.inbox.empty")}</p>
        </Card>
      ) : (
        <>
          <ul
            aria-label={t("cases.inbox.listLabel")}
            className="flex flex-col gap-2"
            data-testid="inbox-list"
          >
            {rows.map((row) => (
              <InboxRow key={row.id} row={row} />
            ))}
          </ul>
          {list.hasNextPage ? (
            <Button
              variant="secondary"
              className="self-center"
              busy={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t("cases.inbox.loadMore")}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

const statusTabs = [...caseStatuses, "all"] as const;

function StatusTabs({
  current,
  counts,
  onChange,
}: {
  current: CaseStatus | "all";
  counts: Record<CaseStatus, number> | undefined;
  onChange: (status: CaseStatus | "all") => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-wrap gap-2">
      <legend className="sr-only">{t("cases.inbox.statusFilter")}</legend>
      {statusTabs.map((status) => {
        const count = status === "all" ? undefined : counts?.[status];
        return (
          <label
            key={status}
            className={cn(
              "inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border px-4 text-sm font-medium",
              "focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600",
              current === status
                ? "border-brand-700 bg-brand-700 text-white"
                : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
            )}
          >
            <input
              type="radio"
              name="inbox-status"
              className="sr-only"
              checked={current === status}
              onChange={() => onChange(status)}
            />
            {status === "all" ? t("cases.inbox.allStatuses") : t(`cases.status.${status}`)}
            {count !== undefined ? <span className="tabular-nums opacity-90">({count})</span> : null}
          </label>
        );
      })}
    </fieldset>
  );
}

/** A value that follows `value` once it stopped changing for `delay` ms (search as you type). */
function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

function Filters({
  search,
  setSearch,
  fileName,
}: {
  search: InboxSearch;
  setSearch: (changes: Partial<InboxSearch>) => void;
  fileName: string | undefined;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const staff = useQuery(staffChoicesQuery);
  const [words, setWords] = useState(search.q ?? "");
  const debounced = useDebounced(words.trim(), SEARCH_DELAY_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed words move the address.
  useEffect(() => {
    if (debounced !== (search.q ?? "")) setSearch({ q: debounced || undefined });
  }, [debounced]);

  return (
    <Card className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr]">
        <div className="flex flex-col gap-1.5 sm:col-span-2 lg:col-span-1">
          <label htmlFor={searchId} className="text-sm font-medium text-slate-800">
            {t("cases.inbox.search")}
          </label>
          <input
            id={searchId}
            type="search"
            value={words}
            onChange={(event) => setWords(event.target.value)}
            placeholder={t("cases.inbox.searchPlaceholder")}
            className={controlClass}
            maxLength={200}
          />
        </div>
        <Select
          label={t("cases.inbox.kindFilter")}
          value={search.kind ?? ""}
          onChange={(event) => setSearch({ kind: (event.target.value || undefined) as InboxSearch["kind"] })}
        >
          <option value="">{t("cases.inbox.allKinds")}</option>
          {inboxCaseKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`cases.kind.${kind}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t("cases.inbox.assigneeFilter")}
          value={search.assignee ?? "all"}
          onChange={(event) =>
            setSearch({ assignee: event.target.value === "all" ? undefined : event.target.value })
          }
        >
          <option value="all">{t("cases.inbox.assigneeAll")}</option>
          <option value="me">{t("cases.inbox.assigneeMe")}</option>
          <option value="unassigned">{t("cases.inbox.assigneeUnassigned")}</option>
          {(staff.data?.items ?? []).map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
        </Select>
      </div>
      {search.clientFileId ? (
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-800">
          <span>{t("cases.inbox.fileFilter", { name: fileName ?? t("cases.inbox.oneFile") })}</span>
          <Button variant="secondary" size="sm" onClick={() => setSearch({ clientFileId: undefined })}>
            {t("cases.inbox.allFiles")}
          </Button>
        </p>
      ) : null}
    </Card>
  );
}

function InboxRow({ row }: { row: CaseSummary }) {
  const { t } = useTranslation();
  return (
    <li
      data-testid="inbox-row"
      className={cn(
        "relative grid gap-x-4 gap-y-1 rounded-xl border bg-white px-4 py-3 shadow-sm hover:border-brand-600 md:grid-cols-[1fr_auto]",
        "focus-within:ring-2 focus-within:ring-brand-600",
        row.unread ? "border-brand-200" : "border-slate-200",
      )}
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
          <span>{t(`cases.kind.${row.kind}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{row.clientFile.displayName}</span>
          <span className="tabular-nums">{row.clientFile.number}</span>
        </p>
        <p
          className={cn("text-base break-words text-slate-900", row.unread ? "font-semibold" : "font-medium")}
        >
          {/* The whole row opens the case; the subject names the link. */}
          <Link
            to="/app/inbox/$caseId"
            params={{ caseId: row.id }}
            className="after:absolute after:inset-0 after:content-[''] focus:outline-none"
          >
            {row.subject}
          </Link>
        </p>
        <p className="text-sm text-slate-700">
          {row.kind === "confirmation"
            ? t("cases.confirmation.askedOf", { name: row.createdByName })
            : t("cases.inbox.from", { name: row.createdByName })}
          {" · "}
          {row.assignee
            ? t("cases.inbox.assignedTo", { name: row.assignee.name })
            : t("cases.inbox.unassigned")}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 md:flex-col md:items-end md:justify-center">
        <span className="flex items-center gap-2">
          {row.unread ? <UnreadMark /> : null}
          <CaseStatusTag status={row.status} audience="staff" />
        </span>
        <time dateTime={row.lastActivityAt} className="text-sm text-slate-600">
          {formatMoment(row.lastActivityAt)}
        </time>
      </div>
    </li>
  );
}
