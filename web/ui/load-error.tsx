import { useTranslation } from "react-i18next";
import { Alert } from "./alert";
import { errorMessage } from "./api";
import { Button } from "./button";
import { Card } from "./card";

/** A page-level "could not load" card with the server's message and a retry button. */
export function LoadError({
  error,
  onRetry,
  heading: Heading = "h1",
}: {
  error: unknown;
  onRetry: () => void;
  /** "h2" where the page already has its own <h1>. */
  heading?: "h1" | "h2";
}) {
  const { t } = useTranslation();
  return (
    <Card className="flex flex-col gap-4">
      <Heading className="text-xl font-semibold text-slate-900">{t("errors.loadFailed")}</Heading>
      <Alert>{errorMessage(error)}</Alert>
      <Button className="self-start" onClick={onRetry}>
        {t("common.retry")}
      </Button>
    </Card>
  );
}
