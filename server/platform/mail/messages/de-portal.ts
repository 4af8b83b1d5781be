/**
 * German wording of the client-portal emails (invitation and its reminders, access notice, password
 * reset), spread into the German catalog so it stays the reference. Written for every reader, also
 * the oldest: short sentences, everyday words.
 */
export const dePortal = {
  "client-invitation": {
    subject: {
      invitation: {
        formal: "{{firmName}} lädt Sie in das Kundenportal ein",
        informal: "{{firmName}} lädt dich in das Kundenportal ein",
      },
      firstReminder: {
        formal: "Erinnerung: Ihr Zugang zum Kundenportal von {{firmName}} wartet auf Sie",
        informal: "Erinnerung: Dein Zugang zum Kundenportal von {{firmName}} wartet auf dich",
      },
      laterReminder: {
        formal: "Noch einmal: Ihre Einladung in das Kundenportal von {{firmName}} ist noch offen",
        informal: "Noch einmal: Deine Einladung in das Kundenportal von {{firmName}} ist noch offen",
      },
    },
    preview: {
      invitation: {
        formal: "{{inviterName}} lädt Sie ein. Der Link gilt bis {{expiresAt}}.",
        informal: "{{inviterName}} lädt dich ein. Der Link gilt bis {{expiresAt}}.",
      },
      reminder: {
        formal: "Ihre Einladung ist noch offen. Der Link gilt bis {{expiresAt}}.",
        informal: "Deine Einladung ist noch offen. Der Link gilt bis {{expiresAt}}.",
      },
    },
    greeting: { formal: "Guten Tag {{name}}", informal: "Hallo {{name}}" },
    stillOpen: {
      formal: "Eine kurze Erinnerung: Ihre Einladung in das Kundenportal ist noch offen.",
      informal: "Eine kurze Erinnerung: Deine Einladung in das Kundenportal ist noch offen.",
    },
    invited: {
      formal: "{{inviterName}} von {{firmName}} hat Sie in das Kundenportal eingeladen.",
      informal: "{{inviterName}} von {{firmName}} hat dich in das Kundenportal eingeladen.",
    },
    purpose: {
      formal:
        "Im Kundenportal sehen Sie alles, was {{firmName}} mit Ihnen teilt: zum Beispiel Verträge, Dokumente und Nachrichten. Alles liegt dort sicher an einem Ort.",
      informal:
        "Im Kundenportal siehst du alles, was {{firmName}} mit dir teilt: zum Beispiel Verträge, Dokumente und Nachrichten. Alles liegt dort sicher an einem Ort.",
    },
    personalIntro: {
      formal: "{{inviterName}} schreibt Ihnen:",
      informal: "{{inviterName}} schreibt dir:",
    },
    howTo: {
      formal: "Über die Schaltfläche unten richten Sie Ihren Zugang ein. Das dauert nur wenige Minuten:",
      informal: "Über die Schaltfläche unten richtest du deinen Zugang ein. Das dauert nur wenige Minuten:",
    },
    steps: {
      name: { formal: "Ihren Namen bestätigen", informal: "Deinen Namen bestätigen" },
      password: "Ein eigenes Passwort wählen",
    },
    accept: "Zugang einrichten",
    expires: {
      formal: "Der Link gilt bis {{expiresAt}}. Danach kann {{firmName}} Ihnen eine neue Einladung senden.",
      informal: "Der Link gilt bis {{expiresAt}}. Danach kann {{firmName}} dir eine neue Einladung senden.",
    },
    onceOnly: {
      formal:
        "Der Link funktioniert nur einmal. Er ist erst verbraucht, wenn Ihr Zugang eingerichtet ist. Nur das Öffnen ändert nichts.",
      informal:
        "Der Link funktioniert nur einmal. Er ist erst verbraucht, wenn dein Zugang eingerichtet ist. Nur das Öffnen ändert nichts.",
    },
    noPassword: {
      formal: "Wir senden Ihnen niemals ein Passwort per E-Mail. Ihr Passwort wählen Sie selbst.",
      informal: "Wir senden dir niemals ein Passwort per E-Mail. Dein Passwort wählst du selbst.",
    },
    notExpected: {
      formal:
        "Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren. Bei Fragen wenden Sie sich direkt an {{firmName}}.",
      informal:
        "Wenn du diese Einladung nicht erwartet hast, kannst du diese E-Mail ignorieren. Bei Fragen wende dich direkt an {{firmName}}.",
    },
    reason: {
      formal:
        "Sie erhalten diese E-Mail, weil {{inviterName}} von {{firmName}} Sie in das Kundenportal auf Atrium eingeladen hat.",
      informal:
        "Du erhältst diese E-Mail, weil {{inviterName}} von {{firmName}} dich in das Kundenportal auf Atrium eingeladen hat.",
    },
  },
  "access-granted": {
    subject: {
      formal: "{{firmName}} hat Ihnen im Kundenportal neue Angaben freigegeben",
      informal: "{{firmName}} hat dir im Kundenportal neue Angaben freigegeben",
    },
    preview: {
      formal: "Sie finden die neuen Angaben im Kundenportal. Melden Sie sich wie gewohnt an.",
      informal: "Du findest die neuen Angaben im Kundenportal. Melde dich wie gewohnt an.",
    },
    greeting: { formal: "Guten Tag {{name}}", informal: "Hallo {{name}}" },
    granted: {
      formal:
        "{{inviterName}} von {{firmName}} hat Ihnen weitere Angaben freigegeben. Sie sehen diese jetzt in Ihrem Kundenportal.",
      informal:
        "{{inviterName}} von {{firmName}} hat dir weitere Angaben freigegeben. Du siehst diese jetzt in deinem Kundenportal.",
    },
    personalIntro: {
      formal: "{{inviterName}} schreibt Ihnen:",
      informal: "{{inviterName}} schreibt dir:",
    },
    signIn: {
      formal:
        "Melden Sie sich wie gewohnt mit Ihrer E-Mail-Adresse und Ihrem Passwort an. Sie brauchen kein neues Konto.",
      informal:
        "Melde dich wie gewohnt mit deiner E-Mail-Adresse und deinem Passwort an. Du brauchst kein neues Konto.",
    },
    openPortal: "Zum Kundenportal",
    noPassword: {
      formal: "Wir fragen Sie niemals per E-Mail nach Ihrem Passwort.",
      informal: "Wir fragen dich niemals per E-Mail nach deinem Passwort.",
    },
    questions: {
      formal: "Bei Fragen wenden Sie sich bitte an {{firmName}}.",
      informal: "Bei Fragen wende dich bitte an {{firmName}}.",
    },
    reason: {
      formal:
        "Sie erhalten diese E-Mail, weil {{firmName}} Ihnen im Kundenportal auf Atrium neue Angaben freigegeben hat.",
      informal:
        "Du erhältst diese E-Mail, weil {{firmName}} dir im Kundenportal auf Atrium neue Angaben freigegeben hat.",
    },
  },
  "password-reset": {
    subject: "Neues Passwort für das Kundenportal von {{firmName}}",
    preview: {
      formal: "Wählen Sie ein neues Passwort. Der Link gilt bis {{expiresAt}}.",
      informal: "Wähle ein neues Passwort. Der Link gilt bis {{expiresAt}}.",
    },
    greeting: { formal: "Guten Tag {{name}}", informal: "Hallo {{name}}" },
    requested: {
      formal: "Für Ihr Konto im Kundenportal von {{firmName}} wurde ein neues Passwort angefordert.",
      informal: "Für dein Konto im Kundenportal von {{firmName}} wurde ein neues Passwort angefordert.",
    },
    howTo: {
      formal: "Über die Schaltfläche unten wählen Sie ein neues Passwort.",
      informal: "Über die Schaltfläche unten wählst du ein neues Passwort.",
    },
    choose: "Neues Passwort wählen",
    expires: {
      formal:
        "Der Link gilt bis {{expiresAt}} und funktioniert nur einmal. Danach können Sie einfach einen neuen Link anfordern.",
      informal:
        "Der Link gilt bis {{expiresAt}} und funktioniert nur einmal. Danach kannst du einfach einen neuen Link anfordern.",
    },
    secondFactor: {
      formal:
        "Auch mit dem neuen Passwort fragen wir bei der Anmeldung wie gewohnt nach Ihrer zweiten Bestätigung, zum Beispiel einem Code per SMS.",
      informal:
        "Auch mit dem neuen Passwort fragen wir bei der Anmeldung wie gewohnt nach deiner zweiten Bestätigung, zum Beispiel einem Code per SMS.",
    },
    notYou: {
      formal:
        "Wenn Sie das nicht waren, ignorieren Sie diese E-Mail einfach. Ihr Passwort bleibt dann, wie es ist.",
      informal:
        "Wenn du das nicht warst, ignoriere diese E-Mail einfach. Dein Passwort bleibt dann, wie es ist.",
    },
    noPassword: {
      formal: "Wir fragen Sie niemals per E-Mail nach Ihrem Passwort.",
      informal: "Wir fragen dich niemals per E-Mail nach deinem Passwort.",
    },
    reason: {
      formal:
        "Sie erhalten diese E-Mail, weil für Ihr Konto im Kundenportal von {{firmName}} ein neues Passwort angefordert wurde.",
      informal:
        "Du erhältst diese E-Mail, weil für dein Konto im Kundenportal von {{firmName}} ein neues Passwort angefordert wurde.",
    },
  },
};
