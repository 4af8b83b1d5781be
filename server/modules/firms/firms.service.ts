import { randomInt } from "node:crypto";
import type { Language } from "../../../contracts/common.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import { documentCategories } from "../documents/documents.tables.js";
import { insertDefaultGrantProfiles } from "../grants/grant-profiles.queries.js";
import { linesOfBusiness } from "../records/records.tables.js";
import { defaultDocumentCategories, defaultLinesOfBusiness } from "./firm-defaults.js";
import { firms } from "./firms.tables.js";

// No 0/O or 1/I: people read the code aloud and type it from paper.
const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A public firm code like "KANZ-7QX2F": four letters of the name and five random characters. */
export function newPublicCode(name: string): string {
  const letters = name
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toUpperCase()
    .slice(0, 4)
    .padEnd(4, "X");
  const random = Array.from({ length: 5 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join("");
  return `${letters}-${random}`;
}

/**
 * Creates a firm in the transaction's firm scope with its defaults: the policies of the seeds (table
 * defaults), the common lines of business, the document categories and the grant profiles (GRANT-10),
 * named in the firm's language.
 */
export async function createFirmWithDefaults(tx: ScopedTx, input: { name: string; language: Language }) {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("createFirmWithDefaults needs the new firm's scope");
  await tx.db.insert(firms).values({
    firmId,
    name: input.name,
    defaultLanguage: input.language,
    publicCode: newPublicCode(input.name),
  });
  await tx.db.insert(linesOfBusiness).values(
    defaultLinesOfBusiness.map((l) => ({
      firmId,
      id: newId(),
      code: l.code,
      name: l.name[input.language],
    })),
  );
  await tx.db.insert(documentCategories).values(
    defaultDocumentCategories.map((c) => ({
      firmId,
      id: newId(),
      key: c.key,
      name: c.name[input.language],
    })),
  );
  await insertDefaultGrantProfiles(tx, input.language);
  return { firmId };
}
