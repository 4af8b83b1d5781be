import type { StaffRole } from "../../contracts/common.js";
import type { AppDeps } from "../../server/deps.js";
import { clientFiles, clientFileTeam, persons } from "../../server/modules/clients/clients.tables.js";
import { refreshSearchText } from "../../server/modules/clients/search-text.js";
import { inFirm } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { createStaff } from "./factories.js";
import { TestClient } from "./http.js";
import type { TestApp } from "./test-app.js";

let counter = 0;

/** A staff member of `firmId` with `role`, signed in through the real session endpoint. */
export async function signedInStaff(t: TestApp, firmId: string, role: StaffRole = "advisor", name?: string) {
  const staff = await createStaff(t.deps, firmId, { role, name: name ?? `${role} ${++counter}` });
  const client = new TestClient(t.app, "en");
  const res = await client.post("/api/session", { email: staff.email, password: staff.password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...staff, client };
}

/** A client file written straight to the database (fast, for lists), with optional team and persons. */
export async function insertClientFile(
  deps: AppDeps,
  firmId: string,
  input: {
    caseOwnerId: string;
    displayName?: string;
    kind?: "private" | "business";
    number?: string;
    externalId?: string;
    teamUserIds?: string[];
    persons?: Array<{ firstName: string; lastName: string; email?: string; role?: string }>;
    updatedAt?: Date;
  },
) {
  const id = newId();
  const n = ++counter;
  await inFirm(deps.database, firmId, async (tx) => {
    await tx.db.insert(clientFiles).values({
      firmId,
      id,
      kind: input.kind ?? "private",
      displayName: input.displayName ?? `File ${n}`,
      number: input.number ?? `T-${String(n).padStart(6, "0")}`,
      externalId: input.externalId ?? null,
      caseOwnerId: input.caseOwnerId,
      ...(input.updatedAt ? { updatedAt: input.updatedAt } : {}),
    });
    for (const userId of input.teamUserIds ?? [])
      await tx.db.insert(clientFileTeam).values({ firmId, clientFileId: id, userId });
    for (const [index, p] of (input.persons ?? []).entries())
      await tx.db.insert(persons).values({
        firmId,
        id: newId(),
        clientFileId: id,
        role: p.role ?? (index === 0 ? "holder" : "co_holder"),
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email ?? null,
      });
    await refreshSearchText(tx, [id]);
  });
  return { id };
}
