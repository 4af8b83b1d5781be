import type { FileReach } from "../access/notification-reach.js";

/** What a file's contacts hear about. */
export type ContactTopic = "case_update" | "new_document" | "invoice";

const householdMembers = new Set(["holder", "co_holder", "partner"]);

/**
 * Whether a topic is meant for someone reaching the file (CASE-2): employees only read their inbox;
 * operational contacts get case updates and new documents, commercial contacts invoices; on a
 * household file the holders, co-holders and partners get all three; external advisors only new
 * documents. A document must be one the person sees.
 */
export function topicIsFor(topic: ContactTopic, reach: FileReach, fileKind: string): boolean {
  if (reach.isEmployee) return false;
  if (!reach.seesDocument) return false;
  const household = fileKind === "private" && householdMembers.has(reach.role);
  switch (topic) {
    case "case_update":
      return household || reach.isOperationalContact;
    case "new_document":
      return household || reach.isOperationalContact || reach.role === "external_advisor";
    case "invoice":
      return household || reach.isCommercialContact;
  }
}
