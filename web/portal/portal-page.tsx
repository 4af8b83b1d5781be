import { useTranslation } from "react-i18next";
import type { Me } from "../../contracts/session";
import { useMe, useSignOut } from "../session/session";
import { SignInForm } from "../session/sign-in-form";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { PageHeading } from "../ui/page-heading";
import { PublicLayout } from "../ui/public-layout";
import { useDocumentTitle } from "../ui/use-document-title";

/** `/portal`: the client sign-in with firm-neutral branding; signed in, a simple confirmation for now. */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t("portal.title"));
  return (
    <PublicLayout>
      <div className="mb-6 text-center">
        <p className="text-sm font-medium tracking-wide text-brand-700 uppercase">{t("portal.title")}</p>
        <p className="mt-1 text-slate-700">{t("portal.tagline")}</p>
      </div>
      {me.isPending ? <Loading /> : null}
      {me.isError ? <LoadError error={me.error} onRetry={() => void me.refetch()} /> : null}
      {me.isSuccess && !me.data ? <PortalSignIn /> : null}
      {me.isSuccess && me.data ? <PortalSignedIn me={me.data} /> : null}
    </PublicLayout>
  );
}

function PortalSignIn() {
  const { t } = useTranslation();
  return (
    <Card>
      <PageHeading className="mb-6">{t("portal.signInTitle")}</PageHeading>
      <SignInForm />
      <details className="mt-6 text-sm text-slate-700">
        <summary className="cursor-pointer rounded font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("portal.forgotPassword")}
        </summary>
        <p className="mt-2">{t("portal.forgotPasswordSoon")}</p>
      </details>
    </Card>
  );
}

function PortalSignedIn({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Card className="flex flex-col gap-4">
      <PageHeading>{t("portal.signedInTitle")}</PageHeading>
      <p data-testid="portal-signed-in" className="text-slate-800">
        {t("portal.signedInAs", { name: me.user.name, email: me.user.email })}
      </p>
      <p className="text-slate-700">{t("portal.signedInNext")}</p>
      {signOut.isError ? <Alert>{errorMessage(signOut.error)}</Alert> : null}
      <Button
        variant="secondary"
        className="self-start"
        data-testid="logout"
        busy={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {t("portal.logout")}
      </Button>
    </Card>
  );
}
