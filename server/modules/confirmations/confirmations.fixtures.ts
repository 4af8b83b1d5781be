import { inflateSync } from "node:zlib";
import { expect } from "vitest";
import type { ConfirmationList, ConfirmationRequest } from "../../../contracts/confirmations.js";
import { seed004World } from "../../../tests/support/portal-world.js";
import type { TestApp } from "../../../tests/support/test-app.js";
import type { CaughtMail } from "../../platform/mail/smtp-sink.js";

/** Seed 004's world with confirmations switched on for its grant. */
export function confirmationsWorld(t: TestApp) {
  return seed004World(t, { features: ["messages", "claim_reporting", "document_confirmations"] });
}

export type ConfirmationsWorld = Awaited<ReturnType<typeof confirmationsWorld>>;

/** `/api/client-files/<file>/documents/<doc>/confirmations`. */
export const requestsUrl = (w: ConfirmationsWorld, documentId: string) =>
  `/api/client-files/${w.klaraFile}/documents/${documentId}/confirmations`;

/** Asks the grantees to confirm, as the file's case owner; answers the created requests. */
export async function askToConfirm(
  w: ConfirmationsWorld,
  documentId: string,
  granteeIds: string[],
  texts: { subject?: string; message?: string } = {},
): Promise<ConfirmationRequest[]> {
  const res = await w.owner.client.post<{ items: ConfirmationRequest[] }>(requestsUrl(w, documentId), {
    granteeIds,
    ...texts,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.items;
}

/** The document's requests as the back office lists them. */
export async function listed(w: ConfirmationsWorld, documentId: string): Promise<ConfirmationList> {
  const res = await w.owner.client.get<ConfirmationList>(requestsUrl(w, documentId));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The outbox rows of a request, oldest first (read as the owner, across firms). */
export async function requestOutbox(t: TestApp, requestId: string) {
  const { rows } = await t.deps.database.owner.query<{
    id: string;
    subject: string;
    text: string;
    to_address: string;
    reminder: number;
  }>(
    `select id, subject, text, to_address, (meta->>'reminder')::int as reminder
       from mail_outbox where meta->>'confirmationId' = $1 order by created_at, id`,
    [requestId],
  );
  return rows;
}

/** Waits for the outbox row's mail at the SMTP sink. */
export async function delivered(t: TestApp, outboxId: string): Promise<CaughtMail> {
  const [mail] = await t.sink.waitFor((m) => m.outboxId === outboxId, { timeoutMs: 20_000 });
  if (!mail) throw new Error(`mail ${outboxId} did not arrive`);
  return mail;
}

/** The reminder jobs not yet finished. */
export async function openConfirmationJobs(t: TestApp): Promise<number> {
  const { rows } = await t.deps.database.owner.query(
    "select 1 from pgboss.job where name = 'confirmations.remind' and state in ('created', 'retry', 'active')",
  );
  return rows.length;
}

/**
 * The text a PDF draws: each (Flate-compressed) content stream inflated, and the strings of its text
 * operators decoded (pdf-lib writes them as hex). Enough to check what a certificate says.
 */
export function pdfText(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  const out: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) continue;
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString("latin1");
    } catch {
      content = raw.slice(start, end);
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
      out.push(Buffer.from(hex[1] ?? "", "hex").toString("latin1"));
  }
  return out.join("\n");
}
