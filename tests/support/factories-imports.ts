import type { ImportPreview, ImportRunDetail } from "../../contracts/imports.js";
import type { TestClient } from "./http.js";

/** Uploads CSV bytes as an import of `kind` and returns the response (201 with the preview on success). */
export function uploadCsv(
  client: TestClient,
  kind: string,
  csv: string | Buffer,
  query: Record<string, string> = {},
) {
  const params = new URLSearchParams({ kind, fileName: "test.csv", ...query });
  return client.request<ImportPreview & { error?: { code: string; message: string; details?: unknown } }>(
    "POST",
    `/api/imports?${params}`,
    typeof csv === "string" ? Buffer.from(csv, "utf8") : csv,
    { "content-type": "text/csv" },
  );
}

/** Polls an import until it is no longer running (the worker picks it up within its polling interval). */
export async function waitForImport(
  client: TestClient,
  id: string,
  timeoutMs = 120_000,
): Promise<ImportRunDetail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get<ImportRunDetail>(`/api/imports/${id}`);
    if (res.status !== 200) throw new Error(`GET import answered ${res.status}`);
    if (res.body.status === "done" || res.body.status === "failed") return res.body;
    if (Date.now() > until) throw new Error(`import ${id} still ${res.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Uploads, runs and waits for an import; fails the test when the preview or the start is refused. */
export async function importCsv(
  client: TestClient,
  kind: string,
  csv: string | Buffer,
  query: Record<string, string> = {},
) {
  const preview = await uploadCsv(client, kind, csv, query);
  if (preview.status !== 201)
    throw new Error(`preview answered ${preview.status}: ${JSON.stringify(preview.body)}`);
  const started = await client.post(`/api/imports/${preview.body.id}/run`);
  if (started.status !== 202)
    throw new Error(`run answered ${started.status}: ${JSON.stringify(started.body)}`);
  return { preview: preview.body, result: await waitForImport(client, preview.body.id) };
}

/** A client-files CSV of `count` generated households (German conventions). */
export function generatedClientFilesCsv(count: number, prefix = "GEN"): string {
  const lines = ["Externe ID;Art;Nachname;Vorname;Aktennummer"];
  for (let i = 1; i <= count; i++) lines.push(`${prefix}-${i};privat;Muster${i};Klara;${prefix}-N-${i}`);
  return `${lines.join("\n")}\n`;
}
