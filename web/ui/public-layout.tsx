import type { ReactNode } from "react";
import { setUiLanguage } from "../i18n/i18n";
import { useUiLanguage } from "../i18n/use-ui-language";
import { AtriumLogo } from "./brand";
import { cn } from "./cn";
import { LanguageSwitch } from "./language-switch";

/** Page frame for everything before sign-in: Atrium logo, language switch, one centred column. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const language = useUiLanguage();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between gap-4 px-4 py-4 sm:px-8">
        <AtriumLogo />
        <LanguageSwitch value={language} onChange={setUiLanguage} />
      </header>
      <main
        id="main"
        className={cn(
          "mx-auto flex w-full flex-1 flex-col px-4 pt-4 pb-12 sm:pt-10",
          wide ? "max-w-xl" : "max-w-md",
        )}
      >
        {children}
      </main>
    </div>
  );
}
