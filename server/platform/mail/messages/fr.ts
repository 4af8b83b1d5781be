import { frConfirmations } from "./fr-confirmations.js";
import { frNotifications } from "./fr-notifications.js";
import { frPortal } from "./fr-portal.js";
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
  "access-changed": {
    subject: {
      formal: "Votre accès chez {{firmName}} a changé",
      informal: "Ton accès chez {{firmName}} a changé",
    },
    preview: {
      formal: "« {{grantName}} » : ce qui a changé dans votre accès.",
      informal: "« {{grantName}} » : ce qui a changé dans ton accès.",
    },
    greeting: "Bonjour {{name}}",
    intro: {
      formal: "{{firmName}} a modifié votre accès à « {{grantName}} » dans le portail client :",
      informal: "{{firmName}} a modifié ton accès à « {{grantName}} » dans le portail client :",
    },
    changes: {
      readOnly: {
        formal: "Vous pouvez toujours consulter les informations partagées, mais plus les modifier.",
        informal: "Tu peux toujours consulter les informations partagées, mais plus les modifier.",
      },
      readWrite: {
        formal:
          "Vous pouvez désormais aussi modifier des informations, dans la mesure où votre rôle le permet.",
        informal: "Tu peux désormais aussi modifier des informations, dans la mesure où ton rôle le permet.",
      },
      locked: {
        formal:
          "Votre accès est suspendu pour le moment. Vous ne pouvez rien ouvrir tant qu’il n’est pas rétabli.",
        informal:
          "Ton accès est suspendu pour le moment. Tu ne peux rien ouvrir tant qu’il n’est pas rétabli.",
      },
      unlocked: {
        formal: "Votre accès est de nouveau ouvert.",
        informal: "Ton accès est de nouveau ouvert.",
      },
      revoked: {
        formal: "Votre accès a pris fin. Vous ne pouvez plus ouvrir ces informations.",
        informal: "Ton accès a pris fin. Tu ne peux plus ouvrir ces informations.",
      },
      reinstated: {
        formal: "Votre accès a été rétabli.",
        informal: "Ton accès a été rétabli.",
      },
      expires: {
        formal: "Votre accès prend désormais fin le {{date}}.",
        informal: "Ton accès prend désormais fin le {{date}}.",
      },
      noExpiry: {
        formal: "Votre accès n’a plus de date de fin.",
        informal: "Ton accès n’a plus de date de fin.",
      },
      ended: {
        formal: "Ce partage n’existe plus. Vous ne pouvez plus ouvrir ces informations.",
        informal: "Ce partage n’existe plus. Tu ne peux plus ouvrir ces informations.",
      },
    },
    openPortal: "Ouvrir le portail client",
    questions: {
      formal: "Pour toute question sur ce changement, adressez-vous à {{firmName}}.",
      informal: "Pour toute question sur ce changement, adresse-toi à {{firmName}}.",
    },
    noPassword: {
      formal: "Nous ne vous demandons jamais votre mot de passe par e-mail.",
      informal: "Nous ne te demandons jamais ton mot de passe par e-mail.",
    },
    reason: {
      formal:
        "Vous recevez cet e-mail parce que {{firmName}} partage des informations avec vous dans le portail client sur Atrium.",
      informal:
        "Tu reçois cet e-mail parce que {{firmName}} partage des informations avec toi dans le portail client sur Atrium.",
    },
  },
  ...frPortal,
  ...frConfirmations,
  ...frNotifications,
};
