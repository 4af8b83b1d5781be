import { Link, Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe, useSignOut } from "../session/session";
import { SignInForm } from "../session/sign-in-form";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { PageHeading } from "../ui/page-heading";
import { PublicLayout } from "../ui/public-layout";
import { useDocumentTitle } from "../ui/use-document-title";
import { AppShell } from "./app-shell";
import { asStaff, StaffContext } from "./staff-context";

/** `/app`: the staff sign-in while signed out, else the shell around the staff pages. */
export function StaffArea() {
  const me = useMe();
  if (me.isPending) return <Loading className="min-h-dvh" />;
  if (me.isError) {
    return (
      <PublicLayout>
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </PublicLayout>
    );
  }
  if (!me.data) return <StaffSignIn />;
  const staff = asStaff(me.data);
  if (!staff) return <NoStaffAccess />;
  return (
    <StaffContext value={staff}>
      <AppShell>
        <Outlet />
      </AppShell>
    </StaffContext>
  );
}

function StaffSignIn() {
  const { t } = useTranslation();
  useDocumentTitle(t("staff.signInTitle"));
  return (
    <PublicLayout>
      <Card>
        <PageHeading>{t("staff.signInTitle")}</PageHeading>
        <p className="mt-2 mb-6 text-slate-700">{t("staff.signInIntro")}</p>
        <SignInForm />
      </Card>
    </PublicLayout>
  );
}

function NoStaffAccess() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  useDocumentTitle(t("staff.noStaffTitle"));
  return (
    <PublicLayout>
      <Card className="flex flex-col gap-4">
        <PageHeading className="text-xl">{t("staff.noStaffTitle")}</PageHeading>
        <p className="text-slate-700">{t("staff.noStaffBody")}</p>
        <div className="flex flex-wrap gap-3">
          <Button asChild>
            <Link to="/portal">{t("staff.toPortal")}</Link>
          </Button>
          <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
            {t("staff.logout")}
          </Button>
        </div>
      </Card>
    </PublicLayout>
  );
}
