import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the staff feature (errors and field hints), keys prefixed "staff.". */
export const staffMessages: FeatureMessages = { de: {}, fr: {}, en: {} };
