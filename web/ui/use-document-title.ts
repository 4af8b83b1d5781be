import { useEffect } from "react";

/** Sets the browser tab's title to "<title> · Atrium" so screen-reader users and tabs know where they are. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Atrium` : "Atrium";
  }, [title]);
}
