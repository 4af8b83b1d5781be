import type { App, AppDeps } from "../../deps.js";

/** The staff routes (being built). */
export async function staffRoutes(_app: App, _deps: AppDeps): Promise<void> {}
