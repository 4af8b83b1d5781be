import { enConfirmations } from "./en-confirmations.js";
import { enNotifications } from "./en-notifications.js";
import { enPortal } from "./en-portal.js";
import type { Catalog } from "./index.js";

/** English wording of every email; must have exactly the keys of the German catalog. */
export const en: Catalog = {
  layout: {
    sentBy: "Sent by Atrium on behalf of {{firmName}}.",
    linkFallback: "If the button does not work, open this link:",
  },
  "welcome-admin": {
    subject: "Welcome to Atrium – {{firmName}} is set up",
    preview: "{{firmName}} is ready on Atrium. Sign in now.",
    greeting: "Hello {{name}}",
    ready: "{{firmName}} is now set up and ready on Atrium.",
    nextSteps:
      "As the first administrator, you can now sign in, invite your team and bring your clients into the portal.",
    signIn: "Sign in",
    noPassword:
      "We never send passwords by email. Anyone who asks for your password by email is not from Atrium.",
    reason:
      "You are receiving this email because the administrator access of {{firmName}} on Atrium was set up for you.",
  },
  "staff-invitation": {
    subject: "{{inviterName}} invites you to the {{firmName}} team on Atrium",
    preview: "Accept the invitation from {{inviterName}} – the link works until {{expiresAt}}.",
    greeting: "Hello {{name}}",
    invited:
      "{{inviterName}} has invited you to join the {{firmName}} team on Atrium, with the role “{{role}}”.",
    howTo: "Use the button to choose your password and join the team. The link works only once.",
    accept: "Accept the invitation",
    expires: "The invitation works until {{expiresAt}}. After that, {{firmName}} can send you a new one.",
    noPassword: "We never send passwords by email. You choose your password yourself.",
    notExpected: "If you did not expect this invitation, you can ignore this email.",
    reason: "You are receiving this email because {{inviterName}} invited you to the {{firmName}} team.",
    roles: { admin: "Administrator", advisor: "Advisor", assistant: "Assistant" },
  },
  "access-changed": {
    subject: "Your access at {{firmName}} has changed",
    preview: "“{{grantName}}”: what changed in your access.",
    greeting: "Hello {{name}}",
    intro: "{{firmName}} has changed your access to “{{grantName}}” in the client portal:",
    changes: {
      readOnly: "You can still view the shared information, but no longer change it.",
      readWrite: "You can now also change information, as far as your role allows.",
      locked: "Your access is paused for now. You cannot open any of it until it is unlocked.",
      unlocked: "Your access is open again.",
      revoked: "Your access has ended. You can no longer open this information.",
      reinstated: "Your access has been restored.",
      expires: "Your access now ends on {{date}}.",
      noExpiry: "Your access no longer has an end date.",
      ended: "This sharing no longer exists. You can no longer open this information.",
    },
    openPortal: "Open the client portal",
    questions: "If you have questions about this change, please contact {{firmName}}.",
    noPassword: "We never ask for your password by email.",
    reason:
      "You are receiving this email because {{firmName}} shares information with you in the client portal on Atrium.",
  },
  ...enPortal,
  ...enConfirmations,
  ...enNotifications,
};
