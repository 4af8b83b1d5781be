import { createRoute } from "@tanstack/react-router";
import { staffRoute } from "../routes";
import { FirmLogPage } from "./firm-log-page";

/** `/app/audit`: the firm-wide audit log (admins). */
export const auditRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/audit",
  component: FirmLogPage,
});
