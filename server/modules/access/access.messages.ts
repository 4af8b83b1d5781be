import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the access engine (portal refusals), keys prefixed "access.". */
export const accessMessages: FeatureMessages = {
  en: {
    "access.second_factor_required_any":
      "Your advisor's firm asks you to protect your sign-in with a second factor. Please set one up to continue.",
    "access.second_factor_required_sms":
      "Your advisor's firm asks for a code by text message at sign-in. Please switch on SMS codes to continue.",
    "access.second_factor_required_totp":
      "Your advisor's firm asks for an authenticator app at sign-in. Please set one up to continue.",
    "access.second_factor_required_passkey":
      "Your advisor's firm asks for a passkey at sign-in. Please add a passkey to continue.",
    "access.preview_read_only": "This is a preview of what the client sees. Nothing can be changed here.",
    "access.read_only":
      "Your access to this file is read-only. Ask your advisor if you need to change something.",
    "access.role_may_not_edit":
      "Your access lets you change persons, assets and donations only. Ask the firm to change anything else.",
  },
  de: {
    "access.second_factor_required_any":
      "Das Büro Ihrer Beratung verlangt einen zweiten Faktor bei der Anmeldung. Bitte richten Sie einen ein, um fortzufahren.",
    "access.second_factor_required_sms":
      "Das Büro Ihrer Beratung verlangt bei der Anmeldung einen Code per SMS. Bitte schalten Sie SMS-Codes ein, um fortzufahren.",
    "access.second_factor_required_totp":
      "Das Büro Ihrer Beratung verlangt bei der Anmeldung eine Authenticator-App. Bitte richten Sie eine ein, um fortzufahren.",
    "access.second_factor_required_passkey":
      "Das Büro Ihrer Beratung verlangt bei der Anmeldung einen Passkey. Bitte fügen Sie einen Passkey hinzu, um fortzufahren.",
    "access.preview_read_only": "Dies ist eine Vorschau der Kundensicht. Hier kann nichts geändert werden.",
    "access.read_only":
      "Sie haben auf diese Akte nur Lesezugriff. Wenden Sie sich an Ihre Beratung, wenn etwas geändert werden soll.",
    "access.role_may_not_edit":
      "Mit Ihrem Zugang können Sie nur Personen, Vermögenswerte und Schenkungen ändern. Alles andere ändert das Büro für Sie.",
  },
  fr: {
    "access.second_factor_required_any":
      "Le cabinet de votre conseiller demande un second facteur à la connexion. Veuillez en configurer un pour continuer.",
    "access.second_factor_required_sms":
      "Le cabinet de votre conseiller demande un code par SMS à la connexion. Veuillez activer les codes SMS pour continuer.",
    "access.second_factor_required_totp":
      "Le cabinet de votre conseiller demande une application d'authentification à la connexion. Veuillez en configurer une pour continuer.",
    "access.second_factor_required_passkey":
      "Le cabinet de votre conseiller demande une clé d'accès à la connexion. Veuillez ajouter une clé d'accès pour continuer.",
    "access.preview_read_only": "Ceci est un aperçu de ce que voit le client. Rien ne peut être modifié ici.",
    "access.read_only":
      "Votre accès à ce dossier est en lecture seule. Adressez-vous à votre conseiller pour toute modification.",
    "access.role_may_not_edit":
      "Votre accès vous permet de modifier uniquement les personnes, les biens et les donations. Le cabinet modifie le reste pour vous.",
  },
};
