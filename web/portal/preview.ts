import { useSyncExternalStore } from "react";

// GRANT-8: a staff member opens `/portal?preview=<granteeId>` to see the portal as that grantee sees
// it. The id lives in sessionStorage — per tab, so a preview never leaks into another tab — and every
// portal API call of this tab sends it as the preview header until the preview ends.

const storageKey = "atrium.portalPreview";
const listeners = new Set<() => void>();
// Kept in memory too: storage may be disabled, and the preview must still work for this page's life.
let current: string | null = readStored();

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function store(value: string | null): void {
  current = value;
  try {
    if (value === null) window.sessionStorage.removeItem(storageKey);
    else window.sessionStorage.setItem(storageKey, value);
  } catch {
    // Without storage the preview lasts until the page reloads; that is acceptable.
  }
  for (const listener of listeners) listener();
}

/** The grantee id this tab previews the portal as, or null for the signed-in account's own portal. */
export function previewGranteeId(): string | null {
  return current;
}

/** Starts (or switches) the preview of this tab to `granteeId`. */
export function startPreview(granteeId: string): void {
  store(granteeId.trim().slice(0, 100) || null);
}

/** Ends the preview: the tab's portal calls are the account's own again. */
export function endPreview(): void {
  store(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The previewed grantee id, re-rendering the caller when a preview starts or ends. */
export function usePreviewId(): string | null {
  return useSyncExternalStore(subscribe, previewGranteeId, () => null);
}
