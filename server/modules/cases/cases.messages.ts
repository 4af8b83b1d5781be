import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the cases feature (errors, field hints, subjects made for a case), keys prefixed "cases.". */
export const casesMessages: FeatureMessages = {
  de: {
    "cases.feature_off":
      "Diese Funktion ist für Sie nicht freigeschaltet. Bitte wenden Sie sich an Ihre Beraterin oder Ihren Berater.",
    "cases.primary_contact_only":
      "Diese Funktion steht nur dem Primärkontakt zur Verfügung. Bitte wenden Sie sich an Ihre Beraterin oder Ihren Berater.",
    "cases.contract_required": "Bitte wählen Sie den Vertrag aus, den der Schaden betrifft.",
    "cases.contract_unknown": "Bitte wählen Sie einen der Verträge, die Ihnen angezeigt werden.",
    "cases.date_in_future": "Das Datum darf nicht in der Zukunft liegen.",
    "cases.end_before_start": "Das Ende darf nicht vor dem Beginn liegen.",
    "cases.files_required": "Bitte hängen Sie mindestens eine Datei an.",
    "cases.files_too_many": "Bitte hängen Sie höchstens {{max}} Dateien an.",
    "cases.file_too_large": "Die Datei ist zu groß. Jede Datei darf höchstens {{maxMb}} MB groß sein.",
    "cases.data_unreadable":
      "Die Angaben konnten nicht gelesen werden. Bitte senden Sie das Formular erneut.",
    "cases.assignee_unknown":
      "Bitte wählen Sie eine aktive Mitarbeiterin oder einen aktiven Mitarbeiter Ihres Büros.",
    "cases.nothing_to_change": "Bitte ändern Sie den Status oder die Zuständigkeit.",
    "cases.subject.claim_report": "Schadenmeldung vom {{date}}",
    "cases.subject.contract_capture": "Fremdvertrag: {{insurer}}",
    "cases.subject.quote_request": "Angebotsanfrage: {{risk}}",
    "cases.subject.upload": "Dokumente vom Kunden",
    "cases.subject.confirmation": "Lesebestätigung: {{document}} – {{name}}",
    "cases.confirmation.requested":
      "Lesebestätigung für „{{document}}“ (Version {{version}}) bei {{name}} über das Portal angefragt.",
    "cases.confirmation.confirmed":
      "{{name}} hat Erhalt und Kenntnisnahme von „{{document}}“ (Version {{version}}) bestätigt.",
    "cases.confirmation.cancelled": "Die Anfrage zur Lesebestätigung von „{{document}}“ wurde zurückgezogen.",
    "cases.confirmation.superseded":
      "Von „{{document}}“ gibt es eine neue Version ({{newVersion}}); diese Anfrage gilt nicht mehr. Für die neue Version ist eine neue Bestätigung anzufragen.",
  },
  fr: {
    "cases.feature_off":
      "Cette fonction n'est pas activée pour vous. Veuillez vous adresser à votre conseillère ou conseiller.",
    "cases.primary_contact_only":
      "Cette fonction est réservée au contact principal. Veuillez vous adresser à votre conseillère ou conseiller.",
    "cases.contract_required": "Veuillez choisir le contrat concerné par le sinistre.",
    "cases.contract_unknown": "Veuillez choisir l'un des contrats qui vous sont présentés.",
    "cases.date_in_future": "La date ne peut pas être dans le futur.",
    "cases.end_before_start": "La fin ne peut pas précéder le début.",
    "cases.files_required": "Veuillez joindre au moins un fichier.",
    "cases.files_too_many": "Veuillez joindre au plus {{max}} fichiers.",
    "cases.file_too_large": "Le fichier est trop volumineux. Chaque fichier peut faire au plus {{maxMb}} Mo.",
    "cases.data_unreadable": "Les informations n'ont pas pu être lues. Veuillez renvoyer le formulaire.",
    "cases.assignee_unknown":
      "Veuillez choisir une collaboratrice ou un collaborateur actif de votre cabinet.",
    "cases.nothing_to_change": "Veuillez changer le statut ou la personne responsable.",
    "cases.subject.claim_report": "Déclaration de sinistre du {{date}}",
    "cases.subject.contract_capture": "Contrat externe : {{insurer}}",
    "cases.subject.quote_request": "Demande d'offre : {{risk}}",
    "cases.subject.upload": "Documents du client",
    "cases.subject.confirmation": "Confirmation de lecture : {{document}} – {{name}}",
    "cases.confirmation.requested":
      "Confirmation de lecture de « {{document}} » (version {{version}}) demandée à {{name}} via le portail.",
    "cases.confirmation.confirmed":
      "{{name}} a confirmé avoir reçu et lu « {{document}} » (version {{version}}).",
    "cases.confirmation.cancelled":
      "La demande de confirmation de lecture de « {{document}} » a été annulée.",
    "cases.confirmation.superseded":
      "« {{document}} » a une nouvelle version ({{newVersion}}) ; cette demande n'est plus valable. Une nouvelle confirmation est à demander pour la nouvelle version.",
  },
  en: {
    "cases.feature_off": "This feature is not enabled for you. Please contact your advisor.",
    "cases.primary_contact_only":
      "This feature is offered to the primary contact only. Please contact your advisor.",
    "cases.contract_required": "Please choose the contract the claim concerns.",
    "cases.contract_unknown": "Please choose one of the contracts shown to you.",
    "cases.date_in_future": "The date cannot be in the future.",
    "cases.end_before_start": "The end cannot be before the start.",
    "cases.files_required": "Please attach at least one file.",
    "cases.files_too_many": "Please attach at most {{max}} files.",
    "cases.file_too_large": "The file is too large. Each file may be at most {{maxMb}} MB.",
    "cases.data_unreadable": "The form could not be read. Please send it again.",
    "cases.assignee_unknown": "Please choose an active staff member of your firm.",
    "cases.nothing_to_change": "Please change the status or the assignee.",
    "cases.subject.claim_report": "Claim report of {{date}}",
    "cases.subject.contract_capture": "Contract held elsewhere: {{insurer}}",
    "cases.subject.quote_request": "Quote request: {{risk}}",
    "cases.subject.upload": "Documents from the client",
    "cases.subject.confirmation": "Read confirmation: {{document}} – {{name}}",
    "cases.confirmation.requested":
      "Asked {{name}} via the portal to confirm receipt of “{{document}}” (version {{version}}).",
    "cases.confirmation.confirmed":
      "{{name}} confirmed having received and read “{{document}}” (version {{version}}).",
    "cases.confirmation.cancelled": "The request to confirm “{{document}}” was cancelled.",
    "cases.confirmation.superseded":
      "“{{document}}” has a new version ({{newVersion}}); this request no longer applies. Ask again for the new version.",
  },
};
