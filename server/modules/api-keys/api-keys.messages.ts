import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the API keys feature, keys prefixed "api_keys.". */
export const apiKeysMessages: FeatureMessages = {
  en: {
    "api_keys.admins_only": "Only administrators can manage the firm's API keys.",
    "api_keys.invalid_key":
      "This API key is missing, unknown or revoked. Send a valid key as “Authorization: Bearer atr_…”; an administrator can create one under Settings › API keys.",
    "api_keys.scope_missing":
      "This API key lacks the scope “{{scope}}”. Ask an administrator for a key with this scope.",
    "api_keys.rate_limited": "Too many requests with this API key. Please wait a minute and try again.",
  },
  de: {
    "api_keys.admins_only": "Nur Administratoren können die API-Schlüssel der Kanzlei verwalten.",
    "api_keys.invalid_key":
      "Dieser API-Schlüssel fehlt, ist unbekannt oder widerrufen. Senden Sie einen gültigen Schlüssel als „Authorization: Bearer atr_…“; eine Administratorin oder ein Administrator kann ihn unter Einstellungen › API-Schlüssel anlegen.",
    "api_keys.scope_missing":
      "Diesem API-Schlüssel fehlt die Berechtigung „{{scope}}“. Bitten Sie eine Administratorin oder einen Administrator um einen Schlüssel mit dieser Berechtigung.",
    "api_keys.rate_limited":
      "Zu viele Anfragen mit diesem API-Schlüssel. Bitte warten Sie eine Minute und versuchen Sie es erneut.",
  },
  fr: {
    "api_keys.admins_only": "Seuls les administrateurs peuvent gérer les clés API du cabinet.",
    "api_keys.invalid_key":
      "Cette clé API est absente, inconnue ou révoquée. Envoyez une clé valide sous la forme « Authorization: Bearer atr_… » ; un administrateur peut en créer une dans Paramètres › Clés API.",
    "api_keys.scope_missing":
      "Cette clé API n'a pas le droit « {{scope}} ». Demandez à un administrateur une clé avec ce droit.",
    "api_keys.rate_limited":
      "Trop de requêtes avec cette clé API. Veuillez patienter une minute et réessayer.",
  },
};
