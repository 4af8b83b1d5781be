import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../ui/alert";
import { ApiError } from "../../ui/api";
import { Badge, Card } from "../../ui/card";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { PageHeading } from "../../ui/page-heading";
import { Tabs } from "../../ui/tabs";
import { useDocumentTitle } from "../../ui/use-document-title";
import { AccessTab } from "../access/access-tab";
import { HistoryTab } from "../audit/history-tab";
import { DocumentsTab } from "../documents/documents-tab";
import { FileCasesLink } from "../inbox/inbox-nav";
import { AddressesTab } from "../records/addresses-tab";
import { AssetsTab } from "../records/assets-tab";
import { ClaimsTab } from "../records/claims-tab";
import { ContractsTab } from "../records/contracts-tab";
import { DonationsTab } from "../records/donations-tab";
import { clientFileQuery } from "./clients-api";
import { OverviewTab } from "./overview-tab";
import { PersonsTab } from "./persons-tab";

/** `/app/clients/$fileId`: one client file with its tabs. */
export function ClientFilePage({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const file = useQuery(clientFileQuery(fileId));
  useDocumentTitle(file.data?.displayName ?? t("clients.fileTitle"));

  const back = (
    <Link to="/app/clients" className="text-sm font-medium text-brand-800 underline-offset-2 hover:underline">
      ← {t("clients.backToList")}
    </Link>
  );
  if (file.isPending) return <Loading />;
  if (file.isError) {
    if (file.error instanceof ApiError && file.error.status === 404)
      return (
        <div className="flex flex-col gap-4">
          {back}
          <Card className="flex flex-col gap-3">
            <PageHeading className="text-xl">{t("clients.notFoundTitle")}</PageHeading>
            <Alert tone="info">{t("clients.notFoundBody")}</Alert>
          </Card>
        </div>
      );
    return <LoadError error={file.error} onRetry={() => void file.refetch()} />;
  }

  const data = file.data;
  const tabs = [
    { id: "overview", label: t("clients.tabs.overview"), content: <OverviewTab file={data} /> },
    { id: "persons", label: t("clients.tabs.persons"), content: <PersonsTab file={data} /> },
    { id: "contracts", label: t("clients.tabs.contracts"), content: <ContractsTab clientFileId={fileId} /> },
    { id: "assets", label: t("clients.tabs.assets"), content: <AssetsTab clientFileId={fileId} /> },
    { id: "claims", label: t("clients.tabs.claims"), content: <ClaimsTab clientFileId={fileId} /> },
    { id: "documents", label: t("clients.tabs.documents"), content: <DocumentsTab clientFileId={fileId} /> },
    { id: "addresses", label: t("clients.tabs.addresses"), content: <AddressesTab clientFileId={fileId} /> },
    { id: "donations", label: t("clients.tabs.donations"), content: <DonationsTab clientFileId={fileId} /> },
    {
      id: "access",
      label: t("clients.tabs.access"),
      content: <AccessTab file={data} />,
    },
    { id: "history", label: t("clients.tabs.history"), content: <HistoryTab clientFileId={fileId} /> },
  ];

  return (
    <div className="flex flex-col gap-6">
      {back}
      <div className="flex flex-wrap items-center gap-3">
        <PageHeading>{data.displayName}</PageHeading>
        <Badge>{t(`clients.kind.${data.kind}`)}</Badge>
        <span className="text-sm text-slate-600 tabular-nums">{data.number}</span>
        <FileCasesLink fileId={fileId} />
      </div>
      {/* Many tabs: on a tablet the tab list scrolls sideways instead of wrapping. */}
      <Tabs label={t("clients.tabsLabel")} items={tabs} className="[&>[role=tablist]]:overflow-x-auto" />
    </div>
  );
}
