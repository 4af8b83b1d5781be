import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the imports feature (errors and field hints), keys prefixed "imports.". */
export const importsMessages: FeatureMessages = {
  en: {
    "imports.empty_file": "The file is empty. Please choose a CSV file with a header row and data.",
    "imports.not_csv":
      "This is not a CSV file. Please save the table as CSV (separated by semicolons or commas) and upload that file.",
    "imports.body_type": "Send the CSV file itself as the request body (Content-Type text/csv).",
    "imports.missing_columns": "These required columns are missing: {{columns}}.",
    "imports.not_runnable": "This file cannot be imported as it is. Please correct it and upload it again.",
    "imports.already_started": "This import has already been started.",
    "imports.reason.required": "This value is required.",
    "imports.reason.too_long": "At most {{max}} characters are allowed.",
    "imports.reason.choice": "“{{value}}” is not an accepted value ({{options}}).",
    "imports.reason.date": "“{{value}}” is not a valid date in the format {{format}}.",
    "imports.reason.decimal": "“{{value}}” is not a valid amount.",
    "imports.reason.email": "“{{value}}” is not a valid email address.",
    "imports.reason.phone": "This phone number is not valid (add the country code, e.g. +49).",
    "imports.reason.country": "“{{value}}” is not a two-letter country code such as DE or FR.",
    "imports.reason.currency": "“{{value}}” is not a three-letter currency code such as EUR.",
    "imports.reason.too_many_cells": "This row has {{found}} cells but the header only {{expected}}.",
    "imports.reason.malformed_row":
      "This row cannot be read (for example a quotation mark that is never closed).",
    "imports.reason.name_needed": "Give a display name or the holder's last name.",
    "imports.reason.flag_needs_contact": "Only persons with the role “contact” can have this flag.",
    "imports.reason.advisor_kind_needs_advisor": "Only external advisors have an advisor kind.",
    "imports.reason.duplicate_external_id": "The external ID “{{value}}” already appears in row {{row}}.",
    "imports.reason.duplicate_number": "The file number “{{value}}” already appears in row {{row}}.",
    "imports.reason.number_taken": "The file number “{{value}}” belongs to another client file.",
    "imports.reason.unknown_staff": "“{{value}}” is not an active staff member of your firm.",
    "imports.reason.unknown_client_file":
      "No client file has the external ID “{{value}}”. Import the client files first.",
    "imports.reason.unknown_line":
      "There is no line of business with the code “{{value}}”. Add it in the settings or use an existing code.",
    "imports.reason.conflict": "This row conflicts with data stored in the meantime and was not imported.",
  },
  de: {
    "imports.empty_file": "Die Datei ist leer. Bitte wählen Sie eine CSV-Datei mit Kopfzeile und Daten.",
    "imports.not_csv":
      "Dies ist keine CSV-Datei. Bitte speichern Sie die Tabelle als CSV (getrennt durch Semikolon oder Komma) und laden Sie diese Datei hoch.",
    "imports.body_type": "Senden Sie die CSV-Datei selbst als Inhalt der Anfrage (Content-Type text/csv).",
    "imports.missing_columns": "Diese Pflichtspalten fehlen: {{columns}}.",
    "imports.not_runnable":
      "Diese Datei kann so nicht importiert werden. Bitte korrigieren Sie sie und laden Sie sie erneut hoch.",
    "imports.already_started": "Dieser Import wurde bereits gestartet.",
    "imports.reason.required": "Dieser Wert ist erforderlich.",
    "imports.reason.too_long": "Höchstens {{max}} Zeichen sind erlaubt.",
    "imports.reason.choice": "„{{value}}“ ist kein zulässiger Wert ({{options}}).",
    "imports.reason.date": "„{{value}}“ ist kein gültiges Datum im Format {{format}}.",
    "imports.reason.decimal": "„{{value}}“ ist kein gültiger Betrag.",
    "imports.reason.email": "„{{value}}“ ist keine gültige E-Mail-Adresse.",
    "imports.reason.phone": "Diese Telefonnummer ist nicht gültig (mit Ländervorwahl, z. B. +49).",
    "imports.reason.country": "„{{value}}“ ist kein zweistelliger Ländercode wie DE oder FR.",
    "imports.reason.currency": "„{{value}}“ ist kein dreistelliger Währungscode wie EUR.",
    "imports.reason.too_many_cells": "Diese Zeile hat {{found}} Zellen, die Kopfzeile aber nur {{expected}}.",
    "imports.reason.malformed_row":
      "Diese Zeile ist nicht lesbar (zum Beispiel ein Anführungszeichen, das nie geschlossen wird).",
    "imports.reason.name_needed": "Geben Sie einen Anzeigenamen oder den Nachnamen des Inhabers an.",
    "imports.reason.flag_needs_contact":
      "Nur Personen mit der Rolle „Kontakt“ können diese Kennzeichnung haben.",
    "imports.reason.advisor_kind_needs_advisor": "Nur externe Berater haben eine Beraterart.",
    "imports.reason.duplicate_external_id": "Die externe ID „{{value}}“ kommt bereits in Zeile {{row}} vor.",
    "imports.reason.duplicate_number": "Die Aktennummer „{{value}}“ kommt bereits in Zeile {{row}} vor.",
    "imports.reason.number_taken": "Die Aktennummer „{{value}}“ gehört zu einer anderen Kundenakte.",
    "imports.reason.unknown_staff": "„{{value}}“ ist kein aktives Mitglied Ihres Teams.",
    "imports.reason.unknown_client_file":
      "Keine Kundenakte hat die externe ID „{{value}}“. Importieren Sie zuerst die Kundenakten.",
    "imports.reason.unknown_line":
      "Es gibt keine Sparte mit dem Kürzel „{{value}}“. Legen Sie sie in den Einstellungen an oder verwenden Sie ein vorhandenes Kürzel.",
    "imports.reason.conflict":
      "Diese Zeile widerspricht inzwischen gespeicherten Daten und wurde nicht importiert.",
  },
  fr: {
    "imports.empty_file":
      "Le fichier est vide. Veuillez choisir un fichier CSV avec une ligne d'en-tête et des données.",
    "imports.not_csv":
      "Ce n'est pas un fichier CSV. Veuillez enregistrer le tableau au format CSV (séparé par des points-virgules ou des virgules) et téléverser ce fichier.",
    "imports.body_type":
      "Envoyez le fichier CSV lui-même comme contenu de la requête (Content-Type text/csv).",
    "imports.missing_columns": "Ces colonnes obligatoires manquent : {{columns}}.",
    "imports.not_runnable":
      "Ce fichier ne peut pas être importé en l'état. Veuillez le corriger et le téléverser à nouveau.",
    "imports.already_started": "Cet import a déjà été lancé.",
    "imports.reason.required": "Cette valeur est obligatoire.",
    "imports.reason.too_long": "{{max}} caractères au plus sont autorisés.",
    "imports.reason.choice": "« {{value}} » n'est pas une valeur acceptée ({{options}}).",
    "imports.reason.date": "« {{value}} » n'est pas une date valide au format {{format}}.",
    "imports.reason.decimal": "« {{value}} » n'est pas un montant valide.",
    "imports.reason.email": "« {{value}} » n'est pas une adresse e-mail valide.",
    "imports.reason.phone": "Ce numéro de téléphone n'est pas valide (ajoutez l'indicatif, par ex. +33).",
    "imports.reason.country": "« {{value}} » n'est pas un code pays à deux lettres comme FR ou DE.",
    "imports.reason.currency": "« {{value}} » n'est pas un code de devise à trois lettres comme EUR.",
    "imports.reason.too_many_cells":
      "Cette ligne a {{found}} cellules, mais l'en-tête seulement {{expected}}.",
    "imports.reason.malformed_row":
      "Cette ligne est illisible (par exemple un guillemet qui n'est jamais fermé).",
    "imports.reason.name_needed": "Indiquez un nom d'affichage ou le nom du titulaire.",
    "imports.reason.flag_needs_contact":
      "Seules les personnes ayant le rôle « contact » peuvent avoir cet indicateur.",
    "imports.reason.advisor_kind_needs_advisor": "Seuls les conseillers externes ont un type de conseiller.",
    "imports.reason.duplicate_external_id":
      "L'identifiant externe « {{value}} » figure déjà à la ligne {{row}}.",
    "imports.reason.duplicate_number": "Le numéro de dossier « {{value}} » figure déjà à la ligne {{row}}.",
    "imports.reason.number_taken": "Le numéro de dossier « {{value}} » appartient à un autre dossier client.",
    "imports.reason.unknown_staff": "« {{value}} » n'est pas un membre actif de votre cabinet.",
    "imports.reason.unknown_client_file":
      "Aucun dossier client n'a l'identifiant externe « {{value}} ». Importez d'abord les dossiers clients.",
    "imports.reason.unknown_line":
      "Il n'existe pas de branche avec le code « {{value}} ». Ajoutez-la dans les paramètres ou utilisez un code existant.",
    "imports.reason.conflict":
      "Cette ligne est en conflit avec des données enregistrées entre-temps et n'a pas été importée.",
  },
};
