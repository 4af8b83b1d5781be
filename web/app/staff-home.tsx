import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Badge, Card } from "../ui/card";
import { PageHeading } from "../ui/page-heading";
import { useDocumentTitle } from "../ui/use-document-title";
import { useStaff } from "./staff-context";

// What is ready links to where it lives (portal access is managed on each client file's Access tab).
const upcoming = [
  { id: "clients", title: "staff.clientsTitle", body: "staff.clientsBody", ready: true },
  { id: "access", title: "staff.accessTitle", body: "staff.accessBody", ready: true },
  { id: "invitations", title: "staff.invitationsTitle", body: "staff.invitationsBody", ready: false },
] as const;

/** `/app`: the welcome page with what the staff area will offer next. */
export function StaffHome() {
  const { t } = useTranslation();
  const staff = useStaff();
  useDocumentTitle(t("staff.overview"));
  return (
    <div className="flex flex-col gap-8">
      <div>
        <PageHeading data-testid="welcome" className="sm:text-3xl">
          {t("staff.welcome", { name: staff.user.name })}
        </PageHeading>
        <p className="mt-2 max-w-2xl text-slate-700">{t("staff.welcomeIntro")}</p>
      </div>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="mb-4 text-lg font-semibold text-slate-900">
          {t("staff.nextTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {upcoming.map((item) => (
            <li key={item.id}>
              <Card className="flex h-full flex-col gap-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  {item.ready ? (
                    <h3 className="font-semibold text-slate-900">
                      <Link to="/app/clients" className="text-brand-800 underline underline-offset-2">
                        {t(item.title)}
                      </Link>
                    </h3>
                  ) : (
                    <>
                      <h3 className="font-semibold text-slate-900">{t(item.title)}</h3>
                      <Badge>{t("common.comingSoon")}</Badge>
                    </>
                  )}
                </div>
                <p className="text-sm text-slate-700">{t(item.body)}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
