import { createRoute } from "@tanstack/react-router";
import { rootRoute } from "../root";
import { AccountPage } from "./account-page";
import { ForgotPasswordPage } from "./forgot-password-page";
import { ResetPasswordPage } from "./reset-password-page";
import type { SignInArea } from "./sign-in-area";

/** `/forgot-password?from=app|portal`: ask for a reset link (no session needed). */
export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  validateSearch: (search: Record<string, unknown>): { from?: SignInArea } =>
    search.from === "app" || search.from === "portal" ? { from: search.from } : {},
  component: ForgotPasswordPage,
});

/** `/reset-password#token=…`: choose a new password from an emailed link (no session needed). */
export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  component: ResetPasswordPage,
});

/** `/account`: the signed-in account's own page (sessions), for clients and staff alike. */
export const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account",
  component: AccountPage,
});
