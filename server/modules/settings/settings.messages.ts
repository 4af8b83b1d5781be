import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the settings feature (errors and field hints), keys prefixed "settings.". */
export const settingsMessages: FeatureMessages = { de: {}, fr: {}, en: {} };
