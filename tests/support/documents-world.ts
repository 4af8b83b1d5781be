import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import type { DocumentDetail } from "../../contracts/documents.js";
import { createFirm, createStaff } from "./factories.js";
import { categoriesOf, createClientFileRow, type FormPart, multipartBody } from "./factories-documents.js";
import { TestClient } from "./http.js";
import type { TestApp } from "./test-app.js";

/** The error body of the API, with its field hints. */
export interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

/** Hex SHA-256 of some bytes. */
export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Signs a staff member in and returns their client. */
export async function signIn(t: TestApp, who: { email: string; password: string }) {
  const client = new TestClient(t.app, "en");
  const res = await client.post("/api/session", { email: who.email, password: who.password });
  expect(res.status).toBe(200);
  return client;
}

/** Everything a documents test needs: a firm with an advisor owning a file, a team member and an outsider. */
export async function documentsWorld(t: TestApp) {
  const firm = await createFirm(t.deps, { language: "en" });
  const owner = await createStaff(t.deps, firm.firmId, { role: "advisor" });
  const outsider = await createStaff(t.deps, firm.firmId, { role: "advisor" });
  const teamMember = await createStaff(t.deps, firm.firmId, { role: "assistant" });
  const file = await createClientFileRow(t.deps, firm.firmId, {
    caseOwnerId: owner.userId,
    teamUserIds: [teamMember.userId],
  });
  const categories = await categoriesOf(t.deps, firm.firmId);
  return {
    firm,
    file,
    categories,
    ownerUserId: owner.userId,
    owner: await signIn(t, owner),
    outsider: await signIn(t, outsider),
    teamMember: await signIn(t, teamMember),
  };
}

/** What `documentsWorld` builds. */
export type DocumentsWorld = Awaited<ReturnType<typeof documentsWorld>>;

/** Posts a multipart upload. */
export function upload(client: TestClient, url: string, parts: FormPart[]) {
  const { payload, headers } = multipartBody(parts);
  return client.request<DocumentDetail & ErrorBody>("POST", url, payload, headers);
}

/** The parts of a new document's upload: title, the "policy" category, extra fields, the file. */
export function uploadParts(
  w: DocumentsWorld,
  file: { fileName: string; content: Buffer },
  fields: Record<string, string> = {},
): FormPart[] {
  return [
    { name: "title", value: "Policy 2026" },
    { name: "categoryId", value: w.categories.get("policy")?.id ?? "" },
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: "file", ...file },
  ];
}

/** A raw GET (downloads are not JSON). */
export async function download(t: TestApp, client: TestClient, url: string) {
  return t.app.inject({ method: "GET", url, headers: { cookie: client.cookie } });
}

/** The fields an `invalid` answer names. */
export function fieldsOf(body: ErrorBody) {
  return (body.error.details?.fields ?? []).map((f) => f.field);
}

/** How many files the local store holds for a firm's documents. */
export async function storedFiles(t: TestApp, firmId: string): Promise<number> {
  const dir = path.join(t.deps.config.dataDir, "files", firmId, "documents");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

/** The audit actions recorded on an entity, sorted. */
export async function auditActions(t: TestApp, firmId: string, entityId: string): Promise<string[]> {
  const { rows } = await t.deps.database.owner.query<{ action: string }>(
    "select action from audit_events where firm_id = $1 and entity_id = $2 order by action",
    [firmId, entityId],
  );
  return rows.map((r) => r.action);
}
