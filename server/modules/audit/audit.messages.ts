import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the audit feature (errors and field hints), keys prefixed "audit.". */
export const auditMessages: FeatureMessages = { de: {}, fr: {}, en: {} };
