import { Link, Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Card } from "../../ui/card";
import { cn } from "../../ui/cn";
import { PageHeading } from "../../ui/page-heading";
import { useDocumentTitle } from "../../ui/use-document-title";
import { useStaff } from "../staff-context";

const tabClass = cn(
  "inline-flex min-h-11 items-center whitespace-nowrap rounded-md px-3 text-sm font-medium text-slate-700",
  "hover:bg-slate-100 hover:text-slate-900",
  "data-[status=active]:bg-brand-50 data-[status=active]:text-brand-800",
);

/** `/app/settings`: the firm's settings for admins, one page per area. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const staff = useStaff();
  useDocumentTitle(t("settings.title"));

  if (staff.staffRole !== "admin") {
    return (
      <Card className="flex flex-col gap-2">
        <PageHeading className="text-xl">{t("settings.title")}</PageHeading>
        <p className="text-slate-700">{t("settings.adminsOnly")}</p>
      </Card>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeading>{t("settings.title")}</PageHeading>
      <nav aria-label={t("settings.sectionsLabel")}>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link to="/app/settings/profile" className={tabClass}>
              {t("settings.profile.nav")}
            </Link>
          </li>
          <li>
            <Link to="/app/settings/policies" className={tabClass}>
              {t("settings.policies.nav")}
            </Link>
          </li>
          <li>
            <Link to="/app/settings/mail-server" className={tabClass}>
              {t("settings.mailServer.nav")}
            </Link>
          </li>
          <li>
            <Link to="/app/settings/lines-of-business" className={tabClass}>
              {t("settings.lines.nav")}
            </Link>
          </li>
          <li>
            <Link to="/app/settings/document-categories" className={tabClass}>
              {t("settings.categories.nav")}
            </Link>
          </li>
          <li>
            <Link to="/app/settings/grant-profiles" className={tabClass}>
              {t("access.profiles.nav")}
            </Link>
          </li>
          <li>
            <Link to="/app/settings/api-keys" className={tabClass}>
              {t("apiKeys.nav")}
            </Link>
          </li>
          <li>
            <Link to="/app/settings/webhooks" className={tabClass}>
              {t("webhooks.nav")}
            </Link>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
