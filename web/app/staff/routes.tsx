import { createRoute } from "@tanstack/react-router";
import { staffRoute } from "../routes";
import { StaffPage } from "./staff-page";

/** `/app/staff`: the team and its invitations. */
export const staffTeamRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/staff",
  component: StaffPage,
});
