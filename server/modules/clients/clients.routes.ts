import type { App, AppDeps } from "../../deps.js";

/** The clients routes (being built). */
export async function clientsRoutes(_app: App, _deps: AppDeps): Promise<void> {}
