import { deConfirmations } from "./de-confirmations.js";
import { deNotifications } from "./de-notifications.js";
import { dePortal } from "./de-portal.js";

/**
 * German wording of every email. This catalog is the reference: its shape is the type the French and
 * English catalogs must match, so a key missing there fails the type check. The client-portal emails
 * are worded in `de-portal.ts` (spread in below), so each file stays readable.
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
  "staff-invitation": {
    subject: "{{inviterName}} lädt Sie in das Team von {{firmName}} auf Atrium ein",
    preview: {
      formal: "Nehmen Sie die Einladung von {{inviterName}} an – der Link gilt bis {{expiresAt}}.",
      informal: "Nimm die Einladung von {{inviterName}} an – der Link gilt bis {{expiresAt}}.",
    },
    greeting: { formal: "Guten Tag {{name}}", informal: "Hallo {{name}}" },
    invited: {
      formal:
        "{{inviterName}} hat Sie eingeladen, im Team von {{firmName}} auf Atrium mitzuarbeiten, mit der Rolle „{{role}}“.",
      informal:
        "{{inviterName}} hat dich eingeladen, im Team von {{firmName}} auf Atrium mitzuarbeiten, mit der Rolle „{{role}}“.",
    },
    howTo: {
      formal:
        "Über die Schaltfläche legen Sie Ihr Passwort fest und treten dem Team bei. Der Link funktioniert nur einmal.",
      informal:
        "Über die Schaltfläche legst du dein Passwort fest und trittst dem Team bei. Der Link funktioniert nur einmal.",
    },
    accept: "Einladung annehmen",
    expires: {
      formal: "Die Einladung gilt bis {{expiresAt}}. Danach kann {{firmName}} Ihnen eine neue senden.",
      informal: "Die Einladung gilt bis {{expiresAt}}. Danach kann {{firmName}} dir eine neue senden.",
    },
    noPassword: {
      formal: "Wir senden Ihnen niemals ein Passwort per E-Mail. Ihr Passwort wählen Sie selbst.",
      informal: "Wir senden dir niemals ein Passwort per E-Mail. Dein Passwort wählst du selbst.",
    },
    notExpected: {
      formal: "Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.",
      informal: "Wenn du diese Einladung nicht erwartet hast, kannst du diese E-Mail ignorieren.",
    },
    reason: {
      formal:
        "Sie erhalten diese E-Mail, weil {{inviterName}} Sie in das Team von {{firmName}} eingeladen hat.",
      informal:
        "Du erhältst diese E-Mail, weil {{inviterName}} dich in das Team von {{firmName}} eingeladen hat.",
    },
    roles: { admin: "Administration", advisor: "Beratung", assistant: "Assistenz" },
  },
  "access-changed": {
    subject: {
      formal: "Ihr Zugang bei {{firmName}} hat sich geändert",
      informal: "Dein Zugang bei {{firmName}} hat sich geändert",
    },
    preview: {
      formal: "„{{grantName}}“: Das hat sich an Ihrem Zugang geändert.",
      informal: "„{{grantName}}“: Das hat sich an deinem Zugang geändert.",
    },
    greeting: { formal: "Guten Tag {{name}}", informal: "Hallo {{name}}" },
    intro: {
      formal: "{{firmName}} hat Ihren Zugang zu „{{grantName}}“ im Kundenportal geändert:",
      informal: "{{firmName}} hat deinen Zugang zu „{{grantName}}“ im Kundenportal geändert:",
    },
    changes: {
      readOnly: {
        formal: "Sie können die geteilten Angaben weiter ansehen, aber nicht mehr ändern.",
        informal: "Du kannst die geteilten Angaben weiter ansehen, aber nicht mehr ändern.",
      },
      readWrite: {
        formal: "Sie können Angaben jetzt auch ändern, soweit Ihre Rolle es erlaubt.",
        informal: "Du kannst Angaben jetzt auch ändern, soweit deine Rolle es erlaubt.",
      },
      locked: {
        formal:
          "Ihr Zugang ist vorübergehend gesperrt. Bis er entsperrt wird, können Sie nichts davon öffnen.",
        informal:
          "Dein Zugang ist vorübergehend gesperrt. Bis er entsperrt wird, kannst du nichts davon öffnen.",
      },
      unlocked: {
        formal: "Ihr Zugang ist wieder freigegeben.",
        informal: "Dein Zugang ist wieder freigegeben.",
      },
      revoked: {
        formal: "Ihr Zugang wurde beendet. Sie können diese Angaben nicht mehr öffnen.",
        informal: "Dein Zugang wurde beendet. Du kannst diese Angaben nicht mehr öffnen.",
      },
      reinstated: {
        formal: "Ihr Zugang wurde wiederhergestellt.",
        informal: "Dein Zugang wurde wiederhergestellt.",
      },
      expires: {
        formal: "Ihr Zugang endet jetzt am {{date}}.",
        informal: "Dein Zugang endet jetzt am {{date}}.",
      },
      noExpiry: {
        formal: "Ihr Zugang hat kein Enddatum mehr.",
        informal: "Dein Zugang hat kein Enddatum mehr.",
      },
      ended: {
        formal: "Diese Freigabe besteht nicht mehr. Sie können diese Angaben nicht mehr öffnen.",
        informal: "Diese Freigabe besteht nicht mehr. Du kannst diese Angaben nicht mehr öffnen.",
      },
    },
    openPortal: "Zum Kundenportal",
    questions: {
      formal: "Bei Fragen zu dieser Änderung wenden Sie sich bitte an {{firmName}}.",
      informal: "Bei Fragen zu dieser Änderung wende dich bitte an {{firmName}}.",
    },
    noPassword: {
      formal: "Wir fragen Sie niemals per E-Mail nach Ihrem Passwort.",
      informal: "Wir fragen dich niemals per E-Mail nach deinem Passwort.",
    },
    reason: {
      formal:
        "Sie erhalten diese E-Mail, weil {{firmName}} im Kundenportal auf Atrium Angaben mit Ihnen teilt.",
      informal:
        "Du erhältst diese E-Mail, weil {{firmName}} im Kundenportal auf Atrium Angaben mit dir teilt.",
    },
  },
  ...dePortal,
  ...deConfirmations,
  ...deNotifications,
};
