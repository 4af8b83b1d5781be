import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the grants feature (errors and field hints), keys prefixed "grants.". */
export const grantsMessages: FeatureMessages = {
  en: {
    "grants.covers_unmanaged_file":
      "This grant also covers {{file}}, where you may not manage access. {{reason}}",
    "grants.not_allowed_to_manage.case_owner":
      "Your firm lets only the file's case owner manage portal access. Ask the case owner to do this.",
    "grants.not_allowed_to_manage.admins":
      "Your firm lets only administrators manage portal access. Ask an administrator to do this.",
    "grants.not_allowed_to_manage.case_owner_and_admins":
      "Your firm lets only the file's case owner and administrators manage portal access. Ask one of them to do this.",
    "grants.advisors_only_by_staff":
      "Only the firm can give external advisors access. Ask your advisor at the firm.",
    "grants.holders_access_irrevocable":
      "Your firm's policy keeps the access of holders and co-holders: it cannot be revoked, locked, lowered or given an end date. An administrator can change this policy in the settings.",
    "grants.line_of_business_unknown": "Please choose lines of business of your firm.",
    "grants.document_category_unknown": "Please choose document categories of your firm.",
    "grants.case_handler_unknown": "Please choose an active staff member of your firm as case handler.",
    "grants.profile_is_default":
      "The firm's starting profiles cannot be deleted. Change or rename it instead.",
    "grants.profile_unknown": "Please choose one of your firm's grant profiles.",
    "grants.contract_not_in_grant": "Please choose only contracts of the client files this grant bundles.",
    "grants.file_has_grantees":
      "Persons of this client file have access through this grant. Revoke their access first, then remove the file.",
    "grants.person_or_outsider": "Choose a person of the file or enter an email and name, not both.",
    "grants.person_or_email": "Please choose a person of the file or enter an email address.",
    "grants.person_not_in_grant": "Please choose a person of a client file this grant bundles.",
    "grants.expiry_in_past": "The end of the access must lie in the future.",
    "grants.grantee_exists": "This person already has access through this grant. Change their entry instead.",
    "grants.grantee_revoked": "This access was revoked. Reinstate it first.",
    "grants.preview_sees_nothing":
      "This person's access is locked, revoked or expired, so they see nothing in the portal. Unlock, reinstate or extend it first.",
  },
  de: {
    "grants.covers_unmanaged_file":
      "Diese Freischaltung umfasst auch {{file}}; dort dürfen Sie den Zugang nicht verwalten. {{reason}}",
    "grants.not_allowed_to_manage.case_owner":
      "In Ihrem Büro verwaltet nur die Betreuerin oder der Betreuer der Akte den Portalzugang. Bitten Sie sie oder ihn darum.",
    "grants.not_allowed_to_manage.admins":
      "In Ihrem Büro verwaltet nur die Administration den Portalzugang. Bitten Sie die Administration darum.",
    "grants.not_allowed_to_manage.case_owner_and_admins":
      "In Ihrem Büro verwalten nur die Betreuerin oder der Betreuer der Akte und die Administration den Portalzugang. Bitten Sie eine dieser Personen darum.",
    "grants.advisors_only_by_staff":
      "Externen Beraterinnen und Beratern kann nur das Büro Zugang geben. Wenden Sie sich an Ihre Beratung.",
    "grants.holders_access_irrevocable":
      "Nach der Richtlinie Ihres Büros bleibt der Zugang von Inhabern und Mitinhabern bestehen: Er kann nicht widerrufen, gesperrt, eingeschränkt oder befristet werden. Die Administration kann diese Richtlinie in den Einstellungen ändern.",
    "grants.line_of_business_unknown": "Bitte wählen Sie Sparten Ihres Büros.",
    "grants.document_category_unknown": "Bitte wählen Sie Dokumentkategorien Ihres Büros.",
    "grants.case_handler_unknown":
      "Bitte wählen Sie eine aktive Mitarbeiterin oder einen aktiven Mitarbeiter Ihres Büros als Sachbearbeitung.",
    "grants.profile_is_default":
      "Die Startprofile des Büros können nicht gelöscht werden. Ändern oder benennen Sie es stattdessen um.",
    "grants.profile_unknown": "Bitte wählen Sie eines der Freischaltungsprofile Ihres Büros.",
    "grants.contract_not_in_grant":
      "Bitte wählen Sie nur Verträge der Kundenakten, die diese Freischaltung umfasst.",
    "grants.file_has_grantees":
      "Personen dieser Kundenakte haben über diese Freischaltung Zugang. Widerrufen Sie zuerst deren Zugang und entfernen Sie dann die Akte.",
    "grants.person_or_outsider":
      "Wählen Sie eine Person der Akte oder geben Sie E-Mail-Adresse und Namen ein, nicht beides.",
    "grants.person_or_email": "Bitte wählen Sie eine Person der Akte oder geben Sie eine E-Mail-Adresse ein.",
    "grants.person_not_in_grant":
      "Bitte wählen Sie eine Person aus einer Kundenakte, die diese Freischaltung umfasst.",
    "grants.expiry_in_past": "Das Ende des Zugangs muss in der Zukunft liegen.",
    "grants.grantee_exists":
      "Diese Person hat über diese Freischaltung bereits Zugang. Ändern Sie stattdessen ihren Eintrag.",
    "grants.grantee_revoked": "Dieser Zugang wurde widerrufen. Stellen Sie ihn zuerst wieder her.",
    "grants.preview_sees_nothing":
      "Der Zugang dieser Person ist gesperrt, widerrufen oder abgelaufen; sie sieht im Portal nichts. Entsperren, wiederherstellen oder verlängern Sie ihn zuerst.",
  },
  fr: {
    "grants.covers_unmanaged_file":
      "Cet accès partagé couvre aussi {{file}}, où vous ne pouvez pas gérer les accès. {{reason}}",
    "grants.not_allowed_to_manage.case_owner":
      "Dans votre cabinet, seul le chargé du dossier gère les accès au portail. Demandez-le-lui.",
    "grants.not_allowed_to_manage.admins":
      "Dans votre cabinet, seuls les administrateurs gèrent les accès au portail. Demandez-le à un administrateur.",
    "grants.not_allowed_to_manage.case_owner_and_admins":
      "Dans votre cabinet, seuls le chargé du dossier et les administrateurs gèrent les accès au portail. Demandez-le à l’un d’eux.",
    "grants.advisors_only_by_staff":
      "Seul le cabinet peut donner accès à des conseillers externes. Adressez-vous à votre conseiller.",
    "grants.holders_access_irrevocable":
      "Selon la règle de votre cabinet, l’accès des titulaires et cotitulaires est maintenu : il ne peut être ni retiré, ni suspendu, ni réduit, ni limité dans le temps. Un administrateur peut modifier cette règle dans les paramètres.",
    "grants.line_of_business_unknown": "Veuillez choisir des branches de votre cabinet.",
    "grants.document_category_unknown": "Veuillez choisir des catégories de documents de votre cabinet.",
    "grants.case_handler_unknown": "Veuillez choisir comme gestionnaire un membre actif de votre cabinet.",
    "grants.profile_is_default":
      "Les profils de départ du cabinet ne peuvent pas être supprimés. Modifiez-le ou renommez-le plutôt.",
    "grants.profile_unknown": "Veuillez choisir l’un des profils d’accès de votre cabinet.",
    "grants.contract_not_in_grant":
      "Veuillez choisir uniquement des contrats des dossiers clients inclus dans cet accès.",
    "grants.file_has_grantees":
      "Des personnes de ce dossier client ont accès par ce partage. Retirez d’abord leur accès, puis retirez le dossier.",
    "grants.person_or_outsider":
      "Choisissez une personne du dossier ou saisissez un e-mail et un nom, pas les deux.",
    "grants.person_or_email": "Veuillez choisir une personne du dossier ou saisir une adresse e-mail.",
    "grants.person_not_in_grant": "Veuillez choisir une personne d’un dossier client inclus dans cet accès.",
    "grants.expiry_in_past": "La fin de l’accès doit se situer dans le futur.",
    "grants.grantee_exists": "Cette personne a déjà accès par ce partage. Modifiez plutôt son accès.",
    "grants.grantee_revoked": "Cet accès a été retiré. Rétablissez-le d’abord.",
    "grants.preview_sees_nothing":
      "L’accès de cette personne est suspendu, retiré ou expiré : elle ne voit rien dans le portail. Rétablissez-le ou prolongez-le d’abord.",
  },
};
