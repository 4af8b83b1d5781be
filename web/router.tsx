import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { accountRoute, forgotPasswordRoute, resetPasswordRoute } from "./account/routes";
import { grantRoute } from "./app/access/routes";
import { auditRoute } from "./app/audit/routes";
import { clientFileRoute, clientsRoute } from "./app/clients/routes";
import { importsRoute } from "./app/imports/routes";
import { inboxCaseRoute, inboxRoute } from "./app/inbox/routes";
import { devMailboxRoute, staffHomeRoute, staffRoute } from "./app/routes";
import { settingsRouteTree } from "./app/settings/routes";
import { staffTeamRoute } from "./app/staff/routes";
import { clientInviteRoute, staffInviteRoute } from "./invite/routes";
import { portalRoute } from "./portal/routes";
import { rootRoute } from "./root";
import { indexRoute, setupRoute } from "./setup/routes";
import { Loading } from "./ui/loading";

const routeTree = rootRoute.addChildren([
  indexRoute,
  setupRoute,
  staffRoute.addChildren([
    staffHomeRoute,
    clientsRoute,
    clientFileRoute,
    devMailboxRoute,
    settingsRouteTree,
    auditRoute,
    staffTeamRoute,
    importsRoute,
    grantRoute,
    inboxRoute,
    inboxCaseRoute,
  ]),
  portalRoute,
  staffInviteRoute,
  clientInviteRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  accountRoute,
]);

/** Builds the router of the whole SPA; guards reach the query cache through the context. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: () => <Loading className="min-h-dvh" />,
    // Guards read the query cache, which already decides freshness.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
