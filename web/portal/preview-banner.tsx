import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../ui/button";
import { endPreview, previewGranteeId } from "./preview";

/**
 * GRANT-8: always on screen during a preview — whose portal this is, that nothing can be changed, and
 * the way out. Ending returns to the client file in the back office (its id is the portal's file id).
 */
export function PreviewBanner({ name }: { name: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { fileId } = useParams({ strict: false });

  const end = () => {
    const granteeId = previewGranteeId();
    // Leave first: ending while the portal is still on screen would reload it as the staff member's own.
    const done = () => {
      endPreview();
      if (granteeId) queryClient.removeQueries({ queryKey: ["portal", granteeId] });
    };
    const leaving = fileId
      ? navigate({ to: "/app/clients/$fileId", params: { fileId } })
      : navigate({ to: "/app" });
    void leaving.then(done, done);
  };

  return (
    <section
      aria-label={t("portal.preview.label")}
      data-testid="preview-banner"
      className="sticky top-0 z-30 border-b-2 border-amber-400 bg-amber-100 text-amber-950 shadow-sm"
    >
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p className="flex items-start gap-2 text-base">
          <EyeIcon />
          <span>
            <strong>{t("portal.preview.title")}</strong>{" "}
            {name ? t("portal.preview.banner", { name }) : t("portal.preview.bannerNoName")}
          </span>
        </p>
        <Button variant="secondary" className="shrink-0 self-start sm:self-auto" onClick={end}>
          {t("portal.preview.end")}
        </Button>
      </div>
    </section>
  );
}

function EyeIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className="mt-0.5 size-5 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M2.5 12s3.5-6.5 9.5-6.5S21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}
