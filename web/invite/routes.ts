import { createRoute } from "@tanstack/react-router";
import { rootRoute } from "../root";
import { ClientInvitePage } from "./client-invite-page";
import { StaffInvitePage } from "./staff-invite-page";

/** `/invite/staff#token=…`: the public page behind a staff invitation link (no session needed). */
export const staffInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/staff",
  component: StaffInvitePage,
});

/** `/invite/client#token=…`: a client registers from an invitation link (no session needed). */
export const clientInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/client",
  component: ClientInvitePage,
});
