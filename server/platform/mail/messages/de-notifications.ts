/**
 * German wording of the notification digest (CASE-2): one mail listing what happened since the last
 * one, for clients in the portal and for staff in the back office. Spread into the German catalog.
 */
export const deNotifications = {
  "notification-digest": {
    subject: {
      one: "{{firmName}}: Neues im Kundenportal",
      many: "{{firmName}}: {{count}} Neuigkeiten im Kundenportal",
      staffOne: "Atrium: Neues für {{firmName}}",
      staffMany: "Atrium: {{count}} Neuigkeiten für {{firmName}}",
    },
    preview: {
      formal: "Seit Ihrer letzten Nachricht ist Folgendes passiert.",
      informal: "Seit deiner letzten Nachricht ist Folgendes passiert.",
    },
    greeting: { formal: "Guten Tag {{name}}", informal: "Hallo {{name}}" },
    intro: {
      formal: "Bei {{firmName}} gibt es Neues für Sie:",
      informal: "Bei {{firmName}} gibt es Neues für dich:",
    },
    staffIntro: "In Atrium ist für {{firmName}} Folgendes eingegangen:",
    topic: {
      case_update: "Neuigkeit zu einem Anliegen",
      new_document: "Neues Dokument",
      invoice: "Neue Rechnung",
      new_case: "Neues Anliegen",
      client_message: "Neue Nachricht",
      client_upload: "Neuer Upload",
      document_confirmed: "Dokument bestätigt",
    },
    inFile: "Akte {{file}}",
    open: "Öffnen",
    openPortal: "Zum Kundenportal",
    openBackOffice: "Zu Atrium",
    settings: {
      formal:
        "Welche Nachrichten Sie per E-Mail erhalten, stellen Sie in Ihrem Profil unter „Benachrichtigungen“ ein.",
      informal:
        "Welche Nachrichten du per E-Mail erhältst, stellst du in deinem Profil unter „Benachrichtigungen“ ein.",
    },
    noPassword: {
      formal: "Wir fragen Sie niemals per E-Mail nach Ihrem Passwort.",
      informal: "Wir fragen dich niemals per E-Mail nach deinem Passwort.",
    },
    reason: {
      formal:
        "Sie erhalten diese E-Mail, weil {{firmName}} Sie im Kundenportal auf Atrium über Neues informiert. Wir fassen Neuigkeiten zusammen und schreiben höchstens einmal pro Stunde.",
      informal:
        "Du erhältst diese E-Mail, weil {{firmName}} dich im Kundenportal auf Atrium über Neues informiert. Wir fassen Neuigkeiten zusammen und schreiben höchstens einmal pro Stunde.",
    },
    staffReason:
      "Sie erhalten diese E-Mail als Mitarbeiterin oder Mitarbeiter von {{firmName}} auf Atrium. Neuigkeiten werden zusammengefasst, höchstens eine E-Mail pro Stunde.",
  },
};
