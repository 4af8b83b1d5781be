import type { App, AppDeps } from "../deps.js";
import { registerMessages } from "../platform/i18n/messages.js";
import { accessMessages } from "./access/access.messages.js";
import { accountMessages } from "./account/account.messages.js";
import { accountRoutes } from "./account/account.routes.js";
import { deletionRoutes } from "./account/deletion.routes.js";
import { phoneRoutes } from "./account/phone.routes.js";
import { profileMessages } from "./account/profile.messages.js";
import { profileRoutes } from "./account/profile.routes.js";
import { secondFactorRoutes } from "./account/second-factor.routes.js";
import { apiKeysMessages } from "./api-keys/api-keys.messages.js";
import { apiKeysRoutes } from "./api-keys/api-keys.routes.js";
import { auditMessages } from "./audit/audit.messages.js";
import { auditRoutes } from "./audit/audit.routes.js";
import { registerDenialAudit } from "./audit/denial-audit.js";
import { casesMessages } from "./cases/cases.messages.js";
import { casesRoutes } from "./cases/cases.routes.js";
import { clientsMessages } from "./clients/clients.messages.js";
import { clientsRoutes } from "./clients/clients.routes.js";
import { confirmationsMessages } from "./confirmations/confirmations.messages.js";
import { confirmationsRoutes } from "./confirmations/confirmations.routes.js";
import { devMailboxRoutes } from "./dev-mailbox/dev-mailbox.routes.js";
import { documentsMessages } from "./documents/documents.messages.js";
import { documentsRoutes } from "./documents/documents.routes.js";
import { grantsMessages } from "./grants/grants.messages.js";
import { grantsRoutes } from "./grants/grants.routes.js";
import { healthRoutes } from "./health/health.routes.js";
import { metricsRoutes } from "./health/metrics.routes.js";
import { authRoutes } from "./identity/auth.routes.js";
import { identityRoutes } from "./identity/identity.routes.js";
import { passwordResetMessages } from "./identity/password-reset.messages.js";
import { passwordResetRoutes } from "./identity/password-reset.routes.js";
import { importsMessages } from "./imports/imports.messages.js";
import { importsRoutes } from "./imports/imports.routes.js";
import { bulkInvitationsRoutes } from "./invitations/bulk-invitations.routes.js";
import { invitationsMessages } from "./invitations/invitations.messages.js";
import { invitationsRoutes } from "./invitations/invitations.routes.js";
import { bounceMessages } from "./mail-bounces/bounces.messages.js";
import { bounceRoutes } from "./mail-bounces/bounces.routes.js";
import { notificationsRoutes } from "./notifications/notifications.routes.js";
import { portalMessages } from "./portal/portal.messages.js";
import { portalRoutes } from "./portal/portal.routes.js";
import { portalReportMessages } from "./portal/portal-report.messages.js";
import { portalReportRoutes } from "./portal/portal-report.routes.js";
import { recordsMessages } from "./records/records.messages.js";
import { recordsRoutes } from "./records/records.routes.js";
import { settingsMessages } from "./settings/settings.messages.js";
import { settingsRoutes } from "./settings/settings.routes.js";
import { setupRoutes } from "./setup/setup.routes.js";
import { staffMessages } from "./staff/staff.messages.js";
import { staffRoutes } from "./staff/staff.routes.js";
import { syncMessages } from "./sync/sync.messages.js";
import { syncRoutes } from "./sync/sync.routes.js";
import { webhooksMessages } from "./webhooks/webhooks.messages.js";
import { webhooksRoutes } from "./webhooks/webhooks.routes.js";

const featureMessages = [
  settingsMessages,
  staffMessages,
  clientsMessages,
  recordsMessages,
  documentsMessages,
  auditMessages,
  importsMessages,
  accessMessages,
  grantsMessages,
  invitationsMessages,
  portalMessages,
  passwordResetMessages,
  accountMessages,
  profileMessages,
  portalReportMessages,
  bounceMessages,
  confirmationsMessages,
  casesMessages,
  webhooksMessages,
  apiKeysMessages,
  syncMessages,
];
for (const messages of featureMessages) registerMessages(messages);

/** Registers every module's routes, in one place so the app's surface is visible at a glance. */
export async function registerModules(app: App, deps: AppDeps): Promise<void> {
  // First: the hook must see the refusals of every route registered below.
  registerDenialAudit(app, deps);
  await healthRoutes(app, deps);
  await metricsRoutes(app, deps);
  await authRoutes(app, deps);
  await setupRoutes(app, deps);
  await identityRoutes(app, deps);
  await passwordResetRoutes(app, deps);
  await accountRoutes(app, deps);
  await phoneRoutes(app, deps);
  await secondFactorRoutes(app, deps);
  await devMailboxRoutes(app, deps);
  await settingsRoutes(app, deps);
  await staffRoutes(app, deps);
  await clientsRoutes(app, deps);
  await recordsRoutes(app, deps);
  await documentsRoutes(app, deps);
  await auditRoutes(app, deps);
  await importsRoutes(app, deps);
  await grantsRoutes(app, deps);
  await invitationsRoutes(app, deps);
  await bulkInvitationsRoutes(app, deps);
  await portalRoutes(app, deps);
  await portalReportRoutes(app, deps);
  await profileRoutes(app, deps);
  await deletionRoutes(app, deps);
  await casesRoutes(app, deps);
  await bounceRoutes(app, deps);
  await notificationsRoutes(app, deps);
  await confirmationsRoutes(app, deps);
  await apiKeysRoutes(app, deps);
  await syncRoutes(app, deps);
  await webhooksRoutes(app, deps);
}
