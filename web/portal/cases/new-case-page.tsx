import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CaseKind, PortalCaseAbilities } from "../../../contracts/cases";
import { Alert } from "../../ui/alert";
import { PageHeading } from "../../ui/page-heading";
import { QueryView } from "../../ui/query-view";
import { useDocumentTitle } from "../../ui/use-document-title";
import { usePortalFile } from "../file-context";
import { BackLink } from "./back-link";
import { isCaseKind } from "./case-kinds";
import { usePortalCases } from "./cases-api";
import { CaptureForm, ClaimForm, MessageForm, QuoteForm, UploadForm } from "./new-case-forms";

/**
 * `/portal/$firmId/$fileId/cases/new/$kind`: one form on its own page — on a phone a dialog would be
 * cramped, and a page keeps its place when the keyboard or the camera opens.
 */
export function NewCasePage() {
  const { t } = useTranslation();
  const { kind } = useParams({ from: "/portal/$firmId/$fileId/cases/new/$kind" });
  const { firmId, fileId, overview, preview } = usePortalFile();
  const cases = usePortalCases(firmId, fileId);
  const known: CaseKind = isCaseKind(kind) ? kind : "message";
  useDocumentTitle(`${t(`cases.portal.actions.${known}.title`)} · ${overview.file.displayName}`);
  return (
    <>
      <BackLink to="cases" />
      <PageHeading>{t(`cases.portal.actions.${known}.title`)}</PageHeading>
      <QueryView query={cases}>
        {(data) =>
          preview ? (
            <Alert tone="info">{t("cases.portal.previewNote")}</Alert>
          ) : data.abilities.create.includes(known) ? (
            <KindForm kind={known} abilities={data.abilities} />
          ) : (
            <Alert tone="info">{t("cases.portal.kindNotEnabled")}</Alert>
          )
        }
      </QueryView>
    </>
  );
}

function KindForm({ kind, abilities }: { kind: CaseKind; abilities: PortalCaseAbilities }) {
  switch (kind) {
    case "message":
      return <MessageForm />;
    case "claim_report":
      return <ClaimForm abilities={abilities} />;
    case "contract_capture":
      return <CaptureForm />;
    case "quote_request":
      return <QuoteForm />;
    case "upload":
      return <UploadForm />;
  }
}
