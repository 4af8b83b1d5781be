import { Link, Navigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { PortalFirm, PortalMe } from "../../contracts/portal";
import { Card } from "../ui/card";
import { PageHeading } from "../ui/page-heading";
import { QueryView } from "../ui/query-view";
import { useDocumentTitle } from "../ui/use-document-title";
import { brandColours } from "./branding";
import { usePortalMe } from "./portal-api";

/** `/portal/`: the firms and files the viewer reaches (PORTAL-2); with a single file it opens at once. */
export function PortalHome() {
  const { t } = useTranslation();
  const me = usePortalMe();
  useDocumentTitle(t("portal.home.title"));
  return (
    <QueryView query={me} heading="h1">
      {(data) => <Home me={data} />}
    </QueryView>
  );
}

function Home({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const files = me.firms.flatMap((firm) => firm.files.map((file) => ({ firm, file })));
  const [only] = files;
  if (files.length === 1 && only)
    return (
      <Navigate
        to="/portal/$firmId/$fileId"
        params={{ firmId: only.firm.id, fileId: only.file.id }}
        replace
      />
    );
  if (files.length === 0)
    return (
      <Card className="flex flex-col gap-3">
        <PageHeading className="text-xl">{t("portal.home.noneTitle")}</PageHeading>
        <p className="text-base text-slate-700">{t("portal.home.noneBody")}</p>
      </Card>
    );
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <PageHeading>{t("portal.home.greeting", { name: me.viewer.name })}</PageHeading>
        <p className="text-base text-slate-700">{t("portal.home.choose")}</p>
      </div>
      {me.firms.map((firm) => (
        <FirmFiles key={firm.id} firm={firm} />
      ))}
    </div>
  );
}

function FirmFiles({ firm }: { firm: PortalFirm }) {
  const { t } = useTranslation();
  const colours = brandColours(firm.primaryColor);
  return (
    <section aria-label={firm.name} className="flex flex-col gap-3">
      <h2 className="flex items-center gap-3 text-lg font-semibold text-slate-900">
        <span
          aria-hidden="true"
          className="size-4 rounded-full"
          style={{ backgroundColor: colours.background }}
        />
        {firm.name}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {firm.files.map((file) => (
          <li key={file.id}>
            <Link
              to="/portal/$firmId/$fileId"
              params={{ firmId: firm.id, fileId: file.id }}
              data-testid="portal-file-link"
              className="flex min-h-16 flex-col justify-center rounded-xl border border-slate-200 border-l-8 bg-white px-4 py-3 shadow-sm hover:bg-slate-50"
              style={{ borderLeftColor: colours.background }}
            >
              <span className="text-lg font-semibold text-slate-900">{file.displayName}</span>
              <span className="text-sm text-slate-700">
                {t(`portal.home.fileKind.${file.kind}`)} ·{" "}
                {t("portal.home.fileNumber", { number: file.number })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
