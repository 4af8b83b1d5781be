import type { App, AppDeps } from "../../deps.js";
import { addressRoutes } from "./addresses.routes.js";
import { assetRoutes } from "./assets.routes.js";
import { claimRoutes } from "./claims.routes.js";
import { contractRoutes } from "./contracts.routes.js";
import { donationRoutes } from "./donations.routes.js";

/** The records of a client file (FILE-4): contracts, assets, claims, reference addresses, donations. */
export async function recordsRoutes(app: App, deps: AppDeps): Promise<void> {
  await contractRoutes(app, deps);
  await assetRoutes(app, deps);
  await claimRoutes(app, deps);
  await addressRoutes(app, deps);
  await donationRoutes(app, deps);
}
