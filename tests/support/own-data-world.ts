import { createFirm } from "./factories.js";
import { signedInStaff } from "./factories-clients.js";
import { categoriesOf } from "./factories-documents.js";
import { insertGrant, insertGrantee } from "./factories-grants.js";
import { createClientFile } from "./factories-records.js";
import { insertDocument, insertPerson, type Seed004World, seed004World } from "./portal-world.js";
import type { TestApp } from "./test-app.js";

/**
 * The seed-004 example, plus what an account's own data must keep apart: another household at
 * Klara's firm with a shared document she never reaches, and a second firm ("Zweitbüro") where Klara
 * is holder of her own file with one shared document.
 */
export async function ownDataWorld(t: TestApp) {
  const w: Seed004World = await seed004World(t);
  const categories = await categoriesOf(t.deps, w.firmId);
  const policyCategory = categories.get("policy")?.id ?? "";
  const otherFile = (
    await createClientFile(t.deps, w.firmId, { caseOwnerId: w.owner.userId, displayName: "Nachbar, Norbert" })
  ).id;
  const otherDocument = await insertDocument(t, w.firmId, otherFile, {
    title: "Norberts Police",
    categoryId: policyCategory,
    shared: true,
  });

  const second = await createFirm(t.deps, { name: "Zweitbüro", language: "de" });
  const secondOwner = await signedInStaff(t, second.firmId, "admin", "Zora Zweit");
  const secondFile = (
    await createClientFile(t.deps, second.firmId, {
      caseOwnerId: secondOwner.userId,
      displayName: "Muster, Klara (Zweitbüro)",
    })
  ).id;
  const secondPerson = await insertPerson(t, second.firmId, secondFile, {
    role: "holder",
    firstName: "Klara",
    lastName: "Muster",
    email: "klara@example.test",
  });
  const secondCategories = await categoriesOf(t.deps, second.firmId);
  const secondDocument = await insertDocument(t, second.firmId, secondFile, {
    title: "Vertrag Zweitbüro",
    categoryId: secondCategories.get("policy")?.id ?? "",
    shared: true,
  });
  const secondGrant = await insertGrant(t.deps, second.firmId, {
    name: "Klara Zweitbüro",
    fileIds: [secondFile],
  });
  const secondGrantee = (
    await insertGrantee(t.deps, second.firmId, {
      grantId: secondGrant.id,
      personId: secondPerson,
      accountId: w.klara.userId,
      access: "read",
      name: "Klara Muster",
    })
  ).id;
  return {
    ...w,
    otherFile,
    otherDocument,
    second: {
      firmId: second.firmId,
      owner: secondOwner,
      file: secondFile,
      person: secondPerson,
      document: secondDocument,
      grant: secondGrant,
      grantee: secondGrantee,
    },
  };
}

export type OwnDataWorld = Awaited<ReturnType<typeof ownDataWorld>>;
