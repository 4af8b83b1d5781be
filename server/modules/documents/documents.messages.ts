import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the documents feature (errors and field hints), keys prefixed "documents.". */
export const documentsMessages: FeatureMessages = {
  de: {
    "documents.too_large": "Die Datei ist zu groß. Bitte laden Sie eine kleinere Datei hoch.",
    "documents.file_required": "Bitte wählen Sie eine Datei aus.",
    "documents.file_one": "Bitte laden Sie genau eine Datei hoch.",
    "documents.file_empty": "Die Datei ist leer. Bitte wählen Sie eine andere Datei.",
    "documents.file_type":
      "Diese Art von Datei wird nicht angenommen. Erlaubt sind: {{allowed}}. Der Inhalt zählt, nicht die Endung.",
    "documents.category_unknown": "Bitte wählen Sie eine aktive Kategorie Ihres Büros.",
    "documents.contract_unknown": "Dieser Vertrag gehört nicht zu dieser Akte.",
    "documents.claim_unknown": "Dieser Schaden gehört nicht zu dieser Akte.",
  },
  fr: {
    "documents.too_large": "Le fichier est trop volumineux. Veuillez téléverser un fichier plus petit.",
    "documents.file_required": "Veuillez choisir un fichier.",
    "documents.file_one": "Veuillez téléverser exactement un fichier.",
    "documents.file_empty": "Le fichier est vide. Veuillez en choisir un autre.",
    "documents.file_type":
      "Ce type de fichier n'est pas accepté. Types autorisés : {{allowed}}. C'est le contenu qui compte, pas l'extension.",
    "documents.category_unknown": "Veuillez choisir une catégorie active de votre cabinet.",
    "documents.contract_unknown": "Ce contrat n'appartient pas à ce dossier.",
    "documents.claim_unknown": "Ce sinistre n'appartient pas à ce dossier.",
  },
  en: {
    "documents.too_large": "The file is too large. Please upload a smaller file.",
    "documents.file_required": "Please choose a file.",
    "documents.file_one": "Please upload exactly one file.",
    "documents.file_empty": "The file is empty. Please choose another file.",
    "documents.file_type":
      "This kind of file is not accepted. Allowed: {{allowed}}. What counts is the content, not the file name's ending.",
    "documents.category_unknown": "Please choose an active category of your firm.",
    "documents.contract_unknown": "This contract does not belong to this client file.",
    "documents.claim_unknown": "This claim does not belong to this client file.",
  },
};
