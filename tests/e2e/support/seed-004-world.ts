import { expect } from "vitest";
import type { Journey } from "./journey";
import { minimalPdf } from "./pdf";
import type { PortalLogin } from "./portal-accounts";
import { setSecondFactorPolicy } from "./second-factor";

// The seed-004 example (Klara Muster, her household, her company Musterfirma, her banker), written
// through the staff API as the signed-in administrator: the journey then does the access part by hand.

/** The firm, set up in English. */
export const seed004Firm = {
  firmName: "Harbour & Partners Advisory",
  language: "en",
  adminName: "Alice Archer",
  adminEmail: "alice@harbour-partners.example",
  password: "copper kettles by the harbour 9",
};
/** The grant the journey creates over Klara's file and Musterfirma. */
export const grantName = "Klara Muster — household and company";

/** A person of the example: the portal sign-in, and the access the grant gives (as the UI names it). */
export type Seed004Person = PortalLogin & { first: string; last: string; level: "Read" | "Read and write" };

/** Klara Muster, the holder of the household file, with `read_write`. */
export const klara: Seed004Person = {
  first: "Klara",
  last: "Muster",
  level: "Read and write",
  name: "Klara Muster",
  email: "klara@muster.example",
  password: "lanterns over the quiet canal 4",
};
/** Max Muster, Klara's partner: a family member with `read`. */
export const max: Seed004Person = {
  first: "Max",
  last: "Muster",
  level: "Read",
  name: "Max Muster",
  email: "max@muster.example",
  password: "seven gulls on a blue roof",
};
/** Bernd Banker, an external advisor (banker) on Klara's file with `read_write`. */
export const banker: Seed004Person = {
  first: "Bernd",
  last: "Banker",
  level: "Read and write",
  name: "Bernd Banker",
  email: "bernd@sparkasse.example",
  password: "ledgers in the morning fog",
};

/** The three contract lines of the example: two shared by the grant, the third not. */
export const contractNumbers = { hrv: "HRV-1001", kfz: "KFZ-2002", rs: "RS-3003" } as const;
/** The asset on Klara's file the banker changes. */
export const savings = { description: "Savings account at Sparkasse", value: "25000.00" };
/** Shared documents: one tied to a shared contract (shown), one tied to the hidden line (hidden). */
export const documentTitles = { hrv: "Household contents policy 2025", rs: "Legal expenses policy 2025" };

/** The ids the journey needs of what the world holds. */
export interface Seed004World {
  firmId: string;
  klaraFile: { id: string; name: string };
  companyFile: { id: string; name: string };
  lines: Record<"HRV" | "KFZ" | "RS", string>;
  contracts: Record<keyof typeof contractNumbers, string>;
  savingsId: string;
}

async function call<T>(
  j: Journey,
  method: "GET" | "POST",
  path: string,
  data?: unknown,
  expected = method === "POST" ? 201 : 200,
): Promise<T> {
  const res = await j.request.fetch(`${j.baseUrl}${path}`, {
    method,
    headers: { "x-atrium-csrf": "1" },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(expected);
  return (await res.json()) as T;
}

/** A staff API GET as the signed-in administrator, expecting 200. */
export function staffGet<T>(j: Journey, path: string): Promise<T> {
  return call<T>(j, "GET", path);
}

/** Builds the seed-004 world through the staff API (the administrator must be signed in). */
export async function createSeed004World(j: Journey): Promise<Seed004World> {
  const me = await staffGet<{ firm: { id: string } | null }>(j, "/api/me");
  const firmId = me.firm?.id ?? "";
  expect(firmId).not.toBe("");
  const post = <T>(path: string, data: unknown) => call<T>(j, "POST", path, data);
  // Registration's sign-in protection step (FIRM-3) is second-factor.e2e.ts's subject: here the firm
  // asks for none, so a registration goes from the mobile number to the portal.
  await setSecondFactorPolicy(j, "none");

  const klaraFile = await post<{ id: string; displayName: string }>("/api/client-files", {
    kind: "private",
    holder: { firstName: klara.first, lastName: klara.last, email: klara.email, language: "en" },
  });
  await post(`/api/client-files/${klaraFile.id}/persons`, {
    role: "partner",
    firstName: max.first,
    lastName: max.last,
    email: max.email,
    language: "en",
  });
  await post(`/api/client-files/${klaraFile.id}/persons`, {
    role: "external_advisor",
    advisorKind: "banker",
    organisation: "Sparkasse Musterstadt",
    firstName: banker.first,
    lastName: banker.last,
    email: banker.email,
    language: "en",
  });
  const companyFile = await post<{ id: string; displayName: string }>("/api/client-files", {
    kind: "business",
    displayName: "Musterfirma GmbH",
  });

  const allLines = await staffGet<Array<{ id: string; code: string }>>(j, "/api/firm/lines-of-business");
  const lineId = (code: string) => allLines.find((line) => line.code === code)?.id ?? "";
  const lines = { HRV: lineId("HRV"), KFZ: lineId("KFZ"), RS: lineId("RS") };
  // Status `own` with a policy date: category "policy" (seed 004), which the grant shares.
  const policy = async (fileId: string, number: string, insurer: string, line: string, date: string) =>
    (
      await post<{ id: string; category: string }>(`/api/client-files/${fileId}/contracts`, {
        number,
        insurer,
        lineOfBusinessId: line,
        status: "own",
        documentDate: date,
        startDate: date,
        premium: "240.00",
        premiumFrequency: "yearly",
      })
    ).id;
  const contracts = {
    hrv: await policy(klaraFile.id, contractNumbers.hrv, "Allianz", lines.HRV, "2025-01-15"),
    rs: await policy(klaraFile.id, contractNumbers.rs, "ARAG", lines.RS, "2025-02-01"),
    kfz: await policy(companyFile.id, contractNumbers.kfz, "HUK-Coburg", lines.KFZ, "2025-03-01"),
  };

  const asset = await post<{ id: string }>(`/api/client-files/${klaraFile.id}/assets`, {
    kind: "bank_account",
    description: savings.description,
    value: savings.value,
    valuationDate: "2025-06-30",
  });

  const categories = await staffGet<Array<{ id: string; name: string }>>(j, "/api/firm/document-categories");
  const policyCategory = categories.find((c) => c.name === "Policy")?.id ?? "";
  for (const [key, title] of Object.entries(documentTitles) as Array<["hrv" | "rs", string]>) {
    const res = await j.request.post(`${j.baseUrl}/api/client-files/${klaraFile.id}/documents`, {
      headers: { "x-atrium-csrf": "1" },
      multipart: {
        file: { name: `${title}.pdf`, mimeType: "application/pdf", buffer: minimalPdf(title) },
        title,
        categoryId: policyCategory,
        contractId: contracts[key],
        sharedToPortal: "true",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  return {
    firmId,
    klaraFile: { id: klaraFile.id, name: klaraFile.displayName },
    companyFile: { id: companyFile.id, name: companyFile.displayName },
    lines,
    contracts,
    savingsId: asset.id,
  };
}
