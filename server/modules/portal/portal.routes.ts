import type { App, AppDeps } from "../../deps.js";
import { portalWriteGate } from "../access/portal-scope.js";
import { portalDocumentReadRoutes } from "./portal-document-reads.routes.js";
import { portalReadRoutes } from "./portal-read.routes.js";
import { portalWriteRoutes } from "./portal-write.routes.js";

/** The portal's API for signed-in grantees and staff previews (PORTAL-2 … PORTAL-4, PORTAL-8, PORTAL-9). */
export async function portalRoutes(app: App, deps: AppDeps): Promise<void> {
  await app.register(async (scope: App) => {
    // Every portal write meets the gate before its body is validated: a `read` grantee or a preview
    // hears 403 whatever they send (SEC-13). The hook lives in this scope, so only portal routes have it.
    scope.addHook("preValidation", portalWriteGate(deps));
    await portalReadRoutes(scope, deps);
    await portalWriteRoutes(scope, deps);
  });
  // The account's own mailbox state, not a change of the file: outside the write gate.
  await portalDocumentReadRoutes(app, deps);
}
