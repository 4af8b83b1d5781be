import type { Language } from "../../../contracts/common.js";

type Catalog = Record<string, string>;

// Messages the API itself speaks (errors, field hints). Emails have their own catalogs beside their templates.
const en: Catalog = {
  "errors.invalid": "Some fields are not valid. Please correct them and try again.",
  "errors.unauthorized": "Please sign in first.",
  "errors.forbidden": "You are not allowed to do this.",
  "errors.not_found": "This does not exist or you cannot see it.",
  "errors.conflict": "This conflicts with the current state. Reload and try again.",
  "errors.rate_limited": "Too many attempts. Please wait a moment and try again.",
  "errors.password_checks_paused":
    "Too many wrong passwords for this account. Please try again in {{minutes}} minutes, or set a new password with “Forgot password?”.",
  "errors.payload_too_large": "This is too large.",
  "errors.unavailable": "The service is not ready. Please try again in a moment.",
  "errors.internal": "Something went wrong on our side. Please try again; if it persists, contact support.",
  "errors.csrf":
    "This request was refused because it did not come from Atrium itself. Reload the page and try again.",
  "errors.setup_done": "Atrium is already set up. Sign in instead.",
  "errors.bad_credentials": "Email or password is wrong.",
  "errors.account_inactive": "This account is deactivated. Please contact your firm's administrator.",
  "errors.not_staff": "This account does not belong to a firm's staff.",
  "errors.not_on_file": "Only administrators and the file's case owner may do this.",
  "field.required": "Please fill in this field.",
  "field.too_short": "Please enter at least {{min}} characters.",
  "field.too_long": "Please enter at most {{max}} characters.",
  "field.email": "Please enter a valid email address, like name@example.com.",
  "field.choice": "Please choose one of: {{options}}.",
  "field.type": "Please enter a valid value.",
  "field.unknown": "This field is not expected here; remove it.",
  "field.nul_character": "This text contains a NUL character, which cannot be stored. Please remove it.",
  "field.taken": "This value is already in use. Please choose another.",
  "field.password_short": "Use at least 8 characters; a passphrase of several words is best.",
  "field.password_long": "Use at most 256 characters.",
  "field.password_common":
    "This password is among the most used ones and easy to guess. Please choose another.",
  "field.password_email": "The password must not contain your email address.",
};

const de: Catalog = {
  "errors.invalid":
    "Einige Angaben sind nicht gültig. Bitte korrigieren Sie sie und versuchen Sie es erneut.",
  "errors.unauthorized": "Bitte melden Sie sich zuerst an.",
  "errors.forbidden": "Dazu sind Sie nicht berechtigt.",
  "errors.not_found": "Dies existiert nicht oder ist für Sie nicht sichtbar.",
  "errors.conflict":
    "Dies widerspricht dem aktuellen Stand. Bitte laden Sie neu und versuchen Sie es erneut.",
  "errors.rate_limited": "Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.",
  "errors.password_checks_paused":
    "Zu viele falsche Passwörter für dieses Konto. Bitte versuchen Sie es in {{minutes}} Minuten erneut oder vergeben Sie über „Passwort vergessen?“ ein neues Passwort.",
  "errors.payload_too_large": "Dies ist zu groß.",
  "errors.unavailable": "Der Dienst ist noch nicht bereit. Bitte versuchen Sie es gleich noch einmal.",
  "errors.internal":
    "Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut; wenn er bleibt, wenden Sie sich an den Support.",
  "errors.csrf":
    "Diese Anfrage wurde abgelehnt, weil sie nicht von Atrium selbst kam. Bitte laden Sie die Seite neu und versuchen Sie es erneut.",
  "errors.setup_done": "Atrium ist bereits eingerichtet. Bitte melden Sie sich an.",
  "errors.bad_credentials": "E-Mail-Adresse oder Passwort ist falsch.",
  "errors.account_inactive":
    "Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Administration Ihres Büros.",
  "errors.not_staff": "Dieses Konto gehört nicht zu den Mitarbeitenden eines Büros.",
  "errors.not_on_file": "Dies dürfen nur die Administration und die Betreuerin oder der Betreuer der Akte.",
  "field.required": "Bitte füllen Sie dieses Feld aus.",
  "field.too_short": "Bitte geben Sie mindestens {{min}} Zeichen ein.",
  "field.too_long": "Bitte geben Sie höchstens {{max}} Zeichen ein.",
  "field.email": "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.",
  "field.choice": "Bitte wählen Sie eines von: {{options}}.",
  "field.type": "Bitte geben Sie einen gültigen Wert ein.",
  "field.unknown": "Dieses Feld ist hier nicht vorgesehen; bitte entfernen Sie es.",
  "field.nul_character":
    "Dieser Text enthält ein NUL-Zeichen, das nicht gespeichert werden kann. Bitte entfernen Sie es.",
  "field.taken": "Dieser Wert wird bereits verwendet. Bitte wählen Sie einen anderen.",
  "field.password_short": "Verwenden Sie mindestens 8 Zeichen; am besten einen Satz aus mehreren Wörtern.",
  "field.password_long": "Verwenden Sie höchstens 256 Zeichen.",
  "field.password_common":
    "Dieses Passwort gehört zu den meistgenutzten und ist leicht zu erraten. Bitte wählen Sie ein anderes.",
  "field.password_email": "Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.",
};

