import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the webhooks feature (field errors), keys prefixed "webhooks.". */
export const webhooksMessages: FeatureMessages = {
  en: {
    "webhooks.url_invalid":
      "Please enter a web address starting with https://, e.g. https://example.com/atrium-events.",
    "webhooks.url_https":
      "Webhooks are sent over https only: please enter an address starting with https://.",
    "webhooks.url_credentials":
      "Please leave the user name and password out of the address; check the signature instead.",
    "webhooks.url_internal":
      "This address is inside the portal's own network. Please enter a public address of your receiving system.",
  },
  de: {
    "webhooks.url_invalid":
      "Bitte geben Sie eine Webadresse ein, die mit https:// beginnt, z. B. https://beispiel.de/atrium-events.",
    "webhooks.url_https":
      "Webhooks werden nur über https gesendet: Bitte geben Sie eine Adresse ein, die mit https:// beginnt.",
    "webhooks.url_credentials":
      "Bitte lassen Sie Benutzername und Passwort aus der Adresse weg; prüfen Sie stattdessen die Signatur.",
    "webhooks.url_internal":
      "Diese Adresse liegt im eigenen Netz des Portals. Bitte geben Sie eine öffentliche Adresse Ihres empfangenden Systems ein.",
  },
  fr: {
    "webhooks.url_invalid":
      "Veuillez saisir une adresse web commençant par https://, p. ex. https://exemple.fr/atrium-events.",
    "webhooks.url_https":
      "Les webhooks ne sont envoyés qu’en https : veuillez saisir une adresse commençant par https://.",
    "webhooks.url_credentials":
      "Veuillez retirer le nom d’utilisateur et le mot de passe de l’adresse ; vérifiez plutôt la signature.",
    "webhooks.url_internal":
      "Cette adresse se trouve dans le réseau interne du portail. Veuillez saisir une adresse publique de votre système destinataire.",
  },
};
