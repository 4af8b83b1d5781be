import { and, eq } from "drizzle-orm";
import type { BounceReport } from "../../../contracts/mail.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/pool.js";
import { inFirm } from "../db/scope.js";
import { mailOutbox } from "./outbox.tables.js";

/** A bounce as the outbox records it: which mail, and what the receiving side said. */
export interface Bounce {
  messageId: string;
  /** The DSN status (RFC 3464), e.g. "5.1.1"; a 4.x.x status only reports a delay. */
  status: string | null;
  /** The DSN's Action: "failed" is a bounce; "delayed", "delivered", "relayed", "expanded" are not. */
  action: string | null;
  diagnostic: string | null;
}

/** What the intake did with a bounce. */
export interface BounceOutcome {
  matched: boolean;
  status: "bounced" | "ignored";
}

/** Message-IDs compare with their angle brackets, as they are stored. */
function normalizeMessageId(id: string): string {
  const bare = id.trim().replace(/^<|>$/g, "");
  return `<${bare}>`;
}

/** The value of a header-style field (`Name: value`, folded lines joined) in `text`, or null. */
function field(text: string, name: string): string | null {
  const unfolded = text.replace(/\r?\n[ \t]+/g, " ");
  const match = unfolded.match(new RegExp(`^${name}:[ \\t]*(.+)$`, "mi"));
  return match?.[1]?.trim() ?? null;
}

/**
 * Reads a delivery status notification (RFC 3464 multipart/report): the Message-ID of the original
 * mail (from its returned message or headers), the Action, Status and Diagnostic-Code. Null when it
 * names no original Message-ID (not a DSN about one of our mails).
 */
export async function parseDeliveryStatus(raw: Buffer | string): Promise<Bounce | null> {
  // Loaded on the first bounce, not at start: mailparser is large and most processes never parse one (PERF-6).
  const { simpleParser } = await import("mailparser");
  const parsed = await simpleParser(raw);
  // mailparser puts the message/delivery-status part (and text/rfc822-headers) into the text, and the
  // returned message/rfc822 among the attachments: look in both.
  const parts = [
    ...parsed.attachments
      .filter((a) => /^(message\/(rfc822|global|global-headers)|text\/rfc822-headers)$/i.test(a.contentType))
      .map((a) => a.content.toString("utf8")),
    parsed.text ?? "",
  ];
  const original = parts.map((part) => field(part, "Message-ID")).find((id) => id !== null);
  if (!original) return null;
  const report = parsed.text ?? "";
  const diagnostic = field(report, "Diagnostic-Code");
  return {
    messageId: normalizeMessageId(original),
    status: field(report, "Status")?.match(/\d\.\d{1,3}\.\d{1,3}/)?.[0] ?? null,
    action: field(report, "Action")?.toLowerCase() ?? null,
    // "smtp; 550 5.1.1 …": the type prefix says nothing to people.
    diagnostic: diagnostic?.replace(/^[a-z0-9-]+;\s*/i, "") ?? null,
  };
}

/** The simple JSON form of a bounce (for mail systems that parse DSNs themselves). */
export function bounceFromReport(report: BounceReport): Bounce {
  return {
    messageId: normalizeMessageId(report.messageId),
    status: report.status ?? null,
    action: null,
    diagnostic: report.diagnostic ?? null,
  };
}

/**
 * Which firm's outbox row sent the mail with this Message-ID. Unsafe by design: a bounce comes from
 * the mail system, before any firm is known; it runs as the owner and returns only the row's keys,
 * and everything after runs in that firm's scope.
 */
async function unsafeFindMailByMessageId(
  database: Database,
  messageId: string,
): Promise<{ firmId: string; id: string } | null> {
  const { rows } = await database.owner.query<{ firm_id: string; id: string }>(
    "select firm_id, id from mail_outbox where message_id = $1 limit 1",
    [messageId],
  );
  return rows[0] ? { firmId: rows[0].firm_id, id: rows[0].id } : null;
}

/**
 * Records a bounce (INV-6): the matching mail becomes `bounced` with the diagnostic. A delay notice
 * (4.x.x, or an Action other than "failed") and a Message-ID of no mail of ours are ignored.
 */
export async function recordBounce(
  deps: { database: Database; clock: Clock },
  bounce: Bounce,
): Promise<BounceOutcome> {
  const final = bounce.action ? bounce.action === "failed" : !bounce.status?.startsWith("4");
  const mail = await unsafeFindMailByMessageId(deps.database, bounce.messageId);
  if (!mail) return { matched: false, status: "ignored" };
  if (!final) return { matched: true, status: "ignored" };
  const diagnostic =
    [bounce.status, bounce.diagnostic].filter(Boolean).join(" ").slice(0, 2000) ||
    "Returned as undeliverable";
  const now = deps.clock.now();
  await inFirm(deps.database, mail.firmId, (tx) =>
    tx.db
      .update(mailOutbox)
      .set({
        status: "bounced",
        bouncedAt: now,
        bounceDiagnostic: diagnostic,
        updatedAt: now,
        // A bounced mail is not delivered again: its secret is no longer needed.
        sealedSecrets: null,
      })
      .where(and(eq(mailOutbox.firmId, mail.firmId), eq(mailOutbox.id, mail.id))),
  );
  return { matched: true, status: "bounced" };
}