const fr: Catalog = {
  "errors.invalid": "Certains champs ne sont pas valides. Veuillez les corriger et réessayer.",
  "errors.unauthorized": "Veuillez d'abord vous connecter.",
  "errors.forbidden": "Vous n'êtes pas autorisé à faire cela.",
  "errors.not_found": "Cet élément n'existe pas ou ne vous est pas visible.",
  "errors.conflict": "Cela contredit l'état actuel. Veuillez recharger et réessayer.",
  "errors.rate_limited": "Trop de tentatives. Veuillez patienter un instant et réessayer.",
  "errors.password_checks_paused":
    "Trop de mots de passe erronés pour ce compte. Veuillez réessayer dans {{minutes}} minutes ou définir un nouveau mot de passe via « Mot de passe oublié ? ».",
  "errors.payload_too_large": "C'est trop volumineux.",
  "errors.unavailable": "Le service n'est pas encore prêt. Veuillez réessayer dans un instant.",
  "errors.internal":
    "Une erreur s'est produite de notre côté. Veuillez réessayer ; si elle persiste, contactez le support.",
  "errors.csrf":
    "Cette requête a été refusée car elle ne venait pas d'Atrium. Veuillez recharger la page et réessayer.",
  "errors.setup_done": "Atrium est déjà configuré. Veuillez vous connecter.",
  "errors.bad_credentials": "L'adresse e-mail ou le mot de passe est incorrect.",
  "errors.account_inactive": "Ce compte est désactivé. Veuillez contacter l'administrateur de votre cabinet.",
  "errors.not_staff": "Ce compte n'appartient pas au personnel d'un cabinet.",
  "errors.not_on_file": "Seuls les administrateurs et le chargé du dossier peuvent faire cela.",
  "field.required": "Veuillez remplir ce champ.",
  "field.too_short": "Veuillez saisir au moins {{min}} caractères.",
  "field.too_long": "Veuillez saisir au plus {{max}} caractères.",
  "field.email": "Veuillez saisir une adresse e-mail valide, par exemple nom@exemple.fr.",
  "field.choice": "Veuillez choisir parmi : {{options}}.",
  "field.type": "Veuillez saisir une valeur valide.",
  "field.unknown": "Ce champ n'est pas prévu ici ; veuillez le retirer.",
  "field.nul_character":
    "Ce texte contient un caractère NUL, qui ne peut pas être enregistré. Veuillez le retirer.",
  "field.taken": "Cette valeur est déjà utilisée. Veuillez en choisir une autre.",
  "field.password_short": "Utilisez au moins 8 caractères ; une phrase de plusieurs mots est idéale.",
  "field.password_long": "Utilisez au plus 256 caractères.",
  "field.password_common":
    "Ce mot de passe fait partie des plus utilisés et se devine facilement. Veuillez en choisir un autre.",
  "field.password_email": "Le mot de passe ne doit pas contenir votre adresse e-mail.",
};

/** The server's message catalogs, one per language; the same keys in each (checked by a test). */
export const serverCatalogs: Record<Language, Catalog> = { de, fr, en };

/** A feature's own messages in the three languages (keys prefixed with the feature's name). */
export type FeatureMessages = Record<Language, Catalog>;

/** Adds a feature's messages to the catalogs; called once per feature when the app is built. */
export function registerMessages(messages: FeatureMessages): void {
  for (const language of ["de", "fr", "en"] as const)
    Object.assign(serverCatalogs[language], messages[language]);
}
