import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the clients feature (errors and field hints), keys prefixed "clients.". */
export const clientsMessages: FeatureMessages = {
  en: {
    "clients.case_owner_invalid": "Choose an active administrator or advisor of your firm as case owner.",
    "clients.team_member_invalid": "Choose active staff members of your firm for the team.",
    "clients.number_taken": "Another client file already has this number. Choose another one.",
    "clients.external_id_taken": "Another client file already has this external ID.",
    "clients.person_external_id_taken": "Another person already has this external ID.",
    "clients.display_name_required": "Please enter the client's name, or the holder's name for a household.",
    "clients.holder_not_for_business":
      "A company's file has no holder. Create the file, then add its contacts.",
    "clients.kind_conflict":
      "The persons on this file do not fit the other kind of file. Change or remove them first.",
    "clients.role_kind": "This role does not fit this kind of file. Choose one of: {{options}}.",
    "clients.role_required": "Please choose a role.",
    "clients.role_holder_first": "The first family member of a household is its holder.",
    "clients.relation_required": "Please say how this relative is related to the holder.",
    "clients.advisor_kind_required": "Please choose what kind of advisor this is.",
    "clients.phone_invalid":
      "This is not a valid phone number. Enter it with the country code, like {{example}}.",
    "clients.birth_date_future": "The date of birth cannot be in the future.",
    "clients.holder_delete": "The holder cannot be removed. Make another person the holder first.",
    "clients.holder_demote": "A household needs a holder. Make another person the holder instead.",
    "clients.cursor_invalid": "This page is out of date. Please start again from the first page.",
  },
  de: {
    "clients.case_owner_invalid":
      "Wählen Sie eine aktive Administratorin, einen aktiven Administrator oder eine Beraterin bzw. einen Berater Ihres Büros als Betreuung.",
    "clients.team_member_invalid": "Wählen Sie aktive Mitarbeitende Ihres Büros für das Team.",
    "clients.number_taken": "Eine andere Kundenakte hat bereits diese Nummer. Bitte wählen Sie eine andere.",
    "clients.external_id_taken": "Eine andere Kundenakte hat bereits diese externe ID.",
    "clients.person_external_id_taken": "Eine andere Person hat bereits diese externe ID.",
    "clients.display_name_required":
      "Bitte geben Sie den Namen des Kunden ein, bei einem Haushalt den Namen des Inhabers.",
    "clients.holder_not_for_business":
      "Eine Firmenakte hat keinen Inhaber. Legen Sie die Akte an und fügen Sie dann die Ansprechpartner hinzu.",
    "clients.kind_conflict":
      "Die Personen dieser Akte passen nicht zur anderen Aktenart. Bitte ändern oder entfernen Sie sie zuerst.",
    "clients.role_kind": "Diese Rolle passt nicht zu dieser Aktenart. Wählen Sie eine von: {{options}}.",
    "clients.role_required": "Bitte wählen Sie eine Rolle.",
    "clients.role_holder_first": "Das erste Familienmitglied eines Haushalts ist sein Inhaber.",
    "clients.relation_required": "Bitte geben Sie an, wie diese Person mit dem Inhaber verwandt ist.",
    "clients.advisor_kind_required": "Bitte wählen Sie die Art des Beraters.",
    "clients.phone_invalid":
      "Dies ist keine gültige Telefonnummer. Bitte geben Sie sie mit Ländervorwahl ein, z. B. {{example}}.",
    "clients.birth_date_future": "Das Geburtsdatum darf nicht in der Zukunft liegen.",
    "clients.holder_delete":
      "Der Inhaber kann nicht entfernt werden. Bitte machen Sie zuerst eine andere Person zum Inhaber.",
    "clients.holder_demote":
      "Ein Haushalt braucht einen Inhaber. Machen Sie stattdessen eine andere Person zum Inhaber.",
    "clients.cursor_invalid":
      "Diese Seite ist nicht mehr aktuell. Bitte beginnen Sie wieder bei der ersten Seite.",
  },
  fr: {
    "clients.case_owner_invalid":
      "Choisissez comme chargé du dossier un administrateur ou un conseiller actif de votre cabinet.",
    "clients.team_member_invalid": "Choisissez des membres actifs de votre cabinet pour l'équipe.",
    "clients.number_taken": "Un autre dossier client porte déjà ce numéro. Veuillez en choisir un autre.",
    "clients.external_id_taken": "Un autre dossier client a déjà cet identifiant externe.",
    "clients.person_external_id_taken": "Une autre personne a déjà cet identifiant externe.",
    "clients.display_name_required": "Veuillez saisir le nom du client, ou celui du titulaire pour un foyer.",
    "clients.holder_not_for_business":
      "Le dossier d'une entreprise n'a pas de titulaire. Créez le dossier, puis ajoutez ses contacts.",
    "clients.kind_conflict":
      "Les personnes de ce dossier ne conviennent pas à l'autre type de dossier. Modifiez-les ou retirez-les d'abord.",
    "clients.role_kind": "Ce rôle ne convient pas à ce type de dossier. Choisissez parmi : {{options}}.",
    "clients.role_required": "Veuillez choisir un rôle.",
    "clients.role_holder_first": "Le premier membre de la famille d'un foyer en est le titulaire.",
    "clients.relation_required": "Veuillez indiquer le lien de parenté avec le titulaire.",
    "clients.advisor_kind_required": "Veuillez choisir le type de conseiller.",
    "clients.phone_invalid":
      "Ce numéro de téléphone n'est pas valide. Saisissez-le avec l'indicatif du pays, par exemple {{example}}.",
    "clients.birth_date_future": "La date de naissance ne peut pas être dans le futur.",
    "clients.holder_delete":
      "Le titulaire ne peut pas être retiré. Désignez d'abord une autre personne comme titulaire.",
    "clients.holder_demote":
      "Un foyer a besoin d'un titulaire. Désignez plutôt une autre personne comme titulaire.",
    "clients.cursor_invalid": "Cette page n'est plus à jour. Veuillez recommencer à la première page.",
  },
};
