import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the records feature (errors and field hints), keys prefixed "records.". */
export const recordsMessages: FeatureMessages = { de: {}, fr: {}, en: {} };
