import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the access engine (portal refusals), keys prefixed "access.". */
export const accessMessages: FeatureMessages = {
  en: {
    "access.preview_read_only": "This is a preview of what the client sees. Nothing can be changed here.",
    "access.read_only":
      "Your access to this file is read-only. Ask your advisor if you need to change something.",
    "access.role_may_not_edit":
      "Your access lets you change persons, assets and donations only. Ask the firm to change anything else.",
  },
  de: {
    "access.preview_read_only": "Dies ist eine Vorschau der Kundensicht. Hier kann nichts geändert werden.",
    "access.read_only":
      "Sie haben auf diese Akte nur Lesezugriff. Wenden Sie sich an Ihre Beratung, wenn etwas geändert werden soll.",
    "access.role_may_not_edit":
      "Mit Ihrem Zugang können Sie nur Personen, Vermögenswerte und Schenkungen ändern. Alles andere ändert das Büro für Sie.",
  },
  fr: {
    "access.preview_read_only": "Ceci est un aperçu de ce que voit le client. Rien ne peut être modifié ici.",
    "access.read_only":
      "Votre accès à ce dossier est en lecture seule. Adressez-vous à votre conseiller pour toute modification.",
    "access.role_may_not_edit":
      "Votre accès vous permet de modifier uniquement les personnes, les biens et les donations. Le cabinet modifie le reste pour vous.",
  },
};
