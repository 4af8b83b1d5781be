import type { App, AppDeps } from "../../deps.js";

/** The imports routes (being built). */
export async function importsRoutes(_app: App, _deps: AppDeps): Promise<void> {}
