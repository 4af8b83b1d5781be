import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the clients feature (errors and field hints), keys prefixed "clients.". */
export const clientsMessages: FeatureMessages = { de: {}, fr: {}, en: {} };
