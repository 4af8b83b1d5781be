import { createRoute } from "@tanstack/react-router";
import { rootRoute } from "../root";
import { PortalPage } from "./portal-page";

/** `/portal`: the client portal's entry. */
export const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portal",
  component: PortalPage,
});
