import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../platform/paths.js";
import {
  decodeCsv,
  detectDateFormat,
  detectDecimal,
  detectSeparator,
  normalizeHeader,
  parseCsv,
  parseDate,
  parseDecimal,
} from "./csv.js";
import { fieldsByKind } from "./fields.js";
import { mapHeaders, readImportFile } from "./validate.js";

const fixture = (name: string) => readFileSync(path.join(projectRoot, "tests/fixtures/imports", name));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("CSV reading", () => {
  it("decodes UTF-8 with a BOM and falls back to Windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeCsv(utf8("\uFEFFa;b\n"))).toEqual({ text: "a;b\n", encoding: "utf-8" });
    const latin = decodeCsv(fixture("kunden-de-win1252.csv"));
    expect(latin.encoding).toBe("windows-1252");
    expect(latin.text).toContain("Müller;Jürgen");
    expect(latin.text).toContain("Bäckerei Süß GmbH");
    // A chosen encoding is obeyed.
    expect(decodeCsv(Buffer.from("Größe", "latin1"), "windows-1252").text).toBe("Größe");
  });

  it("detects the separator from the header and the following lines", () => {
    expect(detectSeparator("a;b;c\n1;2;3\n")).toBe("semicolon");
    expect(detectSeparator("a,b,c\n1,2,3\n")).toBe("comma");
    expect(detectSeparator("a\tb\tc\n1\t2\t3\n")).toBe("tab");
    // Commas inside amounts do not fool it: the header has none.
    expect(detectSeparator("Name;Beitrag\nMüller;1.234,56\n")).toBe("semicolon");
    expect(detectSeparator('name,note\n"Muster; Klara","a;b"\n')).toBe("comma");
  });

  it("parses quotes, embedded separators and newlines, and numbers rows as lines of the file", () => {
    const table = parseCsv('id;note\n1;"a;b"\n\n2;"two\nlines"\n3;plain\n', "semicolon");
    expect(table.headers).toEqual(["id", "note"]);
    expect(table.records).toEqual([
      { line: 2, values: ["1", "a;b"] },
      { line: 4, values: ["2", "two\nlines"] },
      { line: 6, values: ["3", "plain"] },
    ]);
  });

  it("reports an unreadable record with its line instead of failing the file", () => {
    const table = parseCsv('id;note\n1;ok\n2;"never closed\n', "semicolon");
    expect(table.records).toEqual([{ line: 2, values: ["1", "ok"] }]);
    expect(table.problems).toEqual([{ line: 3, reason: "imports.reason.malformed_row" }]);
  });

  it("reads amounts with a decimal comma or point", () => {
    expect(parseDecimal("1.234,56", "comma")).toBe("1234.56");
    expect(parseDecimal("89,90 €", "comma")).toBe("89.90");
    expect(parseDecimal("1234", "comma")).toBe("1234");
    expect(parseDecimal("1,234.50", "point")).toBe("1234.50");
    expect(parseDecimal("-0.5", "point")).toBe("-0.5");
    expect(parseDecimal("1.234,56", "point")).toBeNull();
    expect(parseDecimal("zwölf", "comma")).toBeNull();
    expect(detectDecimal(["1.234,56", "12,00"])).toBe("comma");
    expect(detectDecimal(["1,234.56", "12.00"])).toBe("point");
    expect(detectDecimal(["1.234", "100"])).toBeNull();
  });

  it("reads dates in dd.mm.yyyy, dd/mm/yyyy and ISO, rejecting impossible days", () => {
    expect(parseDate("01.02.2020", "dd.mm.yyyy")).toBe("2020-02-01");
    expect(parseDate("1.2.2020", "dd.mm.yyyy")).toBe("2020-02-01");
    expect(parseDate("14/07/1975", "dd/mm/yyyy")).toBe("1975-07-14");
    expect(parseDate("2021-04-01", "dd.mm.yyyy")).toBe("2021-04-01");
    expect(parseDate("31.02.2020", "dd.mm.yyyy")).toBeNull();
    expect(parseDate("01/02/2020", "dd.mm.yyyy")).toBeNull();
    expect(detectDateFormat(["01.02.2020", "03.04.2021"])).toBe("dd.mm.yyyy");
    expect(detectDateFormat(["14/07/1975"])).toBe("dd/mm/yyyy");
    expect(detectDateFormat(["2021-04-01"])).toBe("yyyy-mm-dd");
    expect(detectDateFormat(["soon"])).toBeNull();
  });

  it("normalises headers: case, accents, spaces, dashes and underscores do not matter", () => {
    expect(normalizeHeader(" Date de Naissance ")).toBe("datedenaissance");
    expect(normalizeHeader("E-Mail")).toBe("email");
    expect(normalizeHeader("last_name")).toBe("lastname");
    expect(normalizeHeader("Rôle")).toBe("role");
  });

  it("has no column name that means two fields of the same kind", () => {
    for (const fields of Object.values(fieldsByKind)) {
      const seen = new Map<string, string>();
      for (const field of fields) {
        for (const alias of new Set([field.key, ...field.aliases].map(normalizeHeader))) {
          expect(seen.get(alias) ?? field.key, `${alias} in ${field.key}`).toBe(field.key);
          seen.set(alias, field.key);
        }
      }
    }
  });
});

