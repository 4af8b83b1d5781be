import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reportRoles } from "../../contracts/profile";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { usePortalFile } from "./file-context";
import { fileBase, usePortalMe } from "./portal-api";
import { portalBlob } from "./portal-fetch";

/**
 * "Download overview (PDF)" on a file's overview, for the viewers who may have it (holders,
 * co-holders, a company's contacts; never external advisors). The server decides; this only shows
 * the button where it would answer. A preview fetches with its header (a plain link cannot send it).
 */
export function ReportButton() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { firmId, fileId, preview } = usePortalFile();
  const me = usePortalMe();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const file = me.data?.firms.find((f) => f.id === firmId)?.files.find((f) => f.id === fileId);
  if (!file?.grants.some((g) => reportRoles.includes(g.role))) return null;
  const url = `${fileBase(firmId, fileId)}/report.pdf?lang=${language}`;
  const viaBlob = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const objectUrl = URL.createObjectURL(await portalBlob(url));
      const link = document.createElement("a");
      link.href = objectUrl;
      link.download = `${file.number}.pdf`;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col gap-2" data-testid="report-download">
      {preview ? (
        <Button
          variant="secondary"
          busy={busy}
          onClick={() => void viaBlob()}
          className="w-full sm:w-auto sm:self-start"
        >
          {t("profile.report.button")}
        </Button>
      ) : (
        <Button asChild variant="secondary" className="w-full sm:w-auto sm:self-start">
          <a href={url} download>
            {t("profile.report.button")}
          </a>
        </Button>
      )}
      <p className="text-sm text-slate-600">{t("profile.report.hint")}</p>
      {failure ? <Alert>{failure}</Alert> : null}
    </div>
  );
}
