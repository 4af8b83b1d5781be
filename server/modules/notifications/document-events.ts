import { and, eq } from "drizzle-orm";
import type { ScopedTx } from "../../platform/db/scope.js";
import { documentCategories } from "../documents/documents.tables.js";
import { notifyFileContacts } from "./notify.js";

/** The stable key of the document category whose documents are invoices (firm-defaults.ts). */
export const INVOICE_CATEGORY_KEY = "invoice";

/**
 * Notes that a document became visible in the portal, or got a new version while shared: an invoice
 * for the commercial contacts, any other document for the operational ones (routing.ts). Call it in
 * the transaction that shares or adds the version, with the request's time.
 */
export async function notifyDocumentShared(
  tx: ScopedTx,
  document: { clientFileId: string; documentId: string; title: string; categoryId: string; at?: Date },
): Promise<number> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("notifications need a firm scope");
  const [category] = await tx.db
    .select({ key: documentCategories.key })
    .from(documentCategories)
    .where(and(eq(documentCategories.firmId, firmId), eq(documentCategories.id, document.categoryId)));
  return notifyFileContacts(tx, {
    clientFileId: document.clientFileId,
    topic: category?.key === INVOICE_CATEGORY_KEY ? "invoice" : "new_document",
    documentId: document.documentId,
    title: document.title,
    ...(document.at ? { at: document.at } : {}),
  });
}
