import type { Language } from "../../../contracts/common.js";

/** The certificate's wording in one language. */
interface CertificateTexts {
  title: string;
  intro: string;
  confirmedBy: string;
  person: string;
  account: string;
  confirmedAt: string;
  statement: string;
  statementText: string;
  document: string;
  version: string;
  fileName: string;
  sha256: string;
  documentId: string;
  ip: string;
  userAgent: string;
  requested: string;
  requestId: string;
  hashNote: string;
  issued: string;
}

/** The PDF certificate's wording in German, French and English (PORTAL-5). */
export const certificateTexts: Readonly<Record<Language, CertificateTexts>> = {
  de: {
    title: "Empfangsbestätigung",
    intro:
      "Diese Bescheinigung hält fest, dass die unten genannte Person im Kundenportal bestätigt hat, das folgende Dokument erhalten und gelesen zu haben.",
    confirmedBy: "Bestätigt von",
    person: "Person",
    account: "Portalkonto",
    confirmedAt: "Bestätigt am",
    statement: "Erklärung",
    statementText: "Ich bestätige, dass ich dieses Dokument erhalten und gelesen habe.",
    document: "Dokument",
    version: "Fassung",
    fileName: "Dateiname",
    sha256: "SHA-256 der Fassung",
    documentId: "Dokument-ID",
    ip: "IP-Adresse",
    userAgent: "Browser (User-Agent)",
    requested: "Angefordert von",
    requestId: "Anforderungs-ID",
    hashNote:
      "Der SHA-256-Wert ist der digitale Fingerabdruck der bestätigten Datei: Stimmt er mit dem einer vorliegenden Datei überein, ist es genau diese Datei.",
    issued: "Erstellt mit Atrium am",
  },
  fr: {
    title: "Accusé de réception",
    intro:
      "Ce certificat atteste que la personne indiquée ci-dessous a confirmé dans le portail client avoir reçu et lu le document suivant.",
    confirmedBy: "Confirmé par",
    person: "Personne",
    account: "Compte du portail",
    confirmedAt: "Confirmé le",
    statement: "Déclaration",
    statementText: "Je confirme avoir reçu et lu ce document.",
    document: "Document",
    version: "Version",
    fileName: "Nom du fichier",
    sha256: "SHA-256 de la version",
    documentId: "ID du document",
    ip: "Adresse IP",
    userAgent: "Navigateur (user agent)",
    requested: "Demandé par",
    requestId: "ID de la demande",
    hashNote:
      "La valeur SHA-256 est l’empreinte numérique du fichier confirmé : si elle correspond à celle d’un fichier donné, il s’agit exactement de ce fichier.",
    issued: "Établi avec Atrium le",
  },
  en: {
    title: "Confirmation of receipt",
    intro:
      "This certificate records that the person named below confirmed in the client portal that they received and read the following document.",
    confirmedBy: "Confirmed by",
    person: "person",
    account: "Portal account",
    confirmedAt: "Confirmed at",
    statement: "Statement",
    statementText: "I confirm that I have received and read this document.",
    document: "Document",
    version: "Version",
    fileName: "File name",
    sha256: "SHA-256 of the version",
    documentId: "Document ID",
    ip: "IP address",
    userAgent: "Browser (user agent)",
    requested: "Requested by",
    requestId: "Request ID",
    hashNote:
      "The SHA-256 value is the digital fingerprint of the confirmed file: if it matches that of a given file, it is exactly that file.",
    issued: "Issued with Atrium on",
  },
};
