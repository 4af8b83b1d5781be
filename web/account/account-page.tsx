import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../contracts/session";
import { useUiLanguage } from "../i18n/use-ui-language";
import { useMe, useSignOut } from "../session/session";
import { SignInForm } from "../session/sign-in-form";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { Badge, Card } from "../ui/card";
import { LoadError } from "../ui/load-error";
import { Loading } from "../ui/loading";
import { PageHeading } from "../ui/page-heading";
import { PublicLayout } from "../ui/public-layout";
import { QueryView } from "../ui/query-view";
import { useDocumentTitle } from "../ui/use-document-title";
import { AccessLogSection } from "./access-log-section";
import {
  type AccountSession,
  accountSessionsQuery,
  useEndSession,
  useSignOutEverywhereElse,
} from "./account-api";
import { AccountDeletedNotice, DeleteAccountSection } from "./delete-account-section";
import { ExportSection } from "./export-section";
import { NotificationSettingsSection } from "./notification-settings-section";
import { PasskeysSection } from "./passkeys-section";
import { PhoneSection } from "./phone-section";
import { ProfileSection } from "./profile-section";
import { SecondFactorSection } from "./second-factor-section";

const linkClass = "rounded font-medium text-brand-700 underline underline-offset-2";

/** `/account`: the signed-in account's own page — its mobile number, where it is signed in, and ending those sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [deleted, setDeleted] = useState(false);
  useDocumentTitle(t("account.page.title"));

  let content: ReactNode;
  if (deleted) content = <AccountDeletedNotice />;
  else if (me.isPending) content = <Loading />;
  else if (me.isError) content = <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  else if (!me.data)
    content = (
      <Card>
        <PageHeading className="mb-2">{t("account.page.title")}</PageHeading>
        <p className="mb-6 text-lg text-slate-800">{t("account.page.signInFirst")}</p>
        <SignInForm />
      </Card>
    );
  else content = <SignedIn me={me.data} onDeleted={() => setDeleted(true)} />;
  return <PublicLayout wide>{content}</PublicLayout>;
}

function SignedIn({ me, onDeleted }: { me: Me; onDeleted: () => void }) {
  const { t } = useTranslation();
  const area = me.staffRole ? "app" : "portal";
  return (
    <div className="flex flex-col gap-6 text-base">
      <Link to={area === "app" ? "/app" : "/portal"} className={`self-start ${linkClass}`}>
        ← {area === "app" ? t("account.page.backToApp") : t("account.page.backToPortal")}
      </Link>
      <div>
        <PageHeading>{t("account.page.title")}</PageHeading>
        <p className="mt-2 text-lg break-words text-slate-800">
          {t("account.page.signedInAs", { name: me.user.name, email: me.user.email })}
        </p>
      </div>
      <ProfileSection />
      <NotificationSettingsSection />
      <PhoneSection />
      <SecondFactorSection />
      <PasskeysSection />
      <Sessions />
      <Card className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{t("account.sessions.changePassword")}</h2>
        <p className="text-base leading-relaxed text-slate-700">{t("account.sessions.changePasswordHint")}</p>
        <Button asChild variant="secondary" className="self-start">
          <Link to="/forgot-password" search={{ from: area }}>
            {t("account.sessions.changePassword")}
          </Link>
        </Button>
      </Card>
      <AccessLogSection />
      <ExportSection />
      <DeleteAccountSection isStaff={me.staffRole !== null} onDeleted={onDeleted} />
    </div>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const sessions = useQuery(accountSessionsQuery(useUiLanguage()));
  const endSession = useEndSession();
  const everywhereElse = useSignOutEverywhereElse();
  const signOut = useSignOut();
  const [notice, setNotice] = useState<string>();
  const failure = endSession.error ?? everywhereElse.error ?? signOut.error;

  const end = (session: AccountSession) => {
    setNotice(undefined);
    // This device's own session ends through the normal sign-out, which also forgets the cached account.
    if (session.current) signOut.mutate();
    else endSession.mutate(session.id, { onSuccess: () => setNotice(t("account.sessions.ended")) });
  };
  const endOthers = () => {
    setNotice(undefined);
    everywhereElse.mutate(undefined, {
      onSuccess: ({ ended }) => setNotice(t("account.sessions.endedOthers", { count: ended })),
    });
  };

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold text-slate-900">{t("account.sessions.title")}</h2>
      <p className="text-base leading-relaxed text-slate-700">{t("account.sessions.intro")}</p>
      {notice ? (
        <Alert tone="success">
          <p className="text-base">{notice}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert>
          <p className="text-base">{errorMessage(failure)}</p>
        </Alert>
      ) : null}
      <QueryView query={sessions}>
        {(list) => (
          <>
            <ul className="flex flex-col gap-3">
              {list.map((session) => (
                <SessionItem
                  key={session.id}
                  session={session}
                  busy={
                    (endSession.isPending && endSession.variables === session.id) ||
                    (session.current && signOut.isPending)
                  }
                  onEnd={() => end(session)}
                />
              ))}
            </ul>
            {list.some((s) => !s.current) ? (
              <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
                <Button
                  busy={everywhereElse.isPending}
                  onClick={endOthers}
                  className="w-full sm:w-auto sm:self-start"
                >
                  {t("account.sessions.everywhereElse")}
                </Button>
                <p className="text-sm text-slate-600">{t("account.sessions.everywhereElseHint")}</p>
              </div>
            ) : (
              <p className="text-base text-slate-700">{t("account.sessions.onlyHere")}</p>
            )}
          </>
        )}
      </QueryView>
    </Card>
  );
}

function SessionItem({
  session,
  busy,
  onEnd,
}: {
  session: AccountSession;
  busy: boolean;
  onEnd: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = (iso: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  const device = session.userAgent ?? t("account.sessions.unknownDevice");
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <p className="flex flex-wrap items-center gap-2 text-lg font-semibold break-words text-slate-900">
          <span>{device}</span>
          {session.current ? <Badge>{t("account.sessions.thisDevice")}</Badge> : null}
        </p>
        <p className="text-base text-slate-700">
          {t("account.sessions.lastActive", { date: format(session.updatedAt) })}
        </p>
        <p className="text-base text-slate-700">
          {t("account.sessions.signedIn", { date: format(session.createdAt) })}
        </p>
        {session.ipAddress ? (
          <p className="text-base break-all text-slate-700">
            {t("account.sessions.ip", { ip: session.ipAddress })}
          </p>
        ) : null}
      </div>
      <Button
        variant="secondary"
        busy={busy}
        onClick={onEnd}
        aria-label={session.current ? undefined : t("account.sessions.signOutLabel", { device })}
        className="w-full shrink-0 sm:w-auto"
      >
        {session.current ? t("account.sessions.signOutHere") : t("account.sessions.signOut")}
      </Button>
    </li>
  );
}
