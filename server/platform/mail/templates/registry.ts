import type { EmailTemplate, EmailTemplateName, EmailTemplates } from "../render.js";
import { accessChanged } from "./access-changed.js";
import { accessGranted } from "./access-granted.js";
import { clientInvitation } from "./client-invitation.js";
import { confirmationRequest } from "./confirmation-request.js";
import { notificationDigest } from "./notification-digest.js";
import { passwordReset } from "./password-reset.js";
import { staffInvitation } from "./staff-invitation.js";
import { welcomeAdmin } from "./welcome-admin.js";

/**
 * Every template by name. The mapped type makes a template declared in `EmailTemplates` but missing
 * here (or registered with the wrong props) a compile error.
 */
export const emailTemplates: { readonly [K in EmailTemplateName]: EmailTemplate<EmailTemplates[K]> } = {
  "welcome-admin": welcomeAdmin,
  "staff-invitation": staffInvitation,
  "access-changed": accessChanged,
  "client-invitation": clientInvitation,
  "access-granted": accessGranted,
  "password-reset": passwordReset,
  "confirmation-request": confirmationRequest,
  "notification-digest": notificationDigest,
};
