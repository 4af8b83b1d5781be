import type { deConfirmations } from "./de-confirmations.js";
import type { Catalog } from "./index.js";

/** English wording of the confirmation request and its reminders; exactly the keys of the German one. */
export const enConfirmations: Pick<Catalog, keyof typeof deConfirmations> = {
  "confirmation-request": {
    subject: {
      request: "Please confirm receipt: {{documentTitle}}",
      renewal: "New version – please confirm receipt: {{documentTitle}}",
      reminder: "Reminder: please confirm receipt of {{documentTitle}}",
    },
    preview: "{{firmName}} asks you for a short confirmation in the client portal.",
    greeting: "Hello {{name}}",
    message: {
      request:
        "{{requesterName}} at {{firmName}} has shared a document with you in the client portal. Please read it, then confirm in the portal that you have received and read it.",
      renewal:
        "{{requesterName}} at {{firmName}} has shared a new version of a document with you in the client portal. Your earlier confirmation was for the old version. Please read the new version and confirm its receipt in the portal.",
    },
    stillOpen: "A short reminder: {{firmName}} is still waiting for your confirmation of this document.",
    documentLabel: "Document",
    versionLine: "Version {{version}} of {{date}}",
    versionOnly: "Version {{version}}",
    howTo: "Sign in to the client portal. There you can open the document, then confirm with one click.",
    open: "Open the document in the client portal",
    recorded:
      "When you confirm, the date and time, the document's version and its digital fingerprint are recorded. That way it is clear later which document you received.",
    noPassword: "We never ask for your password by email.",
    questions: "If you have questions, please contact {{firmName}}.",
    reason:
      "You are receiving this email because {{firmName}} asks you for a confirmation of receipt in the client portal on Atrium.",
  },
};
