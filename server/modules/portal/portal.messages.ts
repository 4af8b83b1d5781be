import type { FeatureMessages } from "../../platform/i18n/messages.js";

/** Messages of the portal feature (errors and field hints), keys prefixed "portal.". */
export const portalMessages: FeatureMessages = {
  en: {
    "portal.kind_not_shared":
      "Your access does not include adding this kind of entry. Ask your advisor to share it with you.",
    "portal.change_would_hide":
      "This change would take the entry out of what you can see. Ask your advisor to make it for you.",
    "portal.contract_not_editable":
      "You can change only contracts you hold with other providers. Ask your advisor to change this contract.",
    "portal.family_private_only": "Access for family members can be given only on a household's file.",
    "portal.family_holders_only":
      "Only the holder and co-holders of this file can give family members access. Ask them or your advisor.",
    "portal.family_read_only":
      "Your access to this file is read-only, so you cannot give others access. Ask your advisor.",
    "portal.family_above_own": "You can give at most the access you have yourself.",
    "portal.family_no_advisors":
      "Outside advisors get access only from your advisor. Ask your advisor to give it.",
    "portal.family_not_family":
      "You can give access only to family members: partner, children, relatives and co-holders.",
    "portal.family_not_self": "You cannot change your own access here. Ask your advisor.",
    "portal.family_given_by_firm":
      "Your advisor set this person's access, so only your advisor can change it.",
    "portal.family_email_missing":
      "This person has no email address yet. Add their email address first, so they can be invited.",
  },
  de: {
    "portal.kind_not_shared":
      "Ihr Zugang umfasst das Hinzufügen solcher Einträge nicht. Bitten Sie Ihre Beratung, sie für Sie freizugeben.",
    "portal.change_would_hide":
      "Durch diese Änderung wäre der Eintrag für Sie nicht mehr sichtbar. Bitten Sie Ihre Beratung, sie vorzunehmen.",
    "portal.contract_not_editable":
      "Sie können nur Verträge ändern, die Sie bei anderen Anbietern haben. Bitten Sie Ihre Beratung, diesen Vertrag zu ändern.",
    "portal.family_private_only":
      "Zugang für Familienmitglieder kann nur in der Akte eines Haushalts vergeben werden.",
    "portal.family_holders_only":
      "Nur Inhaber und Mitinhaber dieser Akte können Familienmitgliedern Zugang geben. Wenden Sie sich an sie oder an Ihre Beratung.",
    "portal.family_read_only":
      "Sie haben auf diese Akte nur Lesezugriff und können daher keinen Zugang vergeben. Wenden Sie sich an Ihre Beratung.",
    "portal.family_above_own": "Sie können höchstens den Zugang vergeben, den Sie selbst haben.",
    "portal.family_no_advisors":
      "Externe Berater erhalten Zugang nur über Ihre Beratung. Bitten Sie Ihre Beratung darum.",
    "portal.family_not_family":
      "Sie können nur Familienmitgliedern Zugang geben: Partner, Kindern, Angehörigen und Mitinhabern.",
    "portal.family_not_self":
      "Ihren eigenen Zugang können Sie hier nicht ändern. Wenden Sie sich an Ihre Beratung.",
    "portal.family_given_by_firm":
      "Den Zugang dieser Person hat Ihre Beratung festgelegt; nur sie kann ihn ändern.",
    "portal.family_email_missing":
      "Für diese Person ist noch keine E-Mail-Adresse hinterlegt. Tragen Sie zuerst ihre E-Mail-Adresse ein, damit sie eingeladen werden kann.",
  },
  fr: {
    "portal.kind_not_shared":
      "Votre accès ne permet pas d'ajouter ce type d'élément. Demandez à votre conseiller de le partager avec vous.",
    "portal.change_would_hide":
      "Cette modification rendrait l'élément invisible pour vous. Demandez à votre conseiller de la faire.",
    "portal.contract_not_editable":
      "Vous ne pouvez modifier que les contrats détenus auprès d'autres prestataires. Demandez à votre conseiller de modifier ce contrat.",
    "portal.family_private_only":
      "L'accès des membres de la famille ne peut être donné que sur le dossier d'un foyer.",
    "portal.family_holders_only":
      "Seuls le titulaire et les cotitulaires de ce dossier peuvent donner accès aux membres de la famille. Adressez-vous à eux ou à votre conseiller.",
    "portal.family_read_only":
      "Votre accès à ce dossier est en lecture seule ; vous ne pouvez donc pas donner d'accès. Adressez-vous à votre conseiller.",
    "portal.family_above_own": "Vous ne pouvez pas donner plus que l'accès dont vous disposez vous-même.",
    "portal.family_no_advisors":
      "Les conseillers externes reçoivent leur accès uniquement de votre conseiller. Demandez-le-lui.",
    "portal.family_not_family":
      "Vous ne pouvez donner accès qu'aux membres de la famille : partenaire, enfants, proches et cotitulaires.",
    "portal.family_not_self":
      "Vous ne pouvez pas modifier votre propre accès ici. Adressez-vous à votre conseiller.",
    "portal.family_given_by_firm":
      "L'accès de cette personne a été défini par votre conseiller ; lui seul peut le modifier.",
    "portal.family_email_missing":
      "Cette personne n'a pas encore d'adresse e-mail. Ajoutez d'abord son adresse e-mail afin qu'elle puisse être invitée.",
  },
};
