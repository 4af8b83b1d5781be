import { createRoute } from "@tanstack/react-router";
import { staffRoute } from "../routes";
import { ImportsPage } from "./imports-page";

/** `/app/imports`: CSV import (admins). */
export const importsRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/imports",
  component: ImportsPage,
});
