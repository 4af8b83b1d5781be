import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the bounce intake, keys prefixed "mail.". */
export const bounceMessages: FeatureMessages = {
  en: {
    "mail.bounces_disabled":
      "The bounce intake is switched off: set MAIL_BOUNCE_TOKEN on the server to receive bounces.",
    "mail.bounce_unreadable":
      "This is not a delivery status notification naming one of Atrium's mails (no original Message-ID found).",
    "mail.bounce_field":
      "Please send messageId (the original Message-ID), and optionally status and diagnostic.",
  },
  de: {
    "mail.bounces_disabled":
      "Die Annahme von Unzustellbarkeitsmeldungen ist ausgeschaltet: Setzen Sie MAIL_BOUNCE_TOKEN auf dem Server.",
    "mail.bounce_unreadable":
      "Dies ist keine Zustellstatusmeldung zu einer Mail von Atrium (keine ursprüngliche Message-ID gefunden).",
    "mail.bounce_field":
      "Bitte senden Sie messageId (die ursprüngliche Message-ID) und wahlweise status und diagnostic.",
  },
  fr: {
    "mail.bounces_disabled":
      "La réception des avis de non-remise est désactivée : définissez MAIL_BOUNCE_TOKEN sur le serveur.",
    "mail.bounce_unreadable":
      "Ce n'est pas un avis d'état de remise concernant un e-mail d'Atrium (aucun Message-ID d'origine trouvé).",
    "mail.bounce_field":
      "Veuillez envoyer messageId (le Message-ID d'origine), et éventuellement status et diagnostic.",
  },
};
