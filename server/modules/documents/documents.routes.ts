import type { App, AppDeps } from "../../deps.js";

/** The documents routes (being built). */
export async function documentsRoutes(_app: App, _deps: AppDeps): Promise<void> {}
