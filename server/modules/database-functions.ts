import type { DatabaseFunction } from "../platform/db/migrate.js";
import { createFileGrantsFunction } from "./access/file-grants.sql.js";
import { createConfirmationSafeguards } from "./confirmations/confirmations.sql.js";
import { createSignInAuditPolicy } from "./identity/sign-in-audit.js";
import { createNotificationSweepPolicies } from "./notifications/notifications.sql.js";
import { createPortalFileRowsFunctions } from "./portal/portal-file-rows.sql.js";

/** Every module's database functions, created at each start after the migrations (migrateDatabase). */
export const databaseFunctions: readonly DatabaseFunction[] = [
  createFileGrantsFunction,
  createPortalFileRowsFunctions,
  createSignInAuditPolicy,
  createConfirmationSafeguards,
  createNotificationSweepPolicies,
];
