import { useTranslation } from "react-i18next";
import { useUiLanguage } from "../i18n/use-ui-language";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { exportUrl } from "./profile-api";

/**
 * Downloads everything the account is and sees as one ZIP (GDPR Art. 15/20). A plain link, so the
 * browser streams the file to disk however large it is.
 */
export function ExportSection() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <Card className="flex flex-col gap-4" data-testid="account-export">
      <h2 className="text-xl font-semibold text-slate-900">{t("profile.export.title")}</h2>
      <p className="text-base leading-relaxed text-slate-700">{t("profile.export.intro")}</p>
      <Button asChild variant="secondary" className="w-full sm:w-auto sm:self-start">
        <a href={exportUrl(language)} download>
          {t("profile.export.button")}
        </a>
      </Button>
      <p className="text-sm text-slate-600">{t("profile.export.hint")}</p>
    </Card>
  );
}
