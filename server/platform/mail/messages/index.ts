import type { Language } from "../../../../contracts/common.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { fr } from "./fr.js";

/** Formal (Sie, vous) or informal (Du, tu) address, chosen per recipient. */
export type Salutation = "formal" | "informal";

/** Wording that differs between formal and informal address. */
export interface SalutationVariants {
  formal: string;
  informal: string;
}

/** One translatable text: shared by both salutations, or one per salutation. */
export type Message = string | SalutationVariants;

type CatalogOf<T> = { [K in keyof T]: T[K] extends Message ? Message : CatalogOf<T[K]> };

/** The shape every catalog has: the German one's keys, each leaf free to vary by salutation or not. */
export type Catalog = CatalogOf<typeof de>;

type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends Message ? K : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];

/** A dotted path to one text, e.g. "welcome-admin.subject"; checked by the compiler. */
export type MessageKey = KeyPaths<Catalog>;

/** Looks up a text for the recipient's language and salutation and fills in its {{placeholders}}. */
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string>>) => string;

/** All email catalogs by language. */
export const catalogs: Readonly<Record<Language, Catalog>> = { de, fr, en };

/** Builds the `t` of one recipient; unknown keys and unfilled placeholders throw, so a gap never ships. */
export function createTranslator(language: Language, salutation: Salutation): Translate {
  const catalog = catalogs[language];
  return (key, values = {}) => {
    const message = lookup(catalog, key);
    const text = typeof message === "string" ? message : message[salutation];
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
      const value = Object.hasOwn(values, name) ? values[name] : undefined;
      if (value === undefined) throw new Error(`Email text "${key}" needs a value for {{${name}}}`);
      return value;
    });
  };
}

function lookup(catalog: Catalog, key: string): Message {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    node =
      typeof node === "object" && node !== null && Object.hasOwn(node, part)
        ? (node as never)[part]
        : undefined;
  }
  if (typeof node === "string" || isVariants(node)) return node;
  throw new Error(`Email text "${key}" does not exist`);
}

function isVariants(node: unknown): node is SalutationVariants {
  return (
    typeof node === "object" &&
    node !== null &&
    typeof (node as SalutationVariants).formal === "string" &&
    typeof (node as SalutationVariants).informal === "string"
  );
}
