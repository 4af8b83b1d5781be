import { describe, expect, it } from "vitest";
import { serverCatalogs } from "./messages.js";
import { negotiateLanguage, translate } from "./translate.js";

describe("server messages", () => {
  it("exist in German, French and English with the same keys and placeholders", () => {
    const keys = Object.keys(serverCatalogs.en).sort();
    for (const language of ["de", "fr"] as const) {
      expect(Object.keys(serverCatalogs[language]).sort()).toEqual(keys);
      for (const key of keys) {
        const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
        expect(placeholders(serverCatalogs[language][key] ?? ""), `${language} ${key}`).toEqual(
          placeholders(serverCatalogs.en[key] ?? ""),
        );
      }
    }
  });

  it("fill placeholders", () => {
    expect(translate("de", "field.too_short", { min: 8 })).toBe("Bitte geben Sie mindestens 8 Zeichen ein.");
  });

  it("pick the request's language from Accept-Language, falling back to German", () => {
    expect(negotiateLanguage("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr");
    expect(negotiateLanguage("es-ES, en;q=0.5")).toBe("en");
    expect(negotiateLanguage("es-ES")).toBe("de");
    expect(negotiateLanguage(undefined)).toBe("de");
    expect(negotiateLanguage("de;q=0.1, en;q=0.9")).toBe("en");
  });
});
