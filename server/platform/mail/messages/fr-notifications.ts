import type { Catalog } from "./index.js";

/** French wording of the notification digest (CASE-2), spread into the French catalog. */
export const frNotifications: Pick<Catalog, "notification-digest"> = {
  "notification-digest": {
    subject: {
      one: "{{firmName}} : du nouveau dans le portail client",
      many: "{{firmName}} : {{count}} nouveautés dans le portail client",
      staffOne: "Atrium : du nouveau pour {{firmName}}",
      staffMany: "Atrium : {{count}} nouveautés pour {{firmName}}",
    },
    preview: "Voici ce qui s’est passé depuis notre dernier message.",
    greeting: "Bonjour {{name}}",
    intro: {
      formal: "{{firmName}} a du nouveau pour vous :",
      informal: "{{firmName}} a du nouveau pour toi :",
    },
    staffIntro: "Voici ce qui est arrivé dans Atrium pour {{firmName}} :",
    topic: {
      case_update: "Nouvelle réponse à une demande",
      new_document: "Nouveau document",
      invoice: "Nouvelle facture",
      new_case: "Nouvelle demande",
      client_message: "Nouveau message",
      client_upload: "Nouveau fichier déposé",
      document_confirmed: "Document confirmé",
    },
    inFile: "Dossier {{file}}",
    open: "Ouvrir",
    openPortal: "Ouvrir le portail client",
    openBackOffice: "Ouvrir Atrium",
    settings: {
      formal: "Vous choisissez les messages reçus par e-mail dans votre profil, rubrique « Notifications ».",
      informal: "Tu choisis les messages reçus par e-mail dans ton profil, rubrique « Notifications ».",
    },
    noPassword: {
      formal: "Nous ne vous demandons jamais votre mot de passe par e-mail.",
      informal: "Nous ne te demandons jamais ton mot de passe par e-mail.",
    },
    reason: {
      formal:
        "Vous recevez cet e-mail parce que {{firmName}} vous informe des nouveautés du portail client sur Atrium. Nous les regroupons et écrivons au plus une fois par heure.",
      informal:
        "Tu reçois cet e-mail parce que {{firmName}} t’informe des nouveautés du portail client sur Atrium. Nous les regroupons et écrivons au plus une fois par heure.",
    },
    staffReason:
      "Vous recevez cet e-mail en tant que collaboratrice ou collaborateur de {{firmName}} sur Atrium. Les nouveautés sont regroupées, au plus un e-mail par heure.",
  },
};
