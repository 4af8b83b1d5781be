import type { App, AppDeps } from "../../deps.js";

/** The settings routes (being built). */
export async function settingsRoutes(_app: App, _deps: AppDeps): Promise<void> {}
