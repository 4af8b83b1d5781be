import type { Catalog } from "./index.js";

/** English wording of the notification digest (CASE-2), spread into the English catalog. */
export const enNotifications: Pick<Catalog, "notification-digest"> = {
  "notification-digest": {
    subject: {
      one: "{{firmName}}: something new in the client portal",
      many: "{{firmName}}: {{count}} new items in the client portal",
      staffOne: "Atrium: something new for {{firmName}}",
      staffMany: "Atrium: {{count}} new items for {{firmName}}",
    },
    preview: "Here is what has happened since our last message.",
    greeting: "Hello {{name}}",
    intro: "{{firmName}} has something new for you:",
    staffIntro: "This has arrived in Atrium for {{firmName}}:",
    topic: {
      case_update: "Update on a request",
      new_document: "New document",
      invoice: "New invoice",
      new_case: "New request",
      client_message: "New message",
      client_upload: "New upload",
      document_confirmed: "Document confirmed",
    },
    inFile: "File {{file}}",
    open: "Open",
    openPortal: "Open the client portal",
    openBackOffice: "Open Atrium",
    settings: "You can choose which messages you get by email in your profile, under “Notifications”.",
    noPassword: "We never ask for your password by email.",
    reason:
      "You are receiving this email because {{firmName}} keeps you informed about the client portal on Atrium. We bundle news and write at most once an hour.",
    staffReason:
      "You are receiving this email as a member of staff of {{firmName}} on Atrium. News is bundled, at most one email an hour.",
  },
};
