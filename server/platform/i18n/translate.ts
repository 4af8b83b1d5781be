import { type Language, languages } from "../../../contracts/common.js";
import { serverCatalogs } from "./messages.js";

/** Translates a server message key, filling `{{name}}` placeholders; unknown keys fall back to English. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}) {
  const template = serverCatalogs[language][key] ?? serverCatalogs.en[key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
}

/** Picks the best supported language from an Accept-Language header (German when nothing matches). */
export function negotiateLanguage(header: string | undefined, fallback: Language = "de"): Language {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if ((languages as readonly string[]).includes(tag)) return tag as Language;
  }
  return fallback;
}
