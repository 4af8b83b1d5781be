import { createRoute, redirect } from "@tanstack/react-router";
import { rootRoute } from "../root";
import { setupStatusQuery } from "../setup/setup-api";
import { DevMailboxPage } from "./dev-mailbox-page";
import { StaffArea } from "./staff-area";
import { StaffHome } from "./staff-home";

/** `/app`: the staff area; before setup there is nobody to sign in, so it sends to `/setup`. */
export const staffRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/app",
  beforeLoad: async ({ context }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (needsSetup) throw redirect({ to: "/setup", replace: true });
  },
  component: StaffArea,
});

/** `/app/`: the staff welcome page. */
export const staffHomeRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/",
  component: StaffHome,
});

/** `/app/dev/mailbox?mail=<id>`: the development mailbox; the open mail lives in the URL. */
export const devMailboxRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/dev/mailbox",
  validateSearch: (search: Record<string, unknown>): { mail?: string } =>
    typeof search.mail === "string" && search.mail !== "" ? { mail: search.mail } : {},
  component: DevMailboxRoute,
});

function DevMailboxRoute() {
  const { mail } = devMailboxRoute.useSearch();
  return <DevMailboxPage selectedId={mail} />;
}
