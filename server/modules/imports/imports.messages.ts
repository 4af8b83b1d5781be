import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the imports feature (errors and field hints), keys prefixed "imports.". */
export const importsMessages: FeatureMessages = { de: {}, fr: {}, en: {} };
