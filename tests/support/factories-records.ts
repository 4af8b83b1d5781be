import { and, eq } from "drizzle-orm";
import type { App, AppDeps } from "../../server/deps.js";
import { auditEvents } from "../../server/modules/audit/audit.tables.js";
import { clientFiles, clientFileTeam, persons } from "../../server/modules/clients/clients.tables.js";
import { linesOfBusiness } from "../../server/modules/records/records.tables.js";
import { inScope } from "../../server/platform/db/scope.js";
import { newId } from "../../server/platform/ids.js";
import { createFirm, createStaff } from "./factories.js";
import { TestClient } from "./http.js";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A client file inserted directly (number unique per firm), with its case owner and team. */
export async function createClientFile(
  deps: AppDeps,
  firmId: string,
  input: { caseOwnerId: string; teamUserIds?: string[]; kind?: "private" | "business"; displayName?: string },
) {
  const id = newId();
  await inScope(deps.database, { firmId }, async (tx) => {
    await tx.db.insert(clientFiles).values({
      firmId,
      id,
      kind: input.kind ?? "private",
      displayName: input.displayName ?? "Muster, Klara",
      number: `K-${unique()}`,
      caseOwnerId: input.caseOwnerId,
    });
    for (const userId of input.teamUserIds ?? [])
      await tx.db.insert(clientFileTeam).values({ firmId, clientFileId: id, userId });
  });
  return { id };
}

/** A person on a file, inserted directly. */
export async function createPerson(
  deps: AppDeps,
  firmId: string,
  clientFileId: string,
  input: { firstName?: string; lastName?: string; role?: string } = {},
) {
  const id = newId();
  const person = {
    firmId,
    id,
    clientFileId,
    role: input.role ?? "holder",
    firstName: input.firstName ?? "Klara",
    lastName: input.lastName ?? "Muster",
  };
  await inScope(deps.database, { firmId }, (tx) => tx.db.insert(persons).values(person));
  return { id, name: `${person.firstName} ${person.lastName}` };
}

/** The id of the firm's line of business with `code` (every firm starts with the common German lines). */
export async function lineOfBusinessId(deps: AppDeps, firmId: string, code: string) {
  return inScope(deps.database, { firmId }, async (tx) => {
    const [line] = await tx.db
      .select({ id: linesOfBusiness.id })
      .from(linesOfBusiness)
      .where(and(eq(linesOfBusiness.firmId, firmId), eq(linesOfBusiness.code, code)));
    if (!line) throw new Error(`no line of business ${code}`);
    return line.id;
  });
}

/** Switches a line of business on or off. */
export async function setLineActive(deps: AppDeps, firmId: string, id: string, active: boolean) {
  await inScope(deps.database, { firmId }, (tx) =>
    tx.db
      .update(linesOfBusiness)
      .set({ active })
      .where(and(eq(linesOfBusiness.firmId, firmId), eq(linesOfBusiness.id, id))),
  );
}

/** The audit events recorded about one entity, oldest first. */
export async function auditOf(deps: AppDeps, firmId: string, entityId: string) {
  return inScope(deps.database, { firmId }, (tx) =>
    tx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.firmId, firmId), eq(auditEvents.entityId, entityId)))
      .orderBy(auditEvents.seq),
  );
}

/** A signed-in client for a staff account. */
export async function signedIn(app: App, staff: { email: string; password: string }, language = "en") {
  const client = new TestClient(app, language);
  const res = await client.post("/api/session", { email: staff.email, password: staff.password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return client;
}

/**
 * Two firms to test records against: in firm A an admin, the case owner of `file`, a team member, and
 * an advisor on neither file; `otherFile` belongs to another owner in firm A; firm B has its own file.
 */
export async function createRecordsWorld(app: App, deps: AppDeps) {
  const firmA = await createFirm(deps);
  const firmB = await createFirm(deps);
  const admin = await createStaff(deps, firmA.firmId, { role: "admin" });
  const owner = await createStaff(deps, firmA.firmId, { role: "advisor" });
  const member = await createStaff(deps, firmA.firmId, { role: "assistant" });
  const outsider = await createStaff(deps, firmA.firmId, { role: "advisor" });
  const adminB = await createStaff(deps, firmB.firmId, { role: "admin" });
  const file = await createClientFile(deps, firmA.firmId, {
    caseOwnerId: owner.userId,
    teamUserIds: [member.userId],
  });
  const otherFile = await createClientFile(deps, firmA.firmId, { caseOwnerId: admin.userId });
  const fileB = await createClientFile(deps, firmB.firmId, { caseOwnerId: adminB.userId });
  return {
    firmA,
    firmB,
    file,
    otherFile,
    fileB,
    admin: await signedIn(app, admin),
    owner: await signedIn(app, owner),
    member: await signedIn(app, member),
    outsider: await signedIn(app, outsider),
    adminB: await signedIn(app, adminB),
    anonymous: new TestClient(app),
  };
}

/** The world `createRecordsWorld` builds. */
export type RecordsWorld = Awaited<ReturnType<typeof createRecordsWorld>>;

/** The fields named by an `invalid` answer. */
export function fieldsOf(body: unknown): string[] {
  const details = (body as { error?: { details?: { fields?: Array<{ field: string }> } } }).error?.details;
  return (details?.fields ?? []).map((f) => f.field);
}
