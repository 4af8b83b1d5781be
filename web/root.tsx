import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  type ErrorComponentProps,
  Link,
  Outlet,
  useRouter,
} from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "./ui/button";
import { Card } from "./ui/card";
import { LoadError } from "./ui/load-error";
import { PageHeading } from "./ui/page-heading";
import { PublicLayout } from "./ui/public-layout";
import { useDocumentTitle } from "./ui/use-document-title";

/** What every route's loader and guard can reach. */
export interface RouterContext {
  queryClient: QueryClient;
}

/** The root of the route tree: renders the matched area. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

/** Shown for any path no route matches. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return (
    <PublicLayout>
      <Card>
        <PageHeading className="text-xl">{t("notFound.title")}</PageHeading>
        <p className="mt-2 text-slate-700">{t("notFound.body")}</p>
        <Button asChild variant="secondary" className="mt-6">
          <Link to="/">{t("notFound.home")}</Link>
        </Button>
      </Card>
    </PublicLayout>
  );
}

/** Shown when a route guard or page fails to load (server down, unexpected answer), with a retry. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  useDocumentTitle(t("errors.loadFailed"));
  return (
    <PublicLayout>
      <LoadError
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </PublicLayout>
  );
}
