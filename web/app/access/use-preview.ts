import { useState } from "react";
import { errorMessage } from "../../ui/api";
import { startPreview } from "./access-api";

/**
 * "Preview as …": asks the server to start an audited, read-only preview and opens the portal URL it
 * answers in a new tab. The tab is opened at the click, before the request, because browsers block
 * windows opened later; it is pointed at the portal once the answer is in (or closed on a refusal).
 */
export function usePreview() {
  const [pendingId, setPendingId] = useState<string>();
  const [failure, setFailure] = useState<{ granteeId: string; message: string }>();
  const open = async (granteeId: string) => {
    setFailure(undefined);
    setPendingId(granteeId);
    const tab = window.open("about:blank", "_blank");
    try {
      const { url } = await startPreview(granteeId);
      if (tab) {
        // The portal must not be able to script the back office that opened it.
        tab.opener = null;
        tab.location.href = url;
      } else {
        window.open(url, "_blank", "noopener");
      }
    } catch (error) {
      tab?.close();
      setFailure({ granteeId, message: errorMessage(error) });
    } finally {
      setPendingId(undefined);
    }
  };
  return {
    open,
    /** Whether the preview of this grantee is starting. */
    isStarting: (granteeId: string) => pendingId === granteeId,
    /** The refusal of this grantee's preview, to show beside its button. */
    failureOf: (granteeId: string) => (failure?.granteeId === granteeId ? failure.message : undefined),
  };
}
