import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportRunList } from "../../../contracts/imports.js";
import { createFirm, createStaff } from "../../../tests/support/factories.js";
import {
  generatedClientFilesCsv,
  importCsv,
  uploadCsv,
  waitForImport,
} from "../../../tests/support/factories-imports.js";
import { TestClient } from "../../../tests/support/http.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { projectRoot } from "../../platform/paths.js";

const fixture = (name: string) => readFileSync(path.join(projectRoot, "tests/fixtures/imports", name));

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

async function signIn(t: TestApp, staff: { email: string; password: string }, language = "en") {
  const client = new TestClient(t.app, language);
  const res = await client.post("/api/session", { email: staff.email, password: staff.password });
  expect(res.status).toBe(200);
  return client;
}

describe("CSV import (FILE-5)", () => {
  let t: TestApp;
  let firmId: string;
  let admin: TestClient;
  let adminId: string;
  let advisor: TestClient;
  let other: TestClient;
  let advisorEmail: string;

  const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    inFirm(t.deps.database, firmId, async (tx) => (await tx.client.query<T>(sql, params)).rows);

  beforeAll(async () => {
    t = await startTestApp();
    firmId = (await createFirm(t.deps, { name: "Maklerbüro Import" })).firmId;
    const a = await createStaff(t.deps, firmId, { role: "admin" });
    adminId = a.userId;
    admin = await signIn(t, a);
    const adv = await createStaff(t.deps, firmId, { role: "advisor", email: "berater@example.test" });
    advisorEmail = adv.email;
    advisor = await signIn(t, adv);
    const otherFirm = await createFirm(t.deps, { name: "Cabinet Ailleurs" });
    other = await signIn(t, await createStaff(t.deps, otherFirm.firmId, { role: "admin" }));
  });
  afterAll(() => t?.close());

  it("previews a German Windows-1252 export: detected options, mapping, sample rows, no errors", async () => {
    const res = await uploadCsv(admin, "client_files", fixture("kunden-de-win1252.csv"));
    expect(res.status).toBe(201);
    const preview = res.body;
    expect(preview.status).toBe("previewed");
    expect(preview.detected).toEqual({
      encoding: "windows-1252",
      separator: "semicolon",
      decimal: "comma",
      dateFormat: "dd.mm.yyyy",
    });
    expect(preview.columns).toEqual([
      { header: "Externe ID", field: "externalId" },
      { header: "Art", field: "kind" },
      { header: "Nachname", field: "holderLastName" },
      { header: "Vorname", field: "holderFirstName" },
      { header: "Firmenname", field: "displayName" },
      { header: "Aktennummer", field: "number" },
      { header: "Bemerkung", field: "notes" },
    ]);
    expect(preview.totalRows).toBe(3);
    expect(preview.errors).toEqual([]);
    expect(preview.problems).toEqual([]);
    expect(preview.sampleRows[0]).toEqual({
      row: 2,
      values: expect.objectContaining({ externalId: "K-1001", holderLastName: "Müller", kind: "private" }),
    });
    // Nothing is imported by a preview.
    expect(await query("select 1 from client_files")).toHaveLength(0);
  });

  it("imports client files, then importing the same file again changes nothing", async () => {
    const first = await importCsv(admin, "client_files", fixture("kunden-de-win1252.csv"));
    expect(first.result).toMatchObject({
      status: "done",
      totalRows: 3,
      processedRows: 3,
      createdRows: 3,
      updatedRows: 0,
      unchangedRows: 0,
      errorRows: 0,
    });
    const files = await query<{
      display_name: string;
      number: string;
      case_owner_id: string;
      search_text: string;
      updated_at: Date;
    }>(
      "select display_name, number, case_owner_id, search_text, updated_at from client_files order by number",
    );
    expect(files.map((f) => [f.display_name, f.number])).toEqual([
      ["Müller, Jürgen", "A-1001"],
      ["Größe, Ännchen", "A-1002"],
      ["Bäckerei Süß GmbH", "A-1003"],
    ]);
    // Without a case owner column the importing admin owns the files; the list search finds them.
    expect(new Set(files.map((f) => f.case_owner_id))).toEqual(new Set([adminId]));
    expect(files[0]?.search_text).toContain("müller");
    const auditBefore = await query("select action from audit_events");

    const second = await importCsv(admin, "client_files", fixture("kunden-de-win1252.csv"));
    expect(second.result).toMatchObject({ createdRows: 0, updatedRows: 0, unchangedRows: 3, errorRows: 0 });
    const again = await query<{ updated_at: Date }>("select updated_at from client_files order by number");
    expect(again.map((f) => f.updated_at.getTime())).toEqual(files.map((f) => f.updated_at.getTime()));
    // One audit event per run, none per row.
    const auditAfter = await query<{ action: string; after: { unchangedRows: number } }>(
      "select action, after from audit_events order by at, seq",
    );
    expect(auditAfter.length - auditBefore.length).toBe(1);
    expect(auditAfter.at(-1)).toMatchObject({ action: "import.run", after: { unchangedRows: 3 } });
  });

  it("updates only the rows that changed and keeps values of columns the file does not have", async () => {
    const csv =
      "Externe ID;Nachname;Vorname;Betreuer\nK-1001;Müller;Jürgen Karl;berater@example.test\nK-1002;Größe;Ännchen;\n";
    const { result } = await importCsv(admin, "client_files", Buffer.from(csv, "latin1"));
    expect(result).toMatchObject({ createdRows: 0, updatedRows: 1, unchangedRows: 1 });
    const [file] = await query<{
      display_name: string;
      notes: string;
      number: string;
      kind: string;
      owner: string;
    }>(
      `select display_name, notes, number, kind, u.email as owner from client_files f join users u on u.id = f.case_owner_id
        where external_id = 'K-1001'`,
    );
    expect(file).toEqual({
      display_name: "Müller, Jürgen Karl",
      notes: "Kunde seit 1998",
      number: "A-1001",
      kind: "private",
      owner: advisorEmail,
    });
  });

  it("imports contracts with German conventions and persons with French headers", async () => {
    const contracts = await importCsv(admin, "contracts", fixture("vertraege-de.csv"));
    expect(contracts.result).toMatchObject({ createdRows: 3, errorRows: 0 });
    const rows = await query<{
      number: string;
      status: string;
      premium: string;
      start_date: string;
      code: string;
    }>(
      `select c.number, c.status, c.premium::text as premium, c.start_date::text as start_date, l.code
         from contracts c join lines_of_business l on l.id = c.line_of_business_id order by c.external_id`,
    );
    expect(rows).toEqual([
      { number: "4711-0815", status: "own", premium: "1234.56", start_date: "2020-02-01", code: "HRV" },
      { number: "KF-99", status: "cancelled", premium: "89.90", start_date: "2019-03-15", code: "KFZ" },
      { number: null, status: "offer", premium: null, start_date: null, code: "PHV" },
    ]);
    const again = await importCsv(admin, "contracts", fixture("vertraege-de.csv"));
    expect(again.result).toMatchObject({ createdRows: 0, updatedRows: 0, unchangedRows: 3 });

    await importCsv(admin, "client_files", fixture("dossiers-fr.csv"));
    const persons = await importCsv(admin, "persons", fixture("personnes-fr.csv"));
    expect(persons.result).toMatchObject({ createdRows: 2, errorRows: 0 });
    const [helene] = await query<{ phone_e164: string; language: string; search_text: string }>(
      `select p.phone_e164, p.language, f.search_text from persons p join client_files f on f.id = p.client_file_id
        where p.external_id = 'P-1'`,
    );
    expect(helene).toMatchObject({ phone_e164: "+33612345678", language: "fr" });
    expect(helene?.search_text).toContain("helene.dupont@example.fr");
  });

  it("skips broken rows whole and reports row, column and reason in the request's language", async () => {
    const csv = [
      "ID;Kunden-ID;Versicherer;Sparte;Status;Beginn;Beitrag",
      "B-1;K-1001;Allianz;WG;Eigen;01.01.2024;100,00",
      "B-2;K-1001;Allianz;XYZ;Eigen;01.01.2024;100,00",
      "B-3;K-9999;Allianz;WG;Eigen;01.01.2024;100,00",
      "B-4;K-1001;Allianz;WG;Eigen;31.02.2024;zehn",
      "B-5;K-1001;;WG;Vielleicht;;",
      "B-1;K-1001;Allianz;WG;Eigen;;",
      "B-6;K-1001;Gothaer;RS;Ruhend;;",
    ].join("\n");
    const german = await signIn(t, await createStaff(t.deps, firmId, { role: "admin" }), "de");
    const preview = await uploadCsv(german, "contracts", csv);
    expect(preview.status).toBe(201);
    expect(preview.body.errorRows).toBe(5);
    expect(preview.body.errors).toEqual([
      { row: 3, column: "Sparte", reason: expect.stringContaining("„XYZ“") },
      { row: 4, column: "Kunden-ID", reason: expect.stringContaining("Keine Kundenakte") },
      { row: 5, column: "Beginn", reason: "„31.02.2024“ ist kein gültiges Datum im Format dd.mm.yyyy." },
      { row: 5, column: "Beitrag", reason: "„zehn“ ist kein gültiger Betrag." },
      { row: 6, column: "Versicherer", reason: "Dieser Wert ist erforderlich." },
      { row: 6, column: "Status", reason: expect.stringContaining("„Vielleicht“ ist kein zulässiger Wert") },
      { row: 7, column: "ID", reason: "Die externe ID „B-1“ kommt bereits in Zeile 2 vor." },
    ]);
    await german.post(`/api/imports/${preview.body.id}/run`);
    const result = await waitForImport(german, preview.body.id);
    expect(result).toMatchObject({ createdRows: 2, errorRows: 5, processedRows: 7 });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "Sparte"],
      [4, "Kunden-ID"],
      [5, "Beginn"],
      [5, "Beitrag"],
      [6, "Versicherer"],
      [6, "Status"],
      [7, "ID"],
    ]);
    const stored = await query<{ external_id: string }>(
      "select external_id from contracts where external_id like 'B-%' order by external_id",
    );
    expect(stored.map((r) => r.external_id)).toEqual(["B-1", "B-6"]);
    // The same run read in English translates the stored reasons.
    const english = await admin.get<{ errors: Array<{ reason: string }> }>(`/api/imports/${preview.body.id}`);
    expect(english.body.errors[0]?.reason).toContain("There is no line of business with the code “XYZ”");
  });

  it("re-previews with chosen options and refuses files without the required columns", async () => {
    const csv = "external_id;client_file_external_id;insurer;status;premium\nR-1;K-1001;AXA;own;1.234\n";
    const first = await uploadCsv(admin, "contracts", csv);
    expect(first.body.options.decimal).toBe("comma");
    expect(first.body.sampleRows[0]?.values.premium).toBe("1234");
    const again = await admin.post<{
      options: { decimal: string };
      sampleRows: Array<{ values: Record<string, unknown> }>;
    }>(`/api/imports/${first.body.id}/preview`, { decimal: "point" });
    expect(again.status).toBe(200);
    expect(again.body.options.decimal).toBe("point");
    expect(again.body.sampleRows[0]?.values.premium).toBe("1.234");

    const missing = await uploadCsv(admin, "persons", "Vorname;Nachname\nKlara;Muster\n");
    expect(missing.status).toBe(201);
    expect(missing.body.problems).toEqual([
      "These required columns are missing: external_id, client_file_external_id, role.",
    ]);
    const run = await admin.post<ErrorBody>(`/api/imports/${missing.body.id}/run`);
    expect(run.status).toBe(400);
    expect(run.body.error.details?.fields?.[0]?.field).toBe("body");
  });

  it("names invalid options and bodies", async () => {
    const bad = await admin.request<ErrorBody>(
      "POST",
      "/api/imports?kind=cars&separator=pipe",
      Buffer.from("a;b\n"),
      {
        "content-type": "text/csv",
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.fields?.map((f) => f.field).sort()).toEqual(["kind", "separator"]);
    const empty = await admin.request<ErrorBody>("POST", "/api/imports?kind=persons", Buffer.alloc(0), {
      "content-type": "text/csv",
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details?.fields?.[0]?.field).toBe("body");
    // The content decides: a spreadsheet (a zip) named .csv is refused.
    const xlsx = await admin.request<ErrorBody>(
      "POST",
      "/api/imports?kind=persons&fileName=list.csv",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      {
        "content-type": "text/csv",
      },
    );
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.error.details?.fields?.[0]).toEqual({
      field: "body",
      message: expect.stringContaining("not a CSV file"),
    });
    const json = await admin.post<ErrorBody>("/api/imports?kind=persons", { rows: [] });
    expect(json.status).toBe(400);
    expect(json.body.error.details?.fields?.[0]?.field).toBe("body");

    const preview = await uploadCsv(admin, "client_files", generatedClientFilesCsv(1, "OPT"));
    const wrong = await admin.post<ErrorBody>(`/api/imports/${preview.body.id}/preview`, {
      dateFormat: "mm/dd/yy",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details?.fields?.map((f) => f.field)).toEqual(["dateFormat"]);
    const notId = await admin.get<ErrorBody>("/api/imports/not-a-uuid");
    expect(notId.status).toBe(400);
    expect(notId.body.error.details?.fields?.map((f) => f.field)).toEqual(["id"]);
  });

  it("refuses to start a run twice", async () => {
    const preview = await uploadCsv(admin, "client_files", generatedClientFilesCsv(2, "TWICE"));
    expect((await admin.post(`/api/imports/${preview.body.id}/run`)).status).toBe(202);
    const second = await admin.post<ErrorBody>(`/api/imports/${preview.body.id}/run`);
    expect(second.status).toBe(409);
    await waitForImport(admin, preview.body.id);
    const list = await admin.get<ImportRunList>("/api/imports");
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: preview.body.id, status: "done", createdRows: 2 });
  });

  it("is for administrators only (403 for advisors, 401 without a session)", async () => {
    const preview = await uploadCsv(admin, "client_files", generatedClientFilesCsv(1, "ROLE"));
    const id = preview.body.id;
    expect((await uploadCsv(advisor, "client_files", generatedClientFilesCsv(1, "ADV"))).status).toBe(403);
    expect((await advisor.post(`/api/imports/${id}/preview`, {})).status).toBe(403);
    expect((await advisor.post(`/api/imports/${id}/run`)).status).toBe(403);
    expect((await advisor.get(`/api/imports/${id}`)).status).toBe(403);
    expect((await advisor.get("/api/imports")).status).toBe(403);
    expect((await new TestClient(t.app).get("/api/imports")).status).toBe(401);
    expect((await admin.get<{ status: string }>(`/api/imports/${id}`)).body.status).toBe("previewed");
  });

  it("SEC-11 another firm's import ids answer 404 and its imports stay invisible", async () => {
    const preview = await uploadCsv(admin, "client_files", generatedClientFilesCsv(1, "SEC"));
    const id = preview.body.id;
    const get = await other.get<ErrorBody>(`/api/imports/${id}`);
    expect(get.status).toBe(404);
    expect((await other.post(`/api/imports/${id}/preview`, {})).status).toBe(404);
    expect((await other.post(`/api/imports/${id}/run`)).status).toBe(404);
    expect((await other.get<ImportRunList>("/api/imports")).body.items).toEqual([]);
    expect((await admin.get<{ status: string }>(`/api/imports/${id}`)).body.status).toBe("previewed");
  });

  it("imports 100,000 rows in batches with progress, and again with all rows unchanged", {
    timeout: 300_000,
  }, async () => {
    const csv = generatedClientFilesCsv(100_000, "BULK");
    const first = await importCsv(admin, "client_files", csv);
    expect(first.result).toMatchObject({
      status: "done",
      totalRows: 100_000,
      createdRows: 100_000,
      errorRows: 0,
    });
    const second = await importCsv(admin, "client_files", csv);
    expect(second.result).toMatchObject({ createdRows: 0, updatedRows: 0, unchangedRows: 100_000 });
    const [{ n }] = (await query<{ n: number }>(
      "select count(*)::int as n from client_files where external_id like 'BULK-%'",
    )) as [{ n: number }];
    expect(n).toBe(100_000);
  });
});
