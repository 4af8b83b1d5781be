import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientFile, Person } from "../../../contracts/clients.js";
import { createFirm } from "../../../tests/support/factories.js";
import { signedInStaff } from "../../../tests/support/factories-clients.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

type Staff = Awaited<ReturnType<typeof signedInStaff>>;

describe("a household's name follows its holder", () => {
  let t: TestApp;
  let advisor: Staff;

  beforeAll(async () => {
    t = await startTestApp();
    const { firmId } = await createFirm(t.deps);
    advisor = await signedInStaff(t, firmId, "advisor");
  });
  afterAll(() => t?.close());

  async function householdWithHolder(displayName: string) {
    const file = (
      await advisor.client.post<ClientFile>("/api/client-files", { kind: "private", displayName })
    ).body;
    const holder = (
      await advisor.client.post<Person>(`/api/client-files/${file.id}/persons`, {
        firstName: "Klara",
        lastName: "Muster",
      })
    ).body;
    return { fileId: file.id, holderId: holder.id };
  }
  const nameOf = async (fileId: string) =>
    (await advisor.client.get<ClientFile>(`/api/client-files/${fileId}`)).body.displayName;

  it("renaming the holder renames a file named after her, and the history shows it", async () => {
    const { fileId, holderId } = await householdWithHolder("Muster, Klara");
    const res = await advisor.client.patch(`/api/client-files/${fileId}/persons/${holderId}`, {
      lastName: "Schmidt",
    });
    expect(res.status).toBe(200);
    expect(await nameOf(fileId)).toBe("Schmidt, Klara");
    const search = await advisor.client.get<{ items: Array<{ id: string }> }>("/api/client-files?q=schmidt");
    expect(search.body.items.map((f) => f.id)).toContain(fileId);
    const history = await advisor.client.get<{ items: Array<{ action: string; after: unknown }> }>(
      `/api/client-files/${fileId}/history`,
    );
    expect(history.body.items).toContainEqual(
      expect.objectContaining({ action: "client_file.update", after: { displayName: "Schmidt, Klara" } }),
    );
  });

  it("a new holder renames a file named after the previous one", async () => {
    const { fileId } = await householdWithHolder("Muster, Klara");
    const res = await advisor.client.post(`/api/client-files/${fileId}/persons`, {
      firstName: "Paul",
      lastName: "Weber",
      role: "holder",
    });
    expect(res.status).toBe(201);
    expect(await nameOf(fileId)).toBe("Weber, Paul");
  });

  it("making a co-holder the holder renames the file too", async () => {
    const { fileId } = await householdWithHolder("Muster, Klara");
    const partner = await advisor.client.post<Person>(`/api/client-files/${fileId}/persons`, {
      firstName: "Jean",
      lastName: "Dupont",
      role: "partner",
    });
    await advisor.client.patch(`/api/client-files/${fileId}/persons/${partner.body.id}`, { role: "holder" });
    expect(await nameOf(fileId)).toBe("Dupont, Jean");
  });

  it("a name the staff chose themselves stays", async () => {
    const { fileId, holderId } = await householdWithHolder("Familie Muster");
    await advisor.client.patch(`/api/client-files/${fileId}/persons/${holderId}`, { lastName: "Schmidt" });
    expect(await nameOf(fileId)).toBe("Familie Muster");
  });
});
