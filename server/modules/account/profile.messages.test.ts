import { describe, expect, it } from "vitest";
import type { FeatureMessages } from "../../platform/i18n/messages.js";
import { portalReportMessages } from "../portal/portal-report.messages.js";
import { profileMessages } from "./profile.messages.js";

const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();

describe("messages of the account's own data and of reports", () => {
  for (const [name, messages] of Object.entries({ profileMessages, portalReportMessages })) {
    it(`${name} exist in German, French and English with the same keys and placeholders`, () => {
      const catalogs = messages as FeatureMessages;
      const keys = Object.keys(catalogs.en).sort();
      for (const language of ["de", "fr"] as const) {
        expect(Object.keys(catalogs[language]).sort()).toEqual(keys);
        for (const key of keys)
          expect(placeholders(catalogs[language][key] ?? ""), `${language} ${key}`).toEqual(
            placeholders(catalogs.en[key] ?? ""),
          );
      }
    });
  }
});
