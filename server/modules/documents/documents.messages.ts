import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the documents feature (errors and field hints), keys prefixed "documents.". */
export const documentsMessages: FeatureMessages = { de: {}, fr: {}, en: {} };
