import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { usePortalFile } from "../file-context";

const backClass =
  "inline-flex min-h-11 items-center self-start text-base font-medium text-brand-800 underline underline-offset-4";

/**
 * The way back on a phone, where the file's navigation is folded away: to the overview from the list,
 * to the list from a case or a form. Wider screens keep it where the list is the way back.
 */
export function BackLink({ to }: { to: "overview" | "cases" }) {
  const { t } = useTranslation();
  const { firmId, fileId } = usePortalFile();
  if (to === "overview")
    return (
      <Link to="/portal/$firmId/$fileId" params={{ firmId, fileId }} className={`${backClass} sm:hidden`}>
        ← {t("portal.nav.backToOverview")}
      </Link>
    );
  return (
    <Link to="/portal/$firmId/$fileId/cases" params={{ firmId, fileId }} className={backClass}>
      ← {t("cases.portal.backToList")}
    </Link>
  );
}
