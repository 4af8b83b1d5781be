import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CaseInbox } from "../../../contracts/cases";
import { api } from "../../ui/api";
import { useStaff } from "../staff-context";
import { inboxKeys, useOpenCount } from "./inbox-api";

/** "Inbox" in the staff navigation, with how many open cases wait for this staff member. */
export function InboxNavLink({ className }: { className: string }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const open = useOpenCount(staff.staffRole === "admin");
  const count = open.data ?? 0;
  return (
    <li>
      <Link to="/app/inbox" className={className} data-testid="inbox-nav">
        {t("cases.inbox.nav")}
        {count > 0 ? (
          <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white tabular-nums">
            <span aria-hidden="true">{count}</span>
            <span className="sr-only">{t("cases.inbox.openCount", { count })}</span>
          </span>
        ) : null}
      </Link>
    </li>
  );
}

/** On a client file: a link to its cases in the inbox, with how many are open. */
export function FileCasesLink({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const counts = useQuery({
    queryKey: [...inboxKeys.all, "file-counts", fileId],
    queryFn: ({ signal }) =>
      api<CaseInbox>(`/api/cases?clientFileId=${encodeURIComponent(fileId)}&limit=1`, { signal }),
    select: (inbox) => inbox.counts,
  });
  const open = counts.data?.open ?? 0;
  return (
    <Link
      to="/app/inbox"
      search={{ clientFileId: fileId, status: "all" }}
      className="inline-flex min-h-9 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
    >
      {t("cases.inbox.fileCases")}
      {open > 0 ? (
        <span className="tabular-nums">({t("cases.inbox.openCount", { count: open })})</span>
      ) : null}
    </Link>
  );
}
