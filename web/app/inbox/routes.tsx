import { createRoute } from "@tanstack/react-router";
import { type CaseStatus, caseStatuses, type InboxCaseKind, inboxCaseKinds } from "../../../contracts/cases";
import { staffRoute } from "../routes";
import { CaseDetailPage } from "./case-detail-page";
import type { InboxFilters } from "./inbox-api";
import { InboxPage } from "./inbox-page";

/** The inbox's filters in the address, so a filtered inbox can be bookmarked and linked to. */
export type InboxSearch = Omit<InboxFilters, "status"> & { status?: CaseStatus | "all" };

function text(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, max) : undefined;
}

/** `/app/inbox?status=&kind=&assignee=&clientFileId=&q=`: the firm's inbox (CASE-1); open cases first. */
export const inboxRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/inbox",
  validateSearch: (search: Record<string, unknown>): InboxSearch => {
    const status = (caseStatuses as readonly unknown[]).includes(search.status)
      ? (search.status as CaseStatus)
      : search.status === "all"
        ? "all"
        : undefined;
    const kind = (inboxCaseKinds as readonly unknown[]).includes(search.kind)
      ? (search.kind as InboxCaseKind)
      : undefined;
    return {
      status,
      kind,
      assignee: text(search.assignee, 100),
      clientFileId: text(search.clientFileId, 36),
      q: text(search.q, 200),
    };
  },
  component: InboxPage,
});

/** `/app/inbox/$caseId`: one case with its thread, reply, status and assignee. */
export const inboxCaseRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/inbox/$caseId",
  component: CaseDetailRoute,
});

function CaseDetailRoute() {
  const { caseId } = inboxCaseRoute.useParams();
  // Another case is another page: the reply box starts empty.
  return <CaseDetailPage key={caseId} caseId={caseId} />;
}
