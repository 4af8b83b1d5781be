import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the sync API, keys prefixed "sync.". */
export const syncMessages: FeatureMessages = {
  en: {
    "sync.duplicate_in_batch": "The value “{{value}}” already appears in item {{index}} of this batch.",
    "sync.unknown_contract":
      "No contract of this client file has the external ID “{{value}}”. Send the contract first.",
    "sync.unknown_reference":
      "Nothing with “{{value}}” exists in your firm. Send it first or correct the value.",
    "sync.cursor_invalid":
      "This cursor is not valid. Use the nextCursor of an earlier answer, or start without one.",
    "sync.content_base64": "The content is not valid base64.",
    "sync.content_too_large": "The file is larger than {{max}} MB.",
    "sync.content_type":
      "This file type is not accepted. Send PDF, images, office documents, TXT, CSV or EML.",
    "sync.document_moved": "This document belongs to another client file; it cannot be moved by a sync.",
  },
  de: {
    "sync.duplicate_in_batch": "Der Wert „{{value}}“ kommt bereits in Element {{index}} dieses Stapels vor.",
    "sync.unknown_contract":
      "Kein Vertrag dieser Kundenakte hat die externe ID „{{value}}“. Senden Sie zuerst den Vertrag.",
    "sync.unknown_reference":
      "In Ihrer Kanzlei gibt es nichts mit „{{value}}“. Senden Sie es zuerst oder korrigieren Sie den Wert.",
    "sync.cursor_invalid":
      "Dieser Cursor ist ungültig. Verwenden Sie den nextCursor einer früheren Antwort oder beginnen Sie ohne.",
    "sync.content_base64": "Der Inhalt ist kein gültiges Base64.",
    "sync.content_too_large": "Die Datei ist größer als {{max}} MB.",
    "sync.content_type":
      "Dieser Dateityp wird nicht angenommen. Senden Sie PDF, Bilder, Office-Dokumente, TXT, CSV oder EML.",
    "sync.document_moved":
      "Dieses Dokument gehört zu einer anderen Kundenakte; eine Synchronisierung kann es nicht verschieben.",
  },
  fr: {
    "sync.duplicate_in_batch": "La valeur « {{value}} » figure déjà dans l'élément {{index}} de ce lot.",
    "sync.unknown_contract":
      "Aucun contrat de ce dossier client n'a l'ID externe « {{value}} ». Envoyez d'abord le contrat.",
    "sync.unknown_reference":
      "Rien ne correspond à « {{value}} » dans votre cabinet. Envoyez-le d'abord ou corrigez la valeur.",
    "sync.cursor_invalid":
      "Ce curseur n'est pas valable. Utilisez le nextCursor d'une réponse précédente ou commencez sans curseur.",
    "sync.content_base64": "Le contenu n'est pas du base64 valide.",
    "sync.content_too_large": "Le fichier dépasse {{max}} Mo.",
    "sync.content_type":
      "Ce type de fichier n'est pas accepté. Envoyez un PDF, des images, des documents bureautiques, TXT, CSV ou EML.",
    "sync.document_moved":
      "Ce document appartient à un autre dossier client ; une synchronisation ne peut pas le déplacer.",
  },
};
