import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AccountLink } from "../account/account-link";
import { useUiLanguage } from "../i18n/use-ui-language";
import { useSignOut, useUpdateLanguage } from "../session/session";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { AtriumMark } from "../ui/brand";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { LanguageSwitch } from "../ui/language-switch";
import { InboxNavLink } from "./inbox/inbox-nav";
import { useStaff } from "./staff-context";

// The router marks the current link with data-status="active" (and aria-current="page").
const navLinkClass = cn(
  "inline-flex min-h-11 items-center whitespace-nowrap border-b-2 border-transparent px-1 text-sm font-medium text-slate-600",
  "hover:border-slate-300 hover:text-slate-900",
  "data-[status=active]:border-brand-700 data-[status=active]:text-brand-800",
);

/** The staff frame: firm and account in the header, area navigation, then the page. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const language = useUiLanguage();
  const updateLanguage = useUpdateLanguage();
  const signOut = useSignOut();

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        {t("common.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link to="/app" className="flex min-w-0 items-center gap-3 rounded-md">
            <AtriumMark />
            <span className="min-w-0">
              <span data-testid="firm-name" className="block truncate font-semibold text-slate-900">
                {staff.firm.name}
              </span>
              <span className="block text-xs text-slate-600">Atrium</span>
            </span>
          </Link>
          <section aria-label={t("staff.accountLabel")} className="flex w-full items-center gap-3 sm:w-auto">
            <span className="min-w-0 flex-1 leading-tight sm:text-right">
              <span data-testid="user-name" className="block truncate text-sm font-medium text-slate-900">
                {staff.user.name}
              </span>
              <span className="block truncate text-xs text-slate-600">{t(`roles.${staff.staffRole}`)}</span>
            </span>
            <AccountLink />
            <LanguageSwitch
              value={language}
              disabled={updateLanguage.isPending}
              onChange={(next) => updateLanguage.mutate(next)}
            />
            <Button
              variant="secondary"
              size="sm"
              data-testid="logout"
              title={t("staff.logout")}
              busy={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              <LogoutIcon />
              {/* Phones show the icon only; the text stays the button's accessible name. */}
              <span className="sr-only sm:not-sr-only">{t("staff.logout")}</span>
            </Button>
          </section>
        </div>
        <nav aria-label={t("staff.navLabel")} className="mx-auto max-w-6xl px-4 sm:px-6">
          <ul className="-mb-px flex gap-4 overflow-x-auto sm:gap-6">
            <li>
              <Link to="/app/clients" className={navLinkClass}>
                {t("clients.nav")}
              </Link>
            </li>
            <InboxNavLink className={navLinkClass} />
            <li>
              <Link to="/app" activeOptions={{ exact: true }} className={navLinkClass}>
                {t("staff.overview")}
              </Link>
            </li>
            <li>
              <Link to="/app/staff" className={navLinkClass}>
                {t("staffAdmin.nav")}
              </Link>
            </li>
            {staff.staffRole === "admin" ? (
              <>
                <li>
                  <Link to="/app/settings" className={navLinkClass}>
                    {t("settings.nav")}
                  </Link>
                </li>
                <li>
                  <Link to="/app/audit" className={navLinkClass}>
                    {t("audit.nav")}
                  </Link>
                </li>
                <li>
                  <Link to="/app/imports" className={navLinkClass}>
                    {t("imports.nav")}
                  </Link>
                </li>
              </>
            ) : null}
            {staff.devMailbox ? (
              <li>
                <Link to="/app/dev/mailbox" className={navLinkClass}>
                  {t("staff.devMailbox")}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      {updateLanguage.isError || signOut.isError ? (
        <div className="mx-auto w-full max-w-6xl px-4 pt-4 sm:px-6">
          <Alert title={updateLanguage.isError ? t("staff.languageSaveFailed") : undefined}>
            {errorMessage(updateLanguage.error ?? signOut.error)}
          </Alert>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}

function LogoutIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className="size-4 sm:hidden"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M9 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h3M14 8l4 4-4 4M18 12H8" />
    </svg>
  );
}
