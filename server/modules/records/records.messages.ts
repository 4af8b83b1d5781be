import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the records feature (errors and field hints), keys prefixed "records.". */
export const recordsMessages: FeatureMessages = {
  en: {
    "records.money_format":
      "Please enter an amount like 1250.50: at most 12 digits before and 2 after the decimal point.",
    "records.money_negative": "The amount must not be negative.",
    "records.money_positive": "The amount must be greater than zero.",
    "records.currency_unknown": "Please enter an ISO 4217 currency code, such as EUR or CHF.",
    "records.country_unknown": "Please enter an ISO country code of two letters, such as DE or FR.",
    "records.line_of_business_unknown": "Please choose one of your firm’s active lines of business.",
    "records.end_before_start": "The end date must not be before the start date.",
    "records.date_in_future": "The date must not be in the future.",
    "records.external_id_taken": "Another contract of your firm already has this external ID.",
    "records.contract_not_on_file": "Please choose a contract of this client file.",
    "records.person_not_on_file": "Please choose a person of this client file.",
    "records.party_missing": "Please choose a person of the file or enter a name.",
    "records.party_both": "Please choose either a person of the file or a name, not both.",
  },
  de: {
    "records.money_format":
      "Bitte geben Sie einen Betrag wie 1250.50 ein: höchstens 12 Stellen vor und 2 nach dem Dezimalpunkt.",
    "records.money_negative": "Der Betrag darf nicht negativ sein.",
    "records.money_positive": "Der Betrag muss größer als null sein.",
    "records.currency_unknown": "Bitte geben Sie einen Währungscode nach ISO 4217 ein, z. B. EUR oder CHF.",
    "records.country_unknown": "Bitte geben Sie einen zweistelligen ISO-Ländercode ein, z. B. DE oder FR.",
    "records.line_of_business_unknown": "Bitte wählen Sie eine aktive Sparte Ihres Büros.",
    "records.end_before_start": "Das Ablaufdatum darf nicht vor dem Beginn liegen.",
    "records.date_in_future": "Das Datum darf nicht in der Zukunft liegen.",
    "records.external_id_taken": "Ein anderer Vertrag Ihres Büros hat bereits diese externe ID.",
    "records.contract_not_on_file": "Bitte wählen Sie einen Vertrag dieser Kundenakte.",
    "records.person_not_on_file": "Bitte wählen Sie eine Person dieser Kundenakte.",
    "records.party_missing": "Bitte wählen Sie eine Person der Akte oder geben Sie einen Namen ein.",
    "records.party_both": "Bitte wählen Sie entweder eine Person der Akte oder einen Namen, nicht beides.",
  },
  fr: {
    "records.money_format":
      "Veuillez saisir un montant comme 1250.50 : au plus 12 chiffres avant et 2 après le point décimal.",
    "records.money_negative": "Le montant ne doit pas être négatif.",
    "records.money_positive": "Le montant doit être supérieur à zéro.",
    "records.currency_unknown": "Veuillez saisir un code de devise ISO 4217, par exemple EUR ou CHF.",
    "records.country_unknown": "Veuillez saisir un code pays ISO à deux lettres, par exemple FR ou DE.",
    "records.line_of_business_unknown": "Veuillez choisir une branche active de votre cabinet.",
    "records.end_before_start": "La date de fin ne doit pas précéder la date de début.",
    "records.date_in_future": "La date ne doit pas être dans le futur.",
    "records.external_id_taken": "Un autre contrat de votre cabinet porte déjà cet identifiant externe.",
    "records.contract_not_on_file": "Veuillez choisir un contrat de ce dossier client.",
    "records.person_not_on_file": "Veuillez choisir une personne de ce dossier client.",
    "records.party_missing": "Veuillez choisir une personne du dossier ou saisir un nom.",
    "records.party_both": "Veuillez choisir soit une personne du dossier, soit un nom, pas les deux.",
  },
};
