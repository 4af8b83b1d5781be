import { useQueryClient } from "@tanstack/react-query";
import { Outlet } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { RequiredProtection, requiredFactorOf } from "../account/required-protection";
import { asStaff } from "../app/staff-context";
import { useMe } from "../session/session";
import { SignInForm } from "../session/sign-in-form";
import { Card } from "../ui/card";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { PageHeading } from "../ui/page-heading";
import { PublicLayout } from "../ui/public-layout";
import { useDocumentTitle } from "../ui/use-document-title";
import { usePortalMe } from "./portal-api";
import { PortalShell } from "./portal-shell";
import { endPreview, usePreviewId } from "./preview";

/** `/portal`: the client sign-in while signed out, else the portal frame around the current page. */
export function PortalArea() {
  const me = useMe();
  const previewId = usePreviewId();
  const staff = me.data ? asStaff(me.data) : undefined;
  // Only staff can preview (GRANT-8); anyone else who followed a preview link sees their own portal.
  const strayPreview = previewId !== null && me.isSuccess && me.data !== null && !staff;
  useEffect(() => {
    if (strayPreview) endPreview();
  }, [strayPreview]);

  if (me.isPending || strayPreview) return <Loading className="min-h-dvh" />;
  if (me.isError)
    return (
      <PublicLayout>
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </PublicLayout>
    );
  if (!me.data) return <PortalSignIn />;
  return (
    <SecondFactorGate>
      <PortalShell>
        <Outlet />
      </PortalShell>
    </SecondFactorGate>
  );
}

/**
 * While the account lacks the second factor a firm it reaches asks for (FIRM-3: the portal API answers
 * 403 `second_factor_required`), the person sets it up here; then the portal opens straight on.
 */
function SecondFactorGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const portalMe = usePortalMe();
  const required = requiredFactorOf(portalMe.error);
  if (!required) return children;
  return (
    <PublicLayout>
      <RequiredProtection
        required={required}
        onDone={() => queryClient.invalidateQueries({ queryKey: ["portal"] })}
      />
    </PublicLayout>
  );
}

function PortalSignIn() {
  const { t } = useTranslation();
  const previewId = usePreviewId();
  useDocumentTitle(t("portal.title"));
  return (
    <PublicLayout>
      <div className="mb-6 text-center">
        <p className="text-sm font-medium tracking-wide text-brand-700 uppercase">{t("portal.title")}</p>
        <p className="mt-1 text-base text-slate-700">{t("portal.tagline")}</p>
      </div>
      <Card>
        <PageHeading className="mb-2">{t("portal.signInTitle")}</PageHeading>
        {previewId ? (
          <p className="mb-4 text-base text-slate-700">{t("portal.preview.signInFirst")}</p>
        ) : null}
        <div className="mt-4">
          <SignInForm />
        </div>
      </Card>
    </PublicLayout>
  );
}
