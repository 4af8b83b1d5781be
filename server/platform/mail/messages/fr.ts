import type { Catalog } from "./index.js";

/** French wording of every email; must have exactly the keys of the German catalog. */
export const fr: Catalog = {
  layout: {
    sentBy: "Envoyé par Atrium pour le compte de {{firmName}}.",
    linkFallback: {
      formal: "Si le bouton ne fonctionne pas, ouvrez ce lien :",
      informal: "Si le bouton ne fonctionne pas, ouvre ce lien :",
    },
  },
  "welcome-admin": {
    subject: {
      formal: "Bienvenue sur Atrium – votre cabinet {{firmName}} est prêt",
      informal: "Bienvenue sur Atrium – ton cabinet {{firmName}} est prêt",
    },
    preview: {
      formal: "Votre cabinet {{firmName}} est prêt sur Atrium. Connectez-vous dès maintenant.",
      informal: "Ton cabinet {{firmName}} est prêt sur Atrium. Connecte-toi dès maintenant.",
    },
    greeting: "Bonjour {{name}}",
    ready: {
      formal: "Votre cabinet {{firmName}} est désormais configuré et prêt sur Atrium.",
      informal: "Ton cabinet {{firmName}} est désormais configuré et prêt sur Atrium.",
    },
    nextSteps: {
      formal:
        "En tant que premier administrateur ou première administratrice, vous pouvez maintenant vous connecter, inviter votre équipe et ouvrir le portail à vos clients.",
      informal:
        "En tant que premier administrateur ou première administratrice, tu peux maintenant te connecter, inviter ton équipe et ouvrir le portail à tes clients.",
    },
    signIn: "Se connecter",
    noPassword: {
      formal:
        "Nous ne vous envoyons jamais de mot de passe par e-mail. Quiconque vous demande votre mot de passe par e-mail ne fait pas partie d’Atrium.",
      informal:
        "Nous ne t’envoyons jamais de mot de passe par e-mail. Quiconque te demande ton mot de passe par e-mail ne fait pas partie d’Atrium.",
    },
    reason: {
      formal:
        "Vous recevez cet e-mail parce que l’accès administrateur de {{firmName}} sur Atrium a été créé pour vous.",
      informal:
        "Tu reçois cet e-mail parce que l’accès administrateur de {{firmName}} sur Atrium a été créé pour toi.",
    },
  },
  "staff-invitation": {
    subject: {
      formal: "{{inviterName}} vous invite dans l’équipe de {{firmName}} sur Atrium",
      informal: "{{inviterName}} t’invite dans l’équipe de {{firmName}} sur Atrium",
    },
    preview: {
      formal: "Acceptez l’invitation de {{inviterName}} – le lien est valable jusqu’au {{expiresAt}}.",
      informal: "Accepte l’invitation de {{inviterName}} – le lien est valable jusqu’au {{expiresAt}}.",
    },
    greeting: "Bonjour {{name}}",
    invited: {
      formal:
        "{{inviterName}} vous invite à rejoindre l’équipe de {{firmName}} sur Atrium, avec le rôle « {{role}} ».",
      informal:
        "{{inviterName}} t’invite à rejoindre l’équipe de {{firmName}} sur Atrium, avec le rôle « {{role}} ».",
    },
    howTo: {
      formal:
        "Le bouton vous permet de choisir votre mot de passe et de rejoindre l’équipe. Le lien ne fonctionne qu’une seule fois.",
      informal:
        "Le bouton te permet de choisir ton mot de passe et de rejoindre l’équipe. Le lien ne fonctionne qu’une seule fois.",
    },
    accept: "Accepter l’invitation",
    expires: {
      formal:
        "L’invitation est valable jusqu’au {{expiresAt}}. Ensuite, {{firmName}} pourra vous en envoyer une nouvelle.",
      informal:
        "L’invitation est valable jusqu’au {{expiresAt}}. Ensuite, {{firmName}} pourra t’en envoyer une nouvelle.",
    },
    noPassword: {
      formal:
        "Nous ne vous envoyons jamais de mot de passe par e-mail. Vous choisissez vous-même votre mot de passe.",
      informal: "Nous ne t’envoyons jamais de mot de passe par e-mail. Tu choisis toi-même ton mot de passe.",
    },
    notExpected: {
      formal: "Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.",
      informal: "Si tu n’attendais pas cette invitation, tu peux ignorer cet e-mail.",
    },
    reason: {
      formal:
        "Vous recevez cet e-mail parce que {{inviterName}} vous a invité dans l’équipe de {{firmName}}.",
      informal: "Tu reçois cet e-mail parce que {{inviterName}} t’a invité dans l’équipe de {{firmName}}.",
    },
    roles: { admin: "Administration", advisor: "Conseil", assistant: "Assistance" },
  },
};
