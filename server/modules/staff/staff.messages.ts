import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the staff feature (errors and field hints), keys prefixed "staff.". */
export const staffMessages: FeatureMessages = {
  en: {
    "staff.email_taken": "This email address already belongs to a member of your team.",
    "staff.email_is_staff":
      "This person is already on your team. If their access was deactivated, reactivate them in the list instead.",
    "staff.last_admin":
      "You are the last active administrator. Make another team member an administrator first, then try again.",
    "staff.invitation_gone":
      "This invitation link no longer works: it was already used, replaced by a newer one, withdrawn or has expired. Please ask your firm for a new invitation.",
    "staff.invitation_other_account":
      "You are signed in with a different account. Sign out first, then open the invitation link again.",
    "staff.password_wrong":
      "An account with this email address already exists. Enter its password to join the team.",
    "staff.already_member": "This account is already a member of this firm. Please sign in instead.",
  },
  de: {
    "staff.email_taken": "Diese E-Mail-Adresse gehört bereits zu einem Mitglied Ihres Teams.",
    "staff.email_is_staff":
      "Diese Person gehört bereits zu Ihrem Team. Wurde ihr Zugang deaktiviert, reaktivieren Sie ihn stattdessen in der Liste.",
    "staff.last_admin":
      "Sie sind die letzte aktive Administration. Ernennen Sie zuerst ein anderes Teammitglied zur Administration und versuchen Sie es dann erneut.",
    "staff.invitation_gone":
      "Dieser Einladungslink funktioniert nicht mehr: Er wurde bereits verwendet, durch einen neueren ersetzt, zurückgezogen oder ist abgelaufen. Bitte bitten Sie Ihr Büro um eine neue Einladung.",
    "staff.invitation_other_account":
      "Sie sind mit einem anderen Konto angemeldet. Melden Sie sich zuerst ab und öffnen Sie dann den Einladungslink erneut.",
    "staff.password_wrong":
      "Zu dieser E-Mail-Adresse gibt es bereits ein Konto. Geben Sie dessen Passwort ein, um dem Team beizutreten.",
    "staff.already_member":
      "Dieses Konto gehört bereits zu diesem Büro. Bitte melden Sie sich stattdessen an.",
  },
  fr: {
    "staff.email_taken": "Cette adresse e-mail appartient déjà à un membre de votre équipe.",
    "staff.email_is_staff":
      "Cette personne fait déjà partie de votre équipe. Si son accès a été désactivé, réactivez-le plutôt dans la liste.",
    "staff.last_admin":
      "Vous êtes le dernier administrateur actif. Nommez d'abord un autre membre de l'équipe administrateur, puis réessayez.",
    "staff.invitation_gone":
      "Ce lien d'invitation ne fonctionne plus : il a déjà été utilisé, remplacé par un plus récent, retiré ou il a expiré. Veuillez demander une nouvelle invitation à votre cabinet.",
    "staff.invitation_other_account":
      "Vous êtes connecté avec un autre compte. Déconnectez-vous d'abord, puis ouvrez à nouveau le lien d'invitation.",
    "staff.password_wrong":
      "Un compte existe déjà avec cette adresse e-mail. Saisissez son mot de passe pour rejoindre l'équipe.",
    "staff.already_member": "Ce compte fait déjà partie de ce cabinet. Veuillez plutôt vous connecter.",
  },
};
