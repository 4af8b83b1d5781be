import { createRoute, notFound, redirect } from "@tanstack/react-router";
import { rootRoute } from "../root";
import { isCaseKind } from "./cases/case-kinds";
import { CasePage } from "./cases/case-page";
import { CasesPage } from "./cases/cases-page";
import { NewCasePage } from "./cases/new-case-page";
import { FileLayout } from "./file-layout";
import { OverviewPage } from "./overview-page";
import { PortalArea } from "./portal-area";
import { PortalHome } from "./portal-home";
import { startPreview } from "./preview";
import { SectionPage } from "./section-page";
import { isPortalSection } from "./sections";

/** `/portal`: sign-in while signed out, else the portal frame; `?preview=<granteeId>` starts a preview. */
const portalBaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portal",
  validateSearch: (search: Record<string, unknown>): { preview?: string } =>
    typeof search.preview === "string" && search.preview !== "" ? { preview: search.preview } : {},
  beforeLoad: ({ search }) => {
    if (!search.preview) return;
    // Kept for the tab (see preview.ts), then dropped from the address so a copied link stays plain.
    startPreview(search.preview);
    throw redirect({ to: "/portal", search: {}, replace: true });
  },
  component: PortalArea,
});

/** `/portal/`: the firm and file switcher; a single file opens at once. */
const portalHomeRoute = createRoute({
  getParentRoute: () => portalBaseRoute,
  path: "/",
  component: PortalHome,
});

/** `/portal/$firmId/$fileId`: one file the viewer reaches, at one firm (PORTAL-2). */
const portalFileRoute = createRoute({
  getParentRoute: () => portalBaseRoute,
  path: "/$firmId/$fileId",
  component: FileLayout,
});

/** `/portal/$firmId/$fileId/`: the file's overview (PORTAL-3). */
const portalOverviewRoute = createRoute({
  getParentRoute: () => portalFileRoute,
  path: "/",
  component: OverviewPage,
});

/** `/portal/$firmId/$fileId/$section`: one list of the file (PORTAL-4) or family access (PORTAL-9). */
const portalSectionRoute = createRoute({
  getParentRoute: () => portalFileRoute,
  path: "/$section",
  beforeLoad: ({ params }) => {
    if (!isPortalSection(params.section)) throw notFound();
  },
  component: SectionPage,
});

/** `/portal/$firmId/$fileId/cases`: messages and requests to the firm (PORTAL-6, PORTAL-7). */
const portalCasesRoute = createRoute({
  getParentRoute: () => portalFileRoute,
  path: "/cases",
  component: CasesPage,
});

/** `/portal/$firmId/$fileId/cases/new/$kind`: the form that sends one kind of case. */
const portalNewCaseRoute = createRoute({
  getParentRoute: () => portalFileRoute,
  path: "/cases/new/$kind",
  beforeLoad: ({ params }) => {
    if (!isCaseKind(params.kind)) throw notFound();
  },
  component: NewCasePage,
});

/** `/portal/$firmId/$fileId/cases/$caseId?sent=<kind>`: one case; `sent` shows the confirmation. */
const portalCaseRoute = createRoute({
  getParentRoute: () => portalFileRoute,
  path: "/cases/$caseId",
  validateSearch: (search: Record<string, unknown>): { sent?: string } =>
    typeof search.sent === "string" && search.sent !== "" ? { sent: search.sent } : {},
  component: CasePage,
});

/** The client portal's routes. */
export const portalRoute = portalBaseRoute.addChildren([
  portalHomeRoute,
  portalFileRoute.addChildren([
    portalOverviewRoute,
    portalSectionRoute,
    portalCasesRoute,
    portalNewCaseRoute,
    portalCaseRoute,
  ]),
]);
