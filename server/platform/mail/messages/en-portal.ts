import type { dePortal } from "./de-portal.js";
import type { Catalog } from "./index.js";

/** English wording of the client-portal emails; must have exactly the keys of the German ones. */
export const enPortal: Pick<Catalog, keyof typeof dePortal> = {
  "client-invitation": {
    subject: {
      invitation: "{{firmName}} invites you to its client portal",
      firstReminder: "Reminder: your access to the {{firmName}} client portal is waiting for you",
      laterReminder: "Once more: your invitation to the {{firmName}} client portal is still open",
    },
    preview: {
      invitation: "{{inviterName}} invites you. The link works until {{expiresAt}}.",
      reminder: "Your invitation is still open. The link works until {{expiresAt}}.",
    },
    greeting: "Hello {{name}}",
    stillOpen: "A short reminder: your invitation to the client portal is still open.",
    invited: "{{inviterName}} at {{firmName}} has invited you to the client portal.",
    purpose:
      "In the client portal you see everything {{firmName}} shares with you: for example contracts, documents and messages. It is all in one safe place.",
    personalIntro: "A message from {{inviterName}}:",
    howTo: "Use the button below to set up your access. It only takes a few minutes:",
    steps: {
      name: "Confirm your name",
      password: "Choose your own password",
    },
    accept: "Set up my access",
    expires: "The link works until {{expiresAt}}. After that, {{firmName}} can send you a new invitation.",
    onceOnly:
      "The link works only once. It is used up only when your access is set up. Just opening it changes nothing.",
    noPassword: "We never send passwords by email. You choose your password yourself.",
    notExpected:
      "If you did not expect this invitation, you can ignore this email. If you have questions, please contact {{firmName}} directly.",
    reason:
      "You are receiving this email because {{inviterName}} at {{firmName}} sent you an invitation to the client portal on Atrium.",
  },
  "access-granted": {
    subject: "{{firmName}} has shared new information with you in the client portal",
    preview: "You will find it in the client portal. Sign in as usual.",
    greeting: "Hello {{name}}",
    granted:
      "{{inviterName}} at {{firmName}} has shared more information with you. You now have access to it in the client portal.",
    personalIntro: "A message from {{inviterName}}:",
    signIn: "Sign in as usual with your email address and password. You do not need a new account.",
    openPortal: "Open the client portal",
    noPassword: "We never ask for your password by email.",
    questions: "If you have questions, please contact {{firmName}}.",
    reason:
      "You are receiving this email because {{firmName}} has shared new information with you in the client portal on Atrium.",
  },
  "password-reset": {
    subject: "A new password for the {{firmName}} client portal",
    preview: "Choose a new password. The link works until {{expiresAt}}.",
    greeting: "Hello {{name}}",
    requested: "Someone asked for a new password for your account in the {{firmName}} client portal.",
    howTo: "Use the button below to choose a new password.",
    choose: "Choose a new password",
    expires:
      "The link works until {{expiresAt}} and only once. After that, you can simply ask for a new link.",
    secondFactor:
      "Even with the new password, we will still ask for your second confirmation when you sign in, for example a code by text message.",
    notYou: "If this was not you, simply ignore this email. Your password stays the same.",
    noPassword: "We never ask for your password by email.",
    reason:
      "You are receiving this email because a new password was requested for your account in the {{firmName}} client portal.",
  },
};
