import { AppError } from "../../platform/errors.js";
import type { FileAccess } from "./portal-access.js";

// PORTAL-4's mailbox: who may record that a shared document has been read. Seeing the document is
// enough (a `read` grantee keeps their own mailbox); a staff preview only looks and never counts as the
// client having read anything.

/**
 * The account whose reads a viewer of the file records, or null in a preview (opening a document
 * there is the staff member's, not the client's).
 */
export function readerToRecord(access: FileAccess): string | null {
  return access.viewer.kind === "account" ? access.viewer.accountId : null;
}

/** The account that marks documents as read by hand; a preview hears 403 (it changes nothing). */
export function requireReaderToMark(access: FileAccess): string {
  const reader = readerToRecord(access);
  if (reader === null) throw new AppError("forbidden", "access.preview_read_only");
  return reader;
}
