/**
 * German wording of the confirmation request and its reminders (PORTAL-5, seed 000), spread into the
 * German catalog. `message.*` is the standard text staff start from and may rewrite before sending.
 */
export const deConfirmations = {
  "confirmation-request": {
    subject: {
      request: {
        formal: "Bitte bestätigen Sie den Erhalt: {{documentTitle}}",
        informal: "Bitte bestätige den Erhalt: {{documentTitle}}",
      },
      renewal: {
        formal: "Neue Fassung – bitte bestätigen Sie den Erhalt: {{documentTitle}}",
        informal: "Neue Fassung – bitte bestätige den Erhalt: {{documentTitle}}",
      },
      reminder: {
        formal: "Erinnerung: Bitte bestätigen Sie den Erhalt von {{documentTitle}}",
        informal: "Erinnerung: Bitte bestätige den Erhalt von {{documentTitle}}",
      },
    },
    preview: {
      formal: "{{firmName}} bittet Sie um eine kurze Bestätigung im Kundenportal.",
      informal: "{{firmName}} bittet dich um eine kurze Bestätigung im Kundenportal.",
    },
    greeting: { formal: "Guten Tag {{name}}", informal: "Hallo {{name}}" },
    message: {
      request: {
        formal:
          "{{requesterName}} von {{firmName}} hat Ihnen ein Dokument im Kundenportal bereitgestellt. Bitte lesen Sie es und bestätigen Sie anschließend im Portal, dass Sie es erhalten und gelesen haben.",
        informal:
          "{{requesterName}} von {{firmName}} hat dir ein Dokument im Kundenportal bereitgestellt. Bitte lies es und bestätige anschließend im Portal, dass du es erhalten und gelesen hast.",
      },
      renewal: {
        formal:
          "{{requesterName}} von {{firmName}} hat Ihnen eine neue Fassung eines Dokuments im Kundenportal bereitgestellt. Ihre frühere Bestätigung gilt für die alte Fassung. Bitte lesen Sie die neue Fassung und bestätigen Sie den Erhalt im Portal.",
        informal:
          "{{requesterName}} von {{firmName}} hat dir eine neue Fassung eines Dokuments im Kundenportal bereitgestellt. Deine frühere Bestätigung gilt für die alte Fassung. Bitte lies die neue Fassung und bestätige den Erhalt im Portal.",
      },
    },
    stillOpen: {
      formal: "Eine kurze Erinnerung: {{firmName}} wartet noch auf Ihre Bestätigung zu diesem Dokument.",
      informal: "Eine kurze Erinnerung: {{firmName}} wartet noch auf deine Bestätigung zu diesem Dokument.",
    },
    documentLabel: "Dokument",
    versionLine: "Fassung {{version}} vom {{date}}",
    versionOnly: "Fassung {{version}}",
    howTo: {
      formal:
        "Melden Sie sich im Kundenportal an. Dort können Sie das Dokument öffnen und danach mit einem Klick bestätigen.",
      informal:
        "Melde dich im Kundenportal an. Dort kannst du das Dokument öffnen und danach mit einem Klick bestätigen.",
    },
    open: "Zum Dokument im Kundenportal",
    recorded: {
      formal:
        "Bei Ihrer Bestätigung werden Datum und Uhrzeit, die Fassung des Dokuments und sein digitaler Fingerabdruck gespeichert. So ist später klar, welches Dokument Sie erhalten haben.",
      informal:
        "Bei deiner Bestätigung werden Datum und Uhrzeit, die Fassung des Dokuments und sein digitaler Fingerabdruck gespeichert. So ist später klar, welches Dokument du erhalten hast.",
    },
    noPassword: {
      formal: "Wir fragen niemals per E-Mail nach Ihrem Passwort.",
      informal: "Wir fragen niemals per E-Mail nach deinem Passwort.",
    },
    questions: {
      formal: "Bei Fragen wenden Sie sich bitte an {{firmName}}.",
      informal: "Bei Fragen wende dich bitte an {{firmName}}.",
    },
    reason: {
      formal:
        "Sie erhalten diese E-Mail, weil {{firmName}} Sie im Kundenportal auf Atrium um eine Empfangsbestätigung bittet.",
      informal:
        "Du erhältst diese E-Mail, weil {{firmName}} dich im Kundenportal auf Atrium um eine Empfangsbestätigung bittet.",
    },
  },
};
