import type { PendingItem } from "./digest.queries.js";

// Where a digest's entries lead: into the portal for clients, into the back office for staff. A case
// opens itself (the firm's inbox, the portal's case page); anything else opens its file.

/** The address an item of the digest opens. */
export function itemUrl(publicUrl: string, item: PendingItem): string {
  const base = publicUrl.replace(/\/$/, "");
  if (item.audience === "staff") {
    return item.caseId ? `${base}/app/inbox/${item.caseId}` : `${base}/app/clients/${item.clientFileId}`;
  }
  const file = `${base}/portal/${item.firmId}/${item.clientFileId}`;
  if (item.caseId) return `${file}/cases/${item.caseId}`;
  if (item.topic === "case_update") return `${file}/cases`;
  if (item.topic === "new_document" || item.topic === "invoice") return `${file}/documents`;
  return file;
}

/** The main button's address: the portal's start, or the back office's. */
export function homeUrl(publicUrl: string, audience: "portal" | "staff"): string {
  return `${publicUrl.replace(/\/$/, "")}/${audience === "staff" ? "app" : "portal"}`;
}
