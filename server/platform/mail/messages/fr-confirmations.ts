import type { deConfirmations } from "./de-confirmations.js";
import type { Catalog } from "./index.js";

/** French wording of the confirmation request and its reminders; exactly the keys of the German one. */
export const frConfirmations: Pick<Catalog, keyof typeof deConfirmations> = {
  "confirmation-request": {
    subject: {
      request: {
        formal: "Merci de confirmer la réception : {{documentTitle}}",
        informal: "Merci de confirmer la réception : {{documentTitle}}",
      },
      renewal: {
        formal: "Nouvelle version – merci de confirmer la réception : {{documentTitle}}",
        informal: "Nouvelle version – merci de confirmer la réception : {{documentTitle}}",
      },
      reminder: {
        formal: "Rappel : merci de confirmer la réception de {{documentTitle}}",
        informal: "Rappel : merci de confirmer la réception de {{documentTitle}}",
      },
    },
    preview: {
      formal: "{{firmName}} vous demande une courte confirmation dans le portail client.",
      informal: "{{firmName}} te demande une courte confirmation dans le portail client.",
    },
    greeting: { formal: "Bonjour {{name}}", informal: "Salut {{name}}" },
    message: {
      request: {
        formal:
          "{{requesterName}} de {{firmName}} a mis un document à votre disposition dans le portail client. Veuillez le lire, puis confirmer dans le portail que vous l’avez reçu et lu.",
        informal:
          "{{requesterName}} de {{firmName}} a mis un document à ta disposition dans le portail client. Lis-le, puis confirme dans le portail que tu l’as reçu et lu.",
      },
      renewal: {
        formal:
          "{{requesterName}} de {{firmName}} a mis une nouvelle version d’un document à votre disposition dans le portail client. Votre confirmation précédente concerne l’ancienne version. Veuillez lire la nouvelle version et en confirmer la réception dans le portail.",
        informal:
          "{{requesterName}} de {{firmName}} a mis une nouvelle version d’un document à ta disposition dans le portail client. Ta confirmation précédente concerne l’ancienne version. Lis la nouvelle version et confirmes-en la réception dans le portail.",
      },
    },
    stillOpen: {
      formal: "Petit rappel : {{firmName}} attend encore votre confirmation pour ce document.",
      informal: "Petit rappel : {{firmName}} attend encore ta confirmation pour ce document.",
    },
    documentLabel: "Document",
    versionLine: "Version {{version}} du {{date}}",
    versionOnly: "Version {{version}}",
    howTo: {
      formal:
        "Connectez-vous au portail client. Vous pourrez y ouvrir le document, puis confirmer en un clic.",
      informal: "Connecte-toi au portail client. Tu pourras y ouvrir le document, puis confirmer en un clic.",
    },
    open: "Voir le document dans le portail client",
    recorded: {
      formal:
        "Lors de votre confirmation, la date et l’heure, la version du document et son empreinte numérique sont enregistrées. Ainsi, il est clair plus tard quel document vous avez reçu.",
      informal:
        "Lors de ta confirmation, la date et l’heure, la version du document et son empreinte numérique sont enregistrées. Ainsi, il est clair plus tard quel document tu as reçu.",
    },
    noPassword: {
      formal: "Nous ne vous demandons jamais votre mot de passe par e-mail.",
      informal: "Nous ne te demandons jamais ton mot de passe par e-mail.",
    },
    questions: {
      formal: "Pour toute question, veuillez contacter {{firmName}}.",
      informal: "Pour toute question, contacte {{firmName}}.",
    },
    reason: {
      formal:
        "Vous recevez cet e-mail parce que {{firmName}} vous demande un accusé de réception dans le portail client sur Atrium.",
      informal:
        "Tu reçois cet e-mail parce que {{firmName}} te demande un accusé de réception dans le portail client sur Atrium.",
    },
  },
};
