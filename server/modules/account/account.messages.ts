import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the account's own pages (sessions), keys prefixed "account.". */
export const accountMessages: FeatureMessages = {
  en: {
    "account.session_gone": "This session does not exist or has already ended.",
    "account.device": "{{browser}} on {{os}}",
    "account.device_unknown_browser": "A browser on {{os}}",
  },
  de: {
    "account.session_gone": "Diese Sitzung gibt es nicht oder sie ist bereits beendet.",
    "account.device": "{{browser}} auf {{os}}",
    "account.device_unknown_browser": "Ein Browser auf {{os}}",
  },
  fr: {
    "account.session_gone": "Cette session n'existe pas ou a déjà pris fin.",
    "account.device": "{{browser}} sur {{os}}",
    "account.device_unknown_browser": "Un navigateur sur {{os}}",
  },
};
