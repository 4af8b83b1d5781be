import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the account's own pages (sessions, mobile number, second factor, passkeys), keys prefixed "account.". */
export const accountMessages: FeatureMessages = {
  en: {
    "identity.passkey_refused":
      "This passkey was not accepted. Please try again, or use another passkey or your code.",
    "identity.no_passkey": "This account has no passkey. Please use your code.",
    "account.passkey_not_accepted":
      "The passkey could not be added: the request expired or did not come from this page. Please try again.",
    "account.passkey_known": "This passkey is already added to your account.",
    "account.passkeys_full": "You already have 10 passkeys. Please remove one before adding another.",
    "identity.second_factor_limit":
      "Too many codes were tried for this account. Please wait an hour, or ask your advisor for help.",
    "account.password_wrong": "This password is not right. Please enter the password you sign in with.",
    "account.phone_password_needed":
      "To change your mobile number, please enter the password you sign in with.",
    "account.phone_first": "Please confirm your mobile number first: the codes are sent to it.",
    "account.totp_not_started": "Start setting up the authenticator app first, then enter its code.",
    "identity.second_factor_wrong": "This code is not right. Please check the six digits and try again.",
    "identity.sign_in_challenge_gone":
      "This sign-in has expired or a code was mistyped too often. Please sign in again.",
    "identity.no_sms_factor": "This sign-in does not use SMS codes.",
    "account.phone_code_limit":
      "Too many codes were requested. Please wait an hour and try again, or ask your advisor for help.",
    "account.phone_code_gone":
      "This code no longer works: it expired, was used or replaced, or was mistyped too often. Please request a new code.",
    "account.phone_code_wrong": "This code is not right. Please check the six digits in the text message.",
    "account.session_gone": "This session does not exist or has already ended.",
    "account.device": "{{browser}} on {{os}}",
    "account.device_unknown_browser": "A browser on {{os}}",
  },
  de: {
    "identity.passkey_refused":
      "Dieser Passkey wurde nicht angenommen. Bitte versuchen Sie es erneut oder verwenden Sie einen anderen Passkey oder Ihren Code.",
    "identity.no_passkey": "Dieses Konto hat keinen Passkey. Bitte verwenden Sie Ihren Code.",
    "account.passkey_not_accepted":
      "Der Passkey konnte nicht hinzugefügt werden: Die Anfrage ist abgelaufen oder kam nicht von dieser Seite. Bitte versuchen Sie es erneut.",
    "account.passkey_known": "Dieser Passkey ist Ihrem Konto bereits hinzugefügt.",
    "account.passkeys_full":
      "Sie haben bereits 10 Passkeys. Bitte entfernen Sie einen, bevor Sie einen weiteren hinzufügen.",
    "identity.second_factor_limit":
      "Für dieses Konto wurden zu viele Codes versucht. Bitte warten Sie eine Stunde oder fragen Sie Ihre Beraterin oder Ihren Berater.",
    "account.password_wrong":
      "Dieses Passwort stimmt nicht. Bitte geben Sie das Passwort ein, mit dem Sie sich anmelden.",
    "account.phone_password_needed":
      "Um Ihre Mobilnummer zu ändern, geben Sie bitte das Passwort ein, mit dem Sie sich anmelden.",
    "account.phone_first": "Bitte bestätigen Sie zuerst Ihre Handynummer: An sie gehen die Codes.",
    "account.totp_not_started":
      "Richten Sie zuerst die Authenticator-App ein und geben Sie dann ihren Code ein.",
    "identity.second_factor_wrong":
      "Dieser Code stimmt nicht. Bitte prüfen Sie die sechs Ziffern und versuchen Sie es erneut.",
    "identity.sign_in_challenge_gone":
      "Diese Anmeldung ist abgelaufen oder der Code wurde zu oft falsch eingegeben. Bitte melden Sie sich erneut an.",
    "identity.no_sms_factor": "Diese Anmeldung verwendet keine SMS-Codes.",
    "account.phone_code_limit":
      "Es wurden zu viele Codes angefordert. Bitte warten Sie eine Stunde und versuchen Sie es erneut, oder fragen Sie Ihre Beraterin oder Ihren Berater.",
    "account.phone_code_gone":
      "Dieser Code gilt nicht mehr: Er ist abgelaufen, wurde verwendet oder ersetzt oder zu oft falsch eingegeben. Bitte fordern Sie einen neuen Code an.",
    "account.phone_code_wrong": "Dieser Code stimmt nicht. Bitte prüfen Sie die sechs Ziffern in der SMS.",
    "account.session_gone": "Diese Sitzung gibt es nicht oder sie ist bereits beendet.",
    "account.device": "{{browser}} auf {{os}}",
    "account.device_unknown_browser": "Ein Browser auf {{os}}",
  },
  fr: {
    "identity.passkey_refused":
      "Cette clé d'accès n'a pas été acceptée. Veuillez réessayer, ou utiliser une autre clé d'accès ou votre code.",
    "identity.no_passkey": "Ce compte n'a pas de clé d'accès. Veuillez utiliser votre code.",
    "account.passkey_not_accepted":
      "La clé d'accès n'a pas pu être ajoutée : la demande a expiré ou ne venait pas de cette page. Veuillez réessayer.",
    "account.passkey_known": "Cette clé d'accès est déjà ajoutée à votre compte.",
    "account.passkeys_full":
      "Vous avez déjà 10 clés d'accès. Veuillez en supprimer une avant d'en ajouter une autre.",
    "identity.second_factor_limit":
      "Trop de codes ont été essayés pour ce compte. Veuillez patienter une heure ou demander de l'aide à votre conseiller.",
    "account.password_wrong":
      "Ce mot de passe n'est pas correct. Veuillez saisir le mot de passe avec lequel vous vous connectez.",
    "account.phone_password_needed":
      "Pour changer votre numéro de mobile, veuillez saisir le mot de passe avec lequel vous vous connectez.",
    "account.phone_first": "Veuillez d'abord confirmer votre numéro de portable : les codes y sont envoyés.",
    "account.totp_not_started":
      "Commencez par configurer l'application d'authentification, puis saisissez son code.",
    "identity.second_factor_wrong":
      "Ce code n'est pas correct. Veuillez vérifier les six chiffres et réessayer.",
    "identity.sign_in_challenge_gone":
      "Cette connexion a expiré ou le code a été mal saisi trop souvent. Veuillez vous reconnecter.",
    "identity.no_sms_factor": "Cette connexion n'utilise pas de codes SMS.",
    "account.phone_code_limit":
      "Trop de codes ont été demandés. Veuillez patienter une heure puis réessayer, ou demandez de l'aide à votre conseiller.",
    "account.phone_code_gone":
      "Ce code ne fonctionne plus : il a expiré, a été utilisé ou remplacé, ou a été mal saisi trop souvent. Veuillez demander un nouveau code.",
    "account.phone_code_wrong": "Ce code n'est pas correct. Veuillez vérifier les six chiffres du SMS.",
    "account.session_gone": "Cette session n'existe pas ou a déjà pris fin.",
    "account.device": "{{browser}} sur {{os}}",
    "account.device_unknown_browser": "Un navigateur sur {{os}}",
  },
};
