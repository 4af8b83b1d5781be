import { createRoute, redirect } from "@tanstack/react-router";
import { GrantProfilesPage } from "../access/grant-profiles-page";
import { staffRoute } from "../routes";
import { ApiKeysPage } from "./api-keys-page";
import { DocumentCategoriesPage } from "./document-categories-page";
import { FirmPoliciesPage } from "./firm-policies-page";
import { FirmProfilePage } from "./firm-profile-page";
import { LinesOfBusinessPage } from "./lines-of-business-page";
import { MailServerPage } from "./mail-server-page";
import { SettingsLayout } from "./settings-layout";
import { WebhooksPage } from "./webhooks-page";

/** `/app/settings`: the firm's settings (admins). */
export const settingsRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/settings",
  component: SettingsLayout,
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/app/settings/profile", replace: true });
  },
});

const profileRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/profile",
  component: FirmProfilePage,
});

const policiesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/policies",
  component: FirmPoliciesPage,
});

const mailServerRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/mail-server",
  component: MailServerPage,
});

const linesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/lines-of-business",
  component: LinesOfBusinessPage,
});

const categoriesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/document-categories",
  component: DocumentCategoriesPage,
});

const grantProfilesRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/grant-profiles",
  component: GrantProfilesPage,
});

const apiKeysRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/api-keys",
  component: ApiKeysPage,
});

const webhooksRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/webhooks",
  component: WebhooksPage,
});

/** The settings route with its pages, ready for the router's tree. */
export const settingsRouteTree = settingsRoute.addChildren([
  settingsIndexRoute,
  profileRoute,
  policiesRoute,
  mailServerRoute,
  linesRoute,
  categoriesRoute,
  grantProfilesRoute,
  apiKeysRoute,
  webhooksRoute,
]);
