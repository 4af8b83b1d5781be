import { useParams } from "@tanstack/react-router";
import { type CSSProperties, type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { PortalFirm } from "../../contracts/portal";
import { AccountLink } from "../account/account-link";
import { useUiLanguage } from "../i18n/use-ui-language";
import { useSignOut, useUpdateLanguage } from "../session/session";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { AtriumMark } from "../ui/brand";
import { Button } from "../ui/button";
import { LanguageSwitch } from "../ui/language-switch";
import { brandColours, useLogoSrc } from "./branding";
import { FileSwitcher } from "./file-switcher";
import { usePortalMe } from "./portal-api";
import { usePreviewId } from "./preview";
import { PreviewBanner } from "./preview-banner";

/** The portal frame: the preview banner, the firm's branded header with the switchers, then the page. */
export function PortalShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const portalMe = usePortalMe();
  const previewId = usePreviewId();
  const { firmId, fileId } = useParams({ strict: false });
  const firms = portalMe.data?.firms ?? [];
  // Inside a file its firm brands the page; before choosing, a single firm does.
  const firm = firms.find((f) => f.id === firmId) ?? (firms.length === 1 ? firms[0] : undefined);
  const fileCount = firms.reduce((sum, f) => sum + f.files.length, 0);

  return (
    <div className="flex min-h-dvh flex-col text-base">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-40 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        {t("common.skipToContent")}
      </a>
      {previewId ? <PreviewBanner name={portalMe.data?.viewer.name} /> : null}
      <PortalHeader firm={firm} preview={previewId !== null} />
      {/* The home page lists every file itself; inside a file the switcher leads to the others. */}
      {fileCount > 1 && fileId ? (
        <div className="border-b border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-3 sm:px-6">
            <FileSwitcher firms={firms} />
          </div>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}

function PortalHeader({ firm, preview }: { firm: PortalFirm | undefined; preview: boolean }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const updateLanguage = useUpdateLanguage();
  const signOut = useSignOut();
  const colours = brandColours(firm?.primaryColor);
  const logo = useLogoSrc(firm?.logoUrl);
  useThemeColour(colours.background);

  return (
    <header
      // The focus ring takes the header's text colour, which reads on the firm's colour by construction.
      style={
        {
          backgroundColor: colours.background,
          color: colours.text,
          "--header-text": colours.text,
        } as CSSProperties
      }
      className="[&_:focus-visible]:outline-[var(--header-text)]"
    >
      {/* Phones put the firm's name on its own line, in full; the controls follow on the right. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6 sm:py-4">
        <div className="flex min-w-0 flex-1 basis-56 items-center gap-3">
          {logo ? (
            <span className="flex h-11 shrink-0 items-center rounded-lg bg-white px-2">
              <img src={logo} alt="" className="max-h-9 max-w-28 object-contain" />
            </span>
          ) : firm ? null : (
            <AtriumMark />
          )}
          <span className="min-w-0">
            <span
              data-testid="portal-firm-name"
              className="block text-lg leading-snug font-semibold break-words"
            >
              {firm?.name ?? "Atrium"}
            </span>
            <span className="block text-sm">{t("portal.title")}</span>
          </span>
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <LanguageSwitch
            className="[&_select]:min-h-11"
            value={language}
            disabled={updateLanguage.isPending}
            onChange={(next) => updateLanguage.mutate(next)}
          />
          {preview ? null : <AccountLink />}
          {preview ? null : (
            <Button
              variant="secondary"
              data-testid="logout"
              busy={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t("portal.logout")}
            </Button>
          )}
        </div>
      </div>
      {updateLanguage.isError || signOut.isError ? (
        <div className="mx-auto max-w-5xl px-4 pb-3 sm:px-6">
          <Alert>{errorMessage(updateLanguage.error ?? signOut.error)}</Alert>
        </div>
      ) : null}
    </header>
  );
}

/**
 * The browser's and an installed app's bar take the firm's colour while the portal shows its header
 * (PORTAL-11); the page's own theme colour comes back when the portal is left.
 */
function useThemeColour(colour: string) {
  useEffect(() => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="theme-color"]');
    if (!meta) return;
    const before = meta.content;
    meta.content = colour;
    return () => {
      meta.content = before;
    };
  }, [colour]);
}
