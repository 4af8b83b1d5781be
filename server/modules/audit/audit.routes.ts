import type { App, AppDeps } from "../../deps.js";

/** The audit routes (being built). */
export async function auditRoutes(_app: App, _deps: AppDeps): Promise<void> {}
