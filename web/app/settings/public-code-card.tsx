import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { useFirmProfileMutations } from "./settings-api";

/** The public firm code clients type at the portal; a new one voids the old, so it asks first. */
export function PublicCodeCard({ publicCode }: { publicCode: string }) {
  const { t } = useTranslation();
  const { regenerateCode } = useFirmProfileMutations();
  const [confirming, setConfirming] = useState(false);

  const regenerate = async () => {
    try {
      await regenerateCode.mutateAsync();
      setConfirming(false);
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold text-slate-900">{t("settings.publicCode.title")}</h2>
      <p className="text-sm text-slate-600">{t("settings.publicCode.intro")}</p>
      <p data-testid="public-code" className="font-mono text-xl font-semibold tracking-wider text-slate-900">
        {publicCode}
      </p>
      {regenerateCode.isError ? <Alert>{errorMessage(regenerateCode.error)}</Alert> : null}
      {confirming ? (
        <div className="flex flex-col gap-3 rounded-lg border border-amber-200 bg-amber-50 p-3">
          <p className="text-sm text-amber-950">{t("settings.publicCode.warning")}</p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" busy={regenerateCode.isPending} onClick={() => void regenerate()}>
              {t("settings.publicCode.confirm")}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>
              {t("settings.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" className="self-start" onClick={() => setConfirming(true)}>
          {t("settings.publicCode.regenerate")}
        </Button>
      )}
    </Card>
  );
}
