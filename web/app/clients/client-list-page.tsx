import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ClientFileKind, clientFileKinds } from "../../../contracts/clients";
import { useUiLanguage } from "../../i18n/use-ui-language";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { cn } from "../../ui/cn";
import { controlClass } from "../../ui/field";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { PageHeading } from "../../ui/page-heading";
import { Select } from "../../ui/select";
import { useDocumentTitle } from "../../ui/use-document-title";
import { BulkInviteDialog } from "./bulk-invite-dialog";
import { clientListQuery, type ListParams, selectAllMatching, staffChoicesQuery } from "./clients-api";
import { NewClientDialog } from "./new-client-dialog";

const SEARCH_DELAY_MS = 300;

/** A value that follows `value` once it stopped changing for `delay` ms (search as you type). */
function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

type SortKey = ListParams["sort"];

/**
 * `/app/clients`: the client list (FILE-1) with search, filters, sortable columns, keyset "load more",
 * and a selection — of rows on screen or of everything the filter matches — kept for bulk actions.
 */
export function ClientListPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  useDocumentTitle(t("clients.listTitle"));
  const searchId = useId();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const [kind, setKind] = useState<ClientFileKind | "">("");
  const [caseOwnerId, setCaseOwnerId] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; dir: "asc" | "desc" }>({ key: "name", dir: "asc" });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState(false);
  /** The files the bulk invitation was opened for (kept while it is open, whatever the list does). */
  const [inviting, setInviting] = useState<readonly string[]>();

  const params: ListParams = {
    q: q || undefined,
    kind: kind || undefined,
    caseOwnerId: caseOwnerId || undefined,
    sort: sort.key,
    dir: sort.dir,
  };
  const list = useInfiniteQuery(clientListQuery(params));
  const staff = useQuery(staffChoicesQuery);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selectMatching = useMutation({
    mutationFn: () => selectAllMatching({ q: params.q, kind: params.kind, caseOwnerId: params.caseOwnerId }),
    onSuccess: (result) => setSelected(new Set(result.ids)),
  });

  const dateFormat = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: "medium" }), [language]);
  const allOnPageSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const togglePage = () =>
    setSelected((current) => {
      const next = new Set(current);
      for (const row of rows) {
        if (allOnPageSelected) next.delete(row.id);
        else next.add(row.id);
      }
      return next;
    });
  const sortBy = (key: SortKey) =>
    setSort((current) => ({ key, dir: current.key === key && current.dir === "asc" ? "desc" : "asc" }));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <PageHeading>{t("clients.listTitle")}</PageHeading>
          <p className="mt-1 text-slate-700">{t("clients.listIntro")}</p>
        </div>
        <Button onClick={() => setCreating(true)}>{t("clients.newFile")}</Button>
      </div>

      <Card className="flex flex-col gap-4">
        {/* Tablets: search on its own row, the two filters beside each other below it. */}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr]">
          <div className="flex flex-col gap-1.5 sm:col-span-2 lg:col-span-1">
            <label htmlFor={searchId} className="text-sm font-medium text-slate-800">
              {t("clients.search")}
            </label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder={t("clients.searchPlaceholder")}
              className={controlClass}
              maxLength={200}
            />
          </div>
          <Select
            label={t("clients.kindFilter")}
            value={kind}
            onChange={(e) => setKind(e.target.value as ClientFileKind | "")}
          >
            <option value="">{t("clients.allKinds")}</option>
            {clientFileKinds.map((k) => (
              <option key={k} value={k}>
                {t(`clients.kind.${k}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("clients.caseOwnerFilter")}
            value={caseOwnerId}
            onChange={(e) => setCaseOwnerId(e.target.value)}
          >
            <option value="">{t("clients.allCaseOwners")}</option>
            {(staff.data?.items ?? [])
              .filter((m) => m.canOwn)
              .map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
          </Select>
        </div>

        <div className="flex min-h-9 flex-wrap items-center gap-3 text-sm text-slate-700">
          {/* Only the count is announced: the buttons beside it appear and go with the selection. */}
          <span data-testid="selection-count" role="status" aria-live="polite">
            {t("clients.selectedCount", { count: selected.size })}
          </span>
          <Button
            variant="secondary"
            size="sm"
            busy={selectMatching.isPending}
            onClick={() => selectMatching.mutate()}
          >
            {t("clients.selectAllMatching")}
          </Button>
          {selected.size > 0 ? (
            <>
              <Button size="sm" onClick={() => setInviting([...selected])}>
                {t("clients.bulkInvite.open")}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setSelected(new Set())}>
                {t("clients.clearSelection")}
              </Button>
            </>
          ) : null}
          {selectMatching.data?.truncated ? (
            <span className="text-amber-800">
              {t("clients.selectionTruncated", { count: selectMatching.data.ids.length })}
            </span>
          ) : null}
        </div>
        {selectMatching.isError ? <Alert>{errorMessage(selectMatching.error)}</Alert> : null}
      </Card>

      {list.isPending ? (
        <Loading />
      ) : list.isError && rows.length === 0 ? (
        <LoadError heading="h2" error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Card>
          <p className="text-slate-700">
            {q || kind || caseOwnerId ? t("clients.noMatches") : t("clients.empty")}
          </p>
        </Card>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">{t("clients.listTitle")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="w-12 px-4 py-2">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={allOnPageSelected}
                    onChange={togglePage}
                    aria-label={t("clients.selectPage")}
                  />
                </th>
                <SortHeader label={t("clients.columnName")} column="name" sort={sort} onSort={sortBy} />
                <SortHeader label={t("clients.columnNumber")} column="number" sort={sort} onSort={sortBy} />
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("clients.columnKind")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("clients.columnCaseOwner")}
                </th>
                <SortHeader label={t("clients.columnUpdated")} column="updated" sort={sort} onSort={sortBy} />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id} className={cn(selected.has(row.id) && "bg-brand-50")}>
                  <td className="px-4 py-2">
                    <input
                      type="checkbox"
                      className="size-4"
                      checked={selected.has(row.id)}
                      onChange={() => toggle(row.id)}
                      aria-label={t("clients.selectRow", { name: row.displayName })}
                    />
                  </td>
                  <td className="px-4 py-2">
                    <Link
                      to="/app/clients/$fileId"
                      params={{ fileId: row.id }}
                      className="font-medium text-brand-800 underline-offset-2 hover:underline"
                    >
                      {row.displayName}
                    </Link>
                  </td>
                  <td className="px-4 py-2 tabular-nums">{row.number}</td>
                  <td className="px-4 py-2">{t(`clients.kind.${row.kind}`)}</td>
                  <td className="px-4 py-2">{row.caseOwner.name}</td>
                  <td className="px-4 py-2 tabular-nums">{dateFormat.format(new Date(row.updatedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.hasNextPage ? (
        <Button
          variant="secondary"
          className="self-center"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t("clients.loadMore")}
        </Button>
      ) : null}
      {list.isError && rows.length > 0 ? <Alert>{errorMessage(list.error)}</Alert> : null}

      <NewClientDialog open={creating} onClose={() => setCreating(false)} />
      <BulkInviteDialog
        open={inviting !== undefined}
        fileIds={inviting ?? []}
        onClose={() => setInviting(undefined)}
      />
    </div>
  );
}

function SortHeader({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: SortKey;
  sort: { key: SortKey; dir: "asc" | "desc" };
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === column;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
      className="px-4 py-1"
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className="inline-flex min-h-9 items-center gap-1 rounded font-medium hover:text-slate-900"
      >
        {label}
        <span aria-hidden="true" className={cn("text-xs", !active && "text-slate-400")}>
          {active && sort.dir === "desc" ? "▼" : "▲"}
        </span>
      </button>
    </th>
  );
}
