import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of confirmation requests (errors and field hints), keys prefixed "confirmations.". */
export const confirmationsMessages: FeatureMessages = {
  en: {
    "confirmations.grantee_unknown":
      "This person has no portal access to this file. Choose someone from the list of people with access.",
    "confirmations.refusal.not_joined":
      "{{name}} has not joined the portal yet. Once they accept their invitation, you can ask them to confirm.",
    "confirmations.refusal.no_access":
      "{{name}}'s portal access is locked or has expired. Restore it first, then ask again.",
    "confirmations.refusal.feature_off":
      "{{name}}'s access does not include confirmations of receipt. Turn on “Confirmations of receipt” in their grant first.",
    "confirmations.refusal.document_hidden":
      "{{name}} would not see this document: their grant does not share its category or the contract it belongs to.",
    "confirmations.refusal.already_open":
      "{{name}} has already been asked to confirm this document. Send the request again instead.",
    "confirmations.not_open":
      "This request is no longer open (confirmed, cancelled or outdated). Reload the page.",
    "confirmations.not_confirmed": "This request has not been confirmed yet, so there is no certificate.",
    "confirmations.no_longer_open":
      "This request is no longer open: it was cancelled or a newer version of the document replaced it.",
    "confirmations.new_version":
      "A newer version of this document is available. Please open it again; your advisor will ask for a new confirmation.",
    "confirmations.tick_to_confirm":
      "Please tick the box to confirm that you have received and read the document.",
  },
  de: {
    "confirmations.grantee_unknown":
      "Diese Person hat keinen Portalzugang zu dieser Akte. Wählen Sie jemanden aus der Liste der Personen mit Zugang.",
    "confirmations.refusal.not_joined":
      "{{name}} ist dem Portal noch nicht beigetreten. Sobald die Einladung angenommen ist, können Sie um eine Bestätigung bitten.",
    "confirmations.refusal.no_access":
      "Der Portalzugang von {{name}} ist gesperrt oder abgelaufen. Stellen Sie ihn zuerst wieder her und bitten Sie dann erneut.",
    "confirmations.refusal.feature_off":
      "Der Zugang von {{name}} umfasst keine Empfangsbestätigungen. Schalten Sie „Empfangsbestätigungen“ zuerst in der Freischaltung ein.",
    "confirmations.refusal.document_hidden":
      "{{name}} würde dieses Dokument nicht sehen: Die Freischaltung teilt seine Kategorie oder den zugehörigen Vertrag nicht.",
    "confirmations.refusal.already_open":
      "{{name}} wurde bereits um eine Bestätigung dieses Dokuments gebeten. Senden Sie die Anforderung stattdessen erneut.",
    "confirmations.not_open":
      "Diese Anforderung ist nicht mehr offen (bestätigt, storniert oder veraltet). Bitte laden Sie die Seite neu.",
    "confirmations.not_confirmed":
      "Diese Anforderung ist noch nicht bestätigt, daher gibt es noch keine Bescheinigung.",
    "confirmations.no_longer_open":
      "Diese Anforderung ist nicht mehr offen: Sie wurde storniert oder durch eine neuere Fassung des Dokuments ersetzt.",
    "confirmations.new_version":
      "Es gibt eine neuere Fassung dieses Dokuments. Bitte öffnen Sie es erneut; Ihre Beraterin oder Ihr Berater bittet Sie um eine neue Bestätigung.",
    "confirmations.tick_to_confirm":
      "Bitte setzen Sie das Häkchen, um zu bestätigen, dass Sie das Dokument erhalten und gelesen haben.",
  },
  fr: {
    "confirmations.grantee_unknown":
      "Cette personne n’a pas d’accès au portail pour ce dossier. Choisissez quelqu’un dans la liste des personnes ayant accès.",
    "confirmations.refusal.not_joined":
      "{{name}} n’a pas encore rejoint le portail. Dès que l’invitation est acceptée, vous pourrez demander une confirmation.",
    "confirmations.refusal.no_access":
      "L’accès au portail de {{name}} est bloqué ou expiré. Rétablissez-le d’abord, puis redemandez.",
    "confirmations.refusal.feature_off":
      "L’accès de {{name}} ne comprend pas les accusés de réception. Activez d’abord « Accusés de réception » dans son autorisation.",
    "confirmations.refusal.document_hidden":
      "{{name}} ne verrait pas ce document : son autorisation ne partage pas sa catégorie ou le contrat auquel il est lié.",
    "confirmations.refusal.already_open":
      "{{name}} a déjà été invité(e) à confirmer ce document. Renvoyez plutôt la demande.",
    "confirmations.not_open":
      "Cette demande n’est plus ouverte (confirmée, annulée ou périmée). Veuillez recharger la page.",
    "confirmations.not_confirmed":
      "Cette demande n’est pas encore confirmée : il n’y a donc pas encore de certificat.",
    "confirmations.no_longer_open":
      "Cette demande n’est plus ouverte : elle a été annulée ou remplacée par une nouvelle version du document.",
    "confirmations.new_version":
      "Une nouvelle version de ce document est disponible. Veuillez l’ouvrir à nouveau ; votre conseiller vous demandera une nouvelle confirmation.",
    "confirmations.tick_to_confirm":
      "Veuillez cocher la case pour confirmer que vous avez reçu et lu le document.",
  },
};
