import { createRoute, redirect } from "@tanstack/react-router";
import { rootRoute } from "../root";
import { setupStatusQuery } from "./setup-api";
import { SetupPage } from "./setup-page";

/** `/`: sends a visitor to setup while it is needed, else to the staff area. */
export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupStatusQuery);
    throw redirect({ to: needsSetup ? "/setup" : "/app", replace: true });
  },
});

/** `/setup`: the first-run form; once setup is done it only redirects to the staff area. */
export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  beforeLoad: async ({ context }) => {
    const { needsSetup } = await context.queryClient.fetchQuery(setupStatusQuery);
    if (!needsSetup) throw redirect({ to: "/app", replace: true });
  },
  component: SetupPage,
});
