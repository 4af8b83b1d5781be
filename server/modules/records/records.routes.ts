import type { App, AppDeps } from "../../deps.js";

/** The records routes (being built). */
export async function recordsRoutes(_app: App, _deps: AppDeps): Promise<void> {}
