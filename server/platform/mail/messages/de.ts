/**
 * German wording of every email. This catalog is the reference: its shape is the type the French and
 * English catalogs must match, so a key missing there fails the type check.
 * A leaf is either one string for both salutations or `{ formal, informal }` where Sie and Du differ.
 */
export const de = {
  layout: {
    sentBy: "Versandt von Atrium im Auftrag von {{firmName}}.",
    linkFallback: {
      formal: "Falls die Schaltfläche nicht funktioniert, öffnen Sie diesen Link:",
      informal: "Falls die Schaltfläche nicht funktioniert, öffne diesen Link:",
    },
  },
  "welcome-admin": {
    subject: "Willkommen bei Atrium – {{firmName}} ist eingerichtet",
    preview: {
      formal: "{{firmName}} ist auf Atrium bereit. Melden Sie sich jetzt an.",
      informal: "{{firmName}} ist auf Atrium bereit. Melde dich jetzt an.",
    },
    greeting: { formal: "Guten Tag {{name}}", informal: "Hallo {{name}}" },
    ready: "{{firmName}} ist jetzt auf Atrium eingerichtet und bereit.",
    nextSteps: {
      formal:
        "Als erste Administratorin bzw. erster Administrator können Sie sich jetzt anmelden, Ihr Team einladen und Ihre Kundinnen und Kunden ins Portal holen.",
      informal:
        "Als erste Administratorin bzw. erster Administrator kannst du dich jetzt anmelden, dein Team einladen und deine Kundinnen und Kunden ins Portal holen.",
    },
    signIn: "Jetzt anmelden",
    noPassword: {
      formal:
        "Wir senden Ihnen niemals ein Passwort per E-Mail. Wer Sie per E-Mail nach Ihrem Passwort fragt, gehört nicht zu Atrium.",
      informal:
        "Wir senden dir niemals ein Passwort per E-Mail. Wer dich per E-Mail nach deinem Passwort fragt, gehört nicht zu Atrium.",
    },
    reason: {
      formal:
        "Sie erhalten diese E-Mail, weil für Sie der Administrationszugang von {{firmName}} auf Atrium eingerichtet wurde.",
      informal:
        "Du erhältst diese E-Mail, weil für dich der Administrationszugang von {{firmName}} auf Atrium eingerichtet wurde.",
    },
  },
};