describe("reading an import file", () => {
  it("reads a German Windows-1252 client export with ';' and reports unknown columns", () => {
    const file = readImportFile(fixture("kunden-de-win1252.csv"), "client_files", {});
    expect(file.options).toMatchObject({ encoding: "windows-1252", separator: "semicolon" });
    expect(file.mapping.unknownColumns).toEqual([]);
    expect(file.rows.map((r) => r.problems)).toEqual([[], [], []]);
    expect(file.rows[0]?.values).toMatchObject({
      externalId: "K-1001",
      kind: "private",
      holderLastName: "Müller",
      holderFirstName: "Jürgen",
    });
    expect(file.rows[2]?.values).toMatchObject({ kind: "business", displayName: "Bäckerei Süß GmbH" });
    expect(file.rows[2]?.values.notes).toBe("Filialen: Köln; Bonn");
  });

  it("reads German contracts: decimal comma, dd.mm.yyyy and the German status words", () => {
    const file = readImportFile(fixture("vertraege-de.csv"), "contracts", {});
    expect(file.detected).toEqual({
      encoding: "utf-8",
      separator: "semicolon",
      decimal: "comma",
      dateFormat: "dd.mm.yyyy",
    });
    const [first, second, third] = file.rows;
    expect(first?.values).toMatchObject({
      status: "own",
      startDate: "2020-02-01",
      endDate: "2030-01-31",
      premium: "1234.56",
      premiumFrequency: "yearly",
      lineOfBusiness: "HRV",
    });
    expect(second?.values).toMatchObject({
      status: "cancelled",
      premium: "89.90",
      premiumFrequency: "monthly",
    });
    expect(third?.values).toMatchObject({ status: "offer", premium: null, startDate: null });
  });

  it("reads French headers, dd/mm/yyyy and French role and language words", () => {
    const files = readImportFile(fixture("dossiers-fr.csv"), "client_files", {});
    expect(files.rows.map((r) => r.values.kind)).toEqual(["private", "business"]);
    // The company has neither a display name nor a holder: that row is refused, the other kept.
    expect(files.rows[1]?.problems.map((p) => p.key)).toEqual(["imports.reason.name_needed"]);

    const persons = readImportFile(fixture("personnes-fr.csv"), "persons", {});
    expect(persons.options.dateFormat).toBe("dd/mm/yyyy");
    expect(persons.mapping.unknownColumns).toEqual([]);
    expect(persons.rows[0]?.values).toMatchObject({
      role: "holder",
      language: "fr",
      birthDate: "1975-07-14",
      email: "helene.dupont@example.fr",
    });
    // Without a country column, a French speaker's national number is read as French.
    expect(persons.rows[0]?.problems).toEqual([]);
    expect(persons.rows[0]?.values).toMatchObject({ phone: "+33612345678", phoneCountry: "FR" });
    expect(persons.rows[1]?.values).toMatchObject({ role: "child", birthDate: "2008-09-03" });
  });

  it("reads English CSV with ',' , quoted commas, a decimal point and ISO dates", () => {
    const file = readImportFile(fixture("contracts-en.csv"), "contracts", {});
    expect(file.detected).toMatchObject({ separator: "comma", decimal: "point", dateFormat: "yyyy-mm-dd" });
    expect(file.rows[0]?.values).toMatchObject({
      insurer: "Zurich, Inc.",
      premium: "1234.50",
      status: "own",
    });
  });

  it("lets chosen options override detection", () => {
    const text = "external_id;client_file_external_id;insurer;status;premium\nC-1;K-1;AXA;own;1.234\n";
    expect(readImportFile(utf8(text), "contracts", {}).rows[0]?.values.premium).toBe("1234");
    expect(readImportFile(utf8(text), "contracts", { decimal: "point" }).rows[0]?.values.premium).toBe(
      "1.234",
    );
  });

  it("finds phone numbers with a country, invalid cells, repeated ids and missing required columns", () => {
    const text = [
      "external_id;client_file_external_id;role;last_name;phone;country;email;commercial_contact",
      "P-1;K-1;contact;Muster;0221 1234567;DE;klara@example.com;ja",
      "P-2;K-1;Kind;Muster;;;not-an-email;",
      "P-1;K-1;holder;Muster;;;;",
      "P-3;K-1;boss;Muster;;;;",
      "P-4;K-1;child;Muster;;;;x",
    ].join("\n");
    const file = readImportFile(utf8(text), "persons", {});
    expect(file.rows[0]?.values).toMatchObject({
      phone: "+492211234567",
      phoneCountry: "DE",
      isCommercialContact: true,
    });
    const keys = file.rows.map((r) => r.problems.map((p) => `${p.row}:${p.column}:${p.key}`));
    expect(keys).toEqual([
      [],
      ["3:email:imports.reason.email"],
      ["4:external_id:imports.reason.duplicate_external_id"],
      ["5:role:imports.reason.choice"],
      ["6:commercial_contact:imports.reason.flag_needs_contact"],
    ]);
    const missing = mapHeaders("persons", ["Vorname", "Nachname", "Lieblingsfarbe"]);
    expect(missing.missingRequired).toEqual(["externalId", "clientFileExternalId", "role"]);
    expect(missing.unknownColumns).toEqual(["Lieblingsfarbe"]);
  });
});
