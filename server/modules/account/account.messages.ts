import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the account's own pages (sessions, mobile number), keys prefixed "account.". */
export const accountMessages: FeatureMessages = {
  en: {
    "account.phone_code_limit":
      "Too many codes were requested. Please wait an hour and try again, or ask your advisor for help.",
    "account.phone_code_gone":
      "This code no longer works: it expired, was used or replaced, or was mistyped too often. Please request a new code.",
    "account.phone_code_wrong": "This code is not right. Please check the six digits in the text message.",
    "account.session_gone": "This session does not exist or has already ended.",
    "account.device": "{{browser}} on {{os}}",
    "account.device_unknown_browser": "A browser on {{os}}",
  },
  de: {
    "account.phone_code_limit":
      "Es wurden zu viele Codes angefordert. Bitte warten Sie eine Stunde und versuchen Sie es erneut, oder fragen Sie Ihre Beraterin oder Ihren Berater.",
    "account.phone_code_gone":
      "Dieser Code gilt nicht mehr: Er ist abgelaufen, wurde verwendet oder ersetzt oder zu oft falsch eingegeben. Bitte fordern Sie einen neuen Code an.",
    "account.phone_code_wrong": "Dieser Code stimmt nicht. Bitte prüfen Sie die sechs Ziffern in der SMS.",
    "account.session_gone": "Diese Sitzung gibt es nicht oder sie ist bereits beendet.",
    "account.device": "{{browser}} auf {{os}}",
    "account.device_unknown_browser": "Ein Browser auf {{os}}",
  },
  fr: {
    "account.phone_code_limit":
      "Trop de codes ont été demandés. Veuillez patienter une heure puis réessayer, ou demandez de l'aide à votre conseiller.",
    "account.phone_code_gone":
      "Ce code ne fonctionne plus : il a expiré, a été utilisé ou remplacé, ou a été mal saisi trop souvent. Veuillez demander un nouveau code.",
    "account.phone_code_wrong": "Ce code n'est pas correct. Veuillez vérifier les six chiffres du SMS.",
    "account.session_gone": "Cette session n'existe pas ou a déjà pris fin.",
    "account.device": "{{browser}} sur {{os}}",
    "account.device_unknown_browser": "Un navigateur sur {{os}}",
  },
};
