import type { dePortal } from "./de-portal.js";
import type { Catalog } from "./index.js";

/** French wording of the client-portal emails; must have exactly the keys of the German ones. */
export const frPortal: Pick<Catalog, keyof typeof dePortal> = {
  "client-invitation": {
    subject: {
      invitation: {
        formal: "{{firmName}} vous invite sur son portail client",
        informal: "{{firmName}} t’invite sur son portail client",
      },
      firstReminder: {
        formal: "Rappel : votre accès au portail client de {{firmName}} vous attend",
        informal: "Rappel : ton accès au portail client de {{firmName}} t’attend",
      },
      laterReminder: {
        formal: "Nouveau rappel : votre invitation au portail client de {{firmName}} est toujours ouverte",
        informal: "Nouveau rappel : ton invitation au portail client de {{firmName}} est toujours ouverte",
      },
    },
    preview: {
      invitation: {
        formal: "{{inviterName}} vous invite. Le lien est valable jusqu’au {{expiresAt}}.",
        informal: "{{inviterName}} t’invite. Le lien est valable jusqu’au {{expiresAt}}.",
      },
      reminder: {
        formal: "Votre invitation est toujours ouverte. Le lien est valable jusqu’au {{expiresAt}}.",
        informal: "Ton invitation est toujours ouverte. Le lien est valable jusqu’au {{expiresAt}}.",
      },
    },
    greeting: "Bonjour {{name}}",
    stillOpen: {
      formal: "Petit rappel : votre invitation au portail client est toujours ouverte.",
      informal: "Petit rappel : ton invitation au portail client est toujours ouverte.",
    },
    invited: {
      formal: "{{inviterName}}, de {{firmName}}, vous invite à rejoindre le portail client du cabinet.",
      informal: "{{inviterName}}, de {{firmName}}, t’invite à rejoindre le portail client du cabinet.",
    },
    purpose: {
      formal:
        "Dans le portail client, vous voyez tout ce que {{firmName}} partage avec vous : par exemple des contrats, des documents et des messages. Tout y est réuni en un lieu sûr.",
      informal:
        "Dans le portail client, tu vois tout ce que {{firmName}} partage avec toi : par exemple des contrats, des documents et des messages. Tout y est réuni en un lieu sûr.",
    },
    personalIntro: {
      formal: "{{inviterName}} vous écrit :",
      informal: "{{inviterName}} t’écrit :",
    },
    howTo: {
      formal: "Le bouton ci-dessous vous permet de créer votre accès. Cela ne prend que quelques minutes :",
      informal: "Le bouton ci-dessous te permet de créer ton accès. Cela ne prend que quelques minutes :",
    },
    steps: {
      name: { formal: "Confirmer votre nom", informal: "Confirmer ton nom" },
      password: {
        formal: "Choisir votre propre mot de passe",
        informal: "Choisir ton propre mot de passe",
      },
    },
    accept: "Créer mon accès",
    expires: {
      formal:
        "Le lien est valable jusqu’au {{expiresAt}}. Ensuite, {{firmName}} pourra vous envoyer une nouvelle invitation.",
      informal:
        "Le lien est valable jusqu’au {{expiresAt}}. Ensuite, {{firmName}} pourra t’envoyer une nouvelle invitation.",
    },
    onceOnly: {
      formal:
        "Le lien ne fonctionne qu’une seule fois. Il n’est utilisé qu’au moment où votre accès est créé. Le simple fait de l’ouvrir ne change rien.",
      informal:
        "Le lien ne fonctionne qu’une seule fois. Il n’est utilisé qu’au moment où ton accès est créé. Le simple fait de l’ouvrir ne change rien.",
    },
    noPassword: {
      formal:
        "Nous ne vous envoyons jamais de mot de passe par e-mail. Vous choisissez vous-même votre mot de passe.",
      informal: "Nous ne t’envoyons jamais de mot de passe par e-mail. Tu choisis toi-même ton mot de passe.",
    },
    notExpected: {
      formal:
        "Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail. Pour toute question, adressez-vous directement à {{firmName}}.",
      informal:
        "Si tu n’attendais pas cette invitation, tu peux ignorer cet e-mail. Pour toute question, adresse-toi directement à {{firmName}}.",
    },
    reason: {
      formal:
        "Vous recevez cet e-mail parce que {{inviterName}}, de {{firmName}}, vous a envoyé une invitation au portail client sur Atrium.",
      informal:
        "Tu reçois cet e-mail parce que {{inviterName}}, de {{firmName}}, t’a envoyé une invitation au portail client sur Atrium.",
    },
  },
  "access-granted": {
    subject: {
      formal: "{{firmName}} a partagé de nouvelles informations avec vous dans le portail client",
      informal: "{{firmName}} a partagé de nouvelles informations avec toi dans le portail client",
    },
    preview: {
      formal: "Vous les trouverez dans le portail client. Connectez-vous comme d’habitude.",
      informal: "Tu les trouveras dans le portail client. Connecte-toi comme d’habitude.",
    },
    greeting: "Bonjour {{name}}",
    granted: {
      formal:
        "{{inviterName}}, de {{firmName}}, a partagé de nouvelles informations avec vous. Vous y avez désormais accès dans le portail client.",
      informal:
        "{{inviterName}}, de {{firmName}}, a partagé de nouvelles informations avec toi. Tu y as désormais accès dans le portail client.",
    },
    personalIntro: {
      formal: "{{inviterName}} vous écrit :",
      informal: "{{inviterName}} t’écrit :",
    },
    signIn: {
      formal:
        "Connectez-vous comme d’habitude avec votre adresse e-mail et votre mot de passe. Vous n’avez pas besoin d’un nouveau compte.",
      informal:
        "Connecte-toi comme d’habitude avec ton adresse e-mail et ton mot de passe. Tu n’as pas besoin d’un nouveau compte.",
    },
    openPortal: "Ouvrir le portail client",
    noPassword: {
      formal: "Nous ne vous demandons jamais votre mot de passe par e-mail.",
      informal: "Nous ne te demandons jamais ton mot de passe par e-mail.",
    },
    questions: {
      formal: "Pour toute question, adressez-vous à {{firmName}}.",
      informal: "Pour toute question, adresse-toi à {{firmName}}.",
    },
    reason: {
      formal:
        "Vous recevez cet e-mail parce que {{firmName}} a partagé de nouvelles informations avec vous dans le portail client sur Atrium.",
      informal:
        "Tu reçois cet e-mail parce que {{firmName}} a partagé de nouvelles informations avec toi dans le portail client sur Atrium.",
    },
  },
  "password-reset": {
    subject: "Nouveau mot de passe pour le portail client de {{firmName}}",
    preview: {
      formal: "Choisissez un nouveau mot de passe. Le lien est valable jusqu’au {{expiresAt}}.",
      informal: "Choisis un nouveau mot de passe. Le lien est valable jusqu’au {{expiresAt}}.",
    },
    greeting: "Bonjour {{name}}",
    requested: {
      formal: "Un nouveau mot de passe a été demandé pour votre compte du portail client de {{firmName}}.",
      informal: "Un nouveau mot de passe a été demandé pour ton compte du portail client de {{firmName}}.",
    },
    howTo: {
      formal: "Le bouton ci-dessous vous permet de choisir un nouveau mot de passe.",
      informal: "Le bouton ci-dessous te permet de choisir un nouveau mot de passe.",
    },
    choose: "Choisir un nouveau mot de passe",
    expires: {
      formal:
        "Le lien est valable jusqu’au {{expiresAt}} et ne fonctionne qu’une seule fois. Ensuite, vous pourrez simplement demander un nouveau lien.",
      informal:
        "Le lien est valable jusqu’au {{expiresAt}} et ne fonctionne qu’une seule fois. Ensuite, tu pourras simplement demander un nouveau lien.",
    },
    secondFactor: {
      formal:
        "Même avec le nouveau mot de passe, nous vous demanderons comme d’habitude votre deuxième confirmation à la connexion, par exemple un code reçu par SMS.",
      informal:
        "Même avec le nouveau mot de passe, nous te demanderons comme d’habitude ta deuxième confirmation à la connexion, par exemple un code reçu par SMS.",
    },
    notYou: {
      formal:
        "Si vous n’êtes pas à l’origine de cette demande, ignorez simplement cet e-mail. Votre mot de passe reste le même.",
      informal:
        "Si tu n’es pas à l’origine de cette demande, ignore simplement cet e-mail. Ton mot de passe reste le même.",
    },
    noPassword: {
      formal: "Nous ne vous demandons jamais votre mot de passe par e-mail.",
      informal: "Nous ne te demandons jamais ton mot de passe par e-mail.",
    },
    reason: {
      formal:
        "Vous recevez cet e-mail parce qu’un nouveau mot de passe a été demandé pour votre compte du portail client de {{firmName}}.",
      informal:
        "Tu reçois cet e-mail parce qu’un nouveau mot de passe a été demandé pour ton compte du portail client de {{firmName}}.",
    },
  },
};
