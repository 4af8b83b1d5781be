import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the password reset (answers and errors), keys prefixed "password_reset.". */
export const passwordResetMessages: FeatureMessages = {
  en: {
    "password_reset.requested":
      "If an account exists for this email address, we have sent it a link to choose a new password. Please check your inbox and your spam folder.",
    "password_reset.link_gone":
      "This link no longer works: it was already used, replaced by a newer one or has expired. Please ask for a new link.",
    "password_reset.rate_limited":
      "Too many requests to reset a password. Please wait up to an hour, then try again.",
  },
  de: {
    "password_reset.requested":
      "Wenn zu dieser E-Mail-Adresse ein Konto besteht, haben wir einen Link zum Wählen eines neuen Passworts gesendet. Bitte sehen Sie in Ihrem Posteingang und im Spam-Ordner nach.",
    "password_reset.link_gone":
      "Dieser Link funktioniert nicht mehr: Er wurde bereits verwendet, durch einen neueren ersetzt oder ist abgelaufen. Bitte fordern Sie einen neuen Link an.",
    "password_reset.rate_limited":
      "Zu viele Anfragen zum Zurücksetzen eines Passworts. Bitte warten Sie bis zu einer Stunde und versuchen Sie es dann erneut.",
  },
  fr: {
    "password_reset.requested":
      "Si un compte existe pour cette adresse e-mail, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Veuillez consulter votre boîte de réception et vos courriers indésirables.",
    "password_reset.link_gone":
      "Ce lien ne fonctionne plus : il a déjà été utilisé, remplacé par un plus récent ou il a expiré. Veuillez demander un nouveau lien.",
    "password_reset.rate_limited":
      "Trop de demandes de réinitialisation du mot de passe. Veuillez patienter jusqu'à une heure, puis réessayer.",
  },
};
