import { createRoute } from "@tanstack/react-router";
import { rootRoute } from "../root";
import { StaffInvitePage } from "./staff-invite-page";

/** `/invite/staff#token=…`: the public page behind a staff invitation link (no session needed). */
export const staffInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/staff",
  component: StaffInvitePage,
});
