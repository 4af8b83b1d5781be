import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the invitations feature (errors and field hints), keys prefixed "invitations.". */
export const invitationsMessages: FeatureMessages = {
  en: {
    "invitations.rate_limited":
      "Too many attempts with invitation links from here. Please wait an hour, or ask your advisor for help.",
    "invitations.already_joined":
      "This person has already joined the portal. Their access works; there is nothing to invite.",
    "invitations.email_missing":
      "This person has no email address. Add one to the person first, or copy an invitation link and send it yourself.",
    "invitations.not_pending":
      "This invitation is no longer open (accepted or withdrawn). Invite the person again from their access entry.",
    "invitations.gone":
      "This invitation link no longer works: it was already used, replaced by a newer one, withdrawn or has expired. Please ask your advisor for a new invitation.",
    "invitations.other_account":
      "You are signed in with a different account. Sign out first, then open the invitation link again.",
    "invitations.password_wrong":
      "An account with this email address already exists. Enter its password to add this access to it.",
    "invitations.email_needed": "Please enter your email address: you will sign in with it.",
    "invitations.person_needed": "Please choose who you are: this invitation is for several persons.",
    "invitations.person_unknown":
      "This person is not one of those this invitation is for. Please choose one from the list.",
    "invitations.skip.no_person": "No holder or contact on this file to invite.",
    "invitations.skip.no_email": "No email address for the person.",
    "invitations.skip.already_invited": "Already invited; the invitation is still open.",
    "invitations.skip.already_active": "Already has portal access.",
    "invitations.skip.not_allowed": "You may not manage portal access on this file.",
    "invitations.skip.not_found": "The file no longer exists or you cannot open it.",
  },
  de: {
    "invitations.rate_limited":
      "Zu viele Versuche mit Einladungslinks von hier. Bitte warten Sie eine Stunde oder fragen Sie Ihre Beraterin oder Ihren Berater.",
    "invitations.already_joined":
      "Diese Person ist dem Portal bereits beigetreten. Ihr Zugang funktioniert; eine Einladung ist nicht nötig.",
    "invitations.email_missing":
      "Für diese Person ist keine E-Mail-Adresse hinterlegt. Tragen Sie zuerst eine ein oder kopieren Sie einen Einladungslink und senden Sie ihn selbst.",
    "invitations.not_pending":
      "Diese Einladung ist nicht mehr offen (angenommen oder zurückgezogen). Laden Sie die Person erneut über ihren Zugang ein.",
    "invitations.gone":
      "Dieser Einladungslink funktioniert nicht mehr: Er wurde bereits verwendet, durch einen neueren ersetzt, zurückgezogen oder ist abgelaufen. Bitte fragen Sie Ihre Beraterin oder Ihren Berater nach einer neuen Einladung.",
    "invitations.other_account":
      "Sie sind mit einem anderen Konto angemeldet. Melden Sie sich zuerst ab und öffnen Sie dann den Einladungslink erneut.",
    "invitations.password_wrong":
      "Zu dieser E-Mail-Adresse gibt es bereits ein Konto. Geben Sie dessen Passwort ein, um diesen Zugang hinzuzufügen.",
    "invitations.email_needed":
      "Bitte geben Sie Ihre E-Mail-Adresse ein: Mit ihr melden Sie sich künftig an.",
    "invitations.person_needed":
      "Bitte wählen Sie aus, wer Sie sind: Diese Einladung gilt für mehrere Personen.",
    "invitations.person_unknown":
      "Diese Person gehört nicht zu denen, für die diese Einladung gilt. Bitte wählen Sie eine aus der Liste.",
    "invitations.skip.no_person":
      "Diese Akte hat keine Inhaberin, keinen Inhaber und keinen Kontakt zum Einladen.",
    "invitations.skip.no_email": "Für die Person ist keine E-Mail-Adresse hinterlegt.",
    "invitations.skip.already_invited": "Bereits eingeladen; die Einladung ist noch offen.",
    "invitations.skip.already_active": "Hat bereits Zugang zum Portal.",
    "invitations.skip.not_allowed": "Sie dürfen den Portalzugang dieser Akte nicht verwalten.",
    "invitations.skip.not_found": "Die Akte existiert nicht mehr oder Sie können sie nicht öffnen.",
  },
  fr: {
    "invitations.rate_limited":
      "Trop de tentatives avec des liens d'invitation depuis cet endroit. Veuillez patienter une heure ou demander de l'aide à votre conseiller.",
    "invitations.already_joined":
      "Cette personne a déjà rejoint le portail. Son accès fonctionne ; aucune invitation n'est nécessaire.",
    "invitations.email_missing":
      "Cette personne n'a pas d'adresse e-mail. Ajoutez-en une d'abord, ou copiez un lien d'invitation et envoyez-le vous-même.",
    "invitations.not_pending":
      "Cette invitation n'est plus ouverte (acceptée ou retirée). Invitez à nouveau la personne depuis son accès.",
    "invitations.gone":
      "Ce lien d'invitation ne fonctionne plus : il a déjà été utilisé, remplacé par un plus récent, retiré ou il a expiré. Demandez une nouvelle invitation à votre conseiller.",
    "invitations.other_account":
      "Vous êtes connecté avec un autre compte. Déconnectez-vous d'abord, puis ouvrez à nouveau le lien d'invitation.",
    "invitations.password_wrong":
      "Un compte existe déjà pour cette adresse e-mail. Saisissez son mot de passe pour y ajouter cet accès.",
    "invitations.email_needed": "Veuillez saisir votre adresse e-mail : elle vous servira à vous connecter.",
    "invitations.person_needed":
      "Veuillez indiquer qui vous êtes : cette invitation s'adresse à plusieurs personnes.",
    "invitations.person_unknown":
      "Cette personne ne fait pas partie des destinataires de cette invitation. Veuillez en choisir une dans la liste.",
    "invitations.skip.no_person": "Aucun titulaire ni contact à inviter dans ce dossier.",
    "invitations.skip.no_email": "Aucune adresse e-mail pour cette personne.",
    "invitations.skip.already_invited": "Déjà invitée ; l'invitation est toujours ouverte.",
    "invitations.skip.already_active": "A déjà accès au portail.",
    "invitations.skip.not_allowed": "Vous ne pouvez pas gérer l'accès au portail de ce dossier.",
    "invitations.skip.not_found": "Le dossier n'existe plus ou vous ne pouvez pas l'ouvrir.",
  },
};
