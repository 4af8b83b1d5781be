import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the settings feature (errors and field hints), keys prefixed "settings.". */
export const settingsMessages: FeatureMessages = {
  en: {
    "settings.smtp_host": "Please enter the mail server's host name, e.g. smtp.example.com.",
    "settings.smtp_host_internal":
      "This address is inside the portal's own network. Please enter your mail provider's public host name, e.g. smtp.example.com.",
    "settings.smtp_port":
      "Please enter a port between 1 and 65535 (usually 587 with STARTTLS, 465 with TLS).",
    "settings.smtp_user_needed":
      "A password needs a user name: please enter the user name of the mail account.",
    "settings.smtp_test_subject": "Test mail of {{firm}}",
    "settings.smtp_test_body":
      "This test mail was sent by Atrium for {{firm}} to check the mail server settings. It arrived: the settings work.",
    "settings.phone_invalid":
      "Please enter a valid phone number, with the country code if it is not in the firm's country (e.g. +49 30 1234567).",
    "settings.website_invalid": "Please enter a web address such as https://www.example.com.",
    "settings.country_invalid": "Please enter the two-letter country code, e.g. DE, FR or AT.",
    "settings.reminder_days":
      "Enter 1 to {{max}} different days between {{min}} and {{limit}}, in ascending order (e.g. 2 and 7).",
    "settings.lifetime_range": "Enter a number of days between 1 and {{max}}.",
    "settings.lifetime_after_reminders":
      "The invitation must stay valid longer than the last reminder (day {{day}}): enter at least {{min}} days, or move the reminders earlier.",
    "settings.unknown_category":
      "“{{key}}” is not an active document category. Choose among the firm's active categories.",
    "settings.code_format": "Use 1 to 12 letters, digits, “-” or “_”, e.g. KFZ.",
    "settings.code_taken": "The code {{code}} is already used by another line of business.",
    "settings.key_format":
      "Use 2 to 40 lower-case letters, digits or “_”, starting with a letter, e.g. tax_statement.",
    "settings.key_taken": "The key {{key}} is already used by another document category.",
    "settings.logo_missing": "Please choose an image file for the logo.",
    "settings.logo_type":
      "The logo must be a PNG, JPEG or WebP image. Other files (including SVG) are refused.",
    "settings.logo_too_large": "The logo must not be larger than 1 MB.",
  },
  de: {
    "settings.smtp_host": "Bitte geben Sie den Hostnamen des Mailservers ein, z. B. smtp.beispiel.de.",
    "settings.smtp_host_internal":
      "Diese Adresse liegt im eigenen Netz des Portals. Bitte geben Sie den öffentlichen Hostnamen Ihres Mailanbieters ein, z. B. smtp.beispiel.de.",
    "settings.smtp_port":
      "Bitte geben Sie einen Port zwischen 1 und 65535 ein (meist 587 mit STARTTLS, 465 mit TLS).",
    "settings.smtp_user_needed":
      "Zu einem Passwort gehört ein Benutzername: Bitte geben Sie den Benutzernamen des Mailkontos ein.",
    "settings.smtp_test_subject": "Testmail von {{firm}}",
    "settings.smtp_test_body":
      "Diese Testmail hat Atrium für {{firm}} gesendet, um die Einstellungen des Mailservers zu prüfen. Sie ist angekommen: Die Einstellungen funktionieren.",
    "settings.phone_invalid":
      "Bitte geben Sie eine gültige Telefonnummer ein, mit Ländervorwahl, wenn sie nicht im Land des Büros liegt (z. B. +49 30 1234567).",
    "settings.website_invalid": "Bitte geben Sie eine Webadresse wie https://www.beispiel.de ein.",
    "settings.country_invalid": "Bitte geben Sie den zweistelligen Ländercode ein, z. B. DE, FR oder AT.",
    "settings.reminder_days":
      "Geben Sie 1 bis {{max}} verschiedene Tage zwischen {{min}} und {{limit}} in aufsteigender Reihenfolge ein (z. B. 2 und 7).",
    "settings.lifetime_range": "Geben Sie eine Anzahl Tage zwischen 1 und {{max}} ein.",
    "settings.lifetime_after_reminders":
      "Die Einladung muss länger gültig sein als bis zur letzten Erinnerung (Tag {{day}}): Geben Sie mindestens {{min}} Tage ein oder legen Sie die Erinnerungen früher.",
    "settings.unknown_category":
      "„{{key}}“ ist keine aktive Dokumentkategorie. Wählen Sie unter den aktiven Kategorien des Büros.",
    "settings.code_format": "Verwenden Sie 1 bis 12 Buchstaben, Ziffern, „-“ oder „_“, z. B. KFZ.",
    "settings.code_taken": "Das Kürzel {{code}} wird bereits von einer anderen Sparte verwendet.",
    "settings.key_format":
      "Verwenden Sie 2 bis 40 Kleinbuchstaben, Ziffern oder „_“, beginnend mit einem Buchstaben, z. B. steuerbescheid.",
    "settings.key_taken": "Der Schlüssel {{key}} wird bereits von einer anderen Dokumentkategorie verwendet.",
    "settings.logo_missing": "Bitte wählen Sie eine Bilddatei für das Logo.",
    "settings.logo_type":
      "Das Logo muss ein PNG-, JPEG- oder WebP-Bild sein. Andere Dateien (auch SVG) werden abgelehnt.",
    "settings.logo_too_large": "Das Logo darf höchstens 1 MB groß sein.",
  },
  fr: {
    "settings.smtp_host": "Veuillez saisir le nom d'hôte du serveur de messagerie, par ex. smtp.exemple.fr.",
    "settings.smtp_host_internal":
      "Cette adresse se trouve dans le réseau propre du portail. Veuillez saisir le nom d'hôte public de votre fournisseur de messagerie, par ex. smtp.exemple.fr.",
    "settings.smtp_port":
      "Veuillez saisir un port entre 1 et 65535 (en général 587 avec STARTTLS, 465 avec TLS).",
    "settings.smtp_user_needed":
      "Un mot de passe va avec un nom d'utilisateur : veuillez saisir l'utilisateur du compte de messagerie.",
    "settings.smtp_test_subject": "E-mail de test de {{firm}}",
    "settings.smtp_test_body":
      "Cet e-mail de test a été envoyé par Atrium pour {{firm}} afin de vérifier les réglages du serveur de messagerie. Il est arrivé : les réglages fonctionnent.",
    "settings.phone_invalid":
      "Veuillez saisir un numéro de téléphone valide, avec l'indicatif du pays s'il n'est pas celui du cabinet (par ex. +33 1 23 45 67 89).",
    "settings.website_invalid": "Veuillez saisir une adresse web comme https://www.exemple.fr.",
    "settings.country_invalid": "Veuillez saisir le code pays à deux lettres, par ex. FR, DE ou BE.",
    "settings.reminder_days":
      "Saisissez de 1 à {{max}} jours différents entre {{min}} et {{limit}}, par ordre croissant (par ex. 7 et 30).",
    "settings.lifetime_range": "Saisissez un nombre de jours entre 1 et {{max}}.",
    "settings.lifetime_after_reminders":
      "L'invitation doit rester valable au-delà du dernier rappel (jour {{day}}) : saisissez au moins {{min}} jours, ou avancez les rappels.",
    "settings.unknown_category":
      "« {{key}} » n'est pas une catégorie de documents active. Choisissez parmi les catégories actives du cabinet.",
    "settings.code_format": "Utilisez de 1 à 12 lettres, chiffres, « - » ou « _ », par ex. AUTO.",
    "settings.code_taken": "Le code {{code}} est déjà utilisé par une autre branche.",
    "settings.key_format":
      "Utilisez de 2 à 40 lettres minuscules, chiffres ou « _ », en commençant par une lettre, par ex. avis_imposition.",
    "settings.key_taken": "La clé {{key}} est déjà utilisée par une autre catégorie de documents.",
    "settings.logo_missing": "Veuillez choisir un fichier image pour le logo.",
    "settings.logo_type":
      "Le logo doit être une image PNG, JPEG ou WebP. Les autres fichiers (y compris SVG) sont refusés.",
    "settings.logo_too_large": "Le logo ne doit pas dépasser 1 Mo.",
  },
};
