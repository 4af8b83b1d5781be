import type { Language } from "../../../contracts/common.js";

/** The SMS texts (short: one message of 160 characters), in the recipient's language. */
const texts: Record<Language, { phoneCode: string }> = {
  de: {
    phoneCode:
      "Atrium: Ihr Bestätigungscode lautet {{code}}. Er gilt {{minutes}} Minuten. Geben Sie ihn an niemanden weiter.",
  },
  fr: {
    phoneCode:
      "Atrium : votre code de confirmation est {{code}}. Il est valable {{minutes}} minutes. Ne le communiquez à personne.",
  },
  en: {
    phoneCode:
      "Atrium: your confirmation code is {{code}}. It is valid for {{minutes}} minutes. Do not share it with anyone.",
  },
};

/** The text of a confirmation code message. */
export function phoneCodeText(language: Language, code: string, minutes: number): string {
  return texts[language].phoneCode.replace("{{code}}", code).replace("{{minutes}}", String(minutes));
}
