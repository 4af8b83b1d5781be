import type { FastifyRequest } from "fastify";
import type { Clock } from "../../platform/clock.js";
import { insertRows } from "../../platform/db/insert-rows.js";
import type { ScopedTx } from "../../platform/db/scope.js";
import { newId } from "../../platform/ids.js";
import type { Actor } from "../access/actor.js";
import { auditEvents } from "./audit.tables.js";

/** Who acts, from where, and when — taken once per request and handed to every audited change. */
export interface AuditContext {
  actorUserId: string | null;
  actorName: string | null;
  actorKind: "staff" | "client" | "system" | "api";
  ip: string | null;
  userAgent: string | null;
  at: Date;
}

/** One audited change. `before`/`after` are the entity's presented state (null when created/deleted). */
export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  clientFileId?: string | null;
  before?: unknown;
  after?: unknown;
}

// Whatever a presenter lets through, these never reach the audit log (REL-5).
const secretKeys = /^(password|passwordHash|token|rawToken|tokenHash|secret|otp|otpCode|verificationCode)$/i;

function scrub(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (secretKeys.test(key) ? "[redacted]" : v)));
}

/** The audit context of a request made by a signed-in account. */
export function auditContextOf(request: FastifyRequest, actor: Actor, clock: Clock): AuditContext {
  return {
    actorUserId: actor.user.id,
    actorName: actor.user.name,
    actorKind: actor.staff ? "staff" : "client",
    ip: request.ip ?? null,
    userAgent: (request.headers["user-agent"] ?? "").slice(0, 500) || null,
    at: clock.now(),
  };
}

/** The audit context of work the system does on its own (jobs, imports' rows, seeding). */
export function systemAuditContext(clock: Clock, actorUserId: string | null = null): AuditContext {
  return { actorUserId, actorName: null, actorKind: "system", ip: null, userAgent: null, at: clock.now() };
}

function auditRow(firmId: string, context: AuditContext, event: AuditEvent) {
  return {
    firmId,
    id: newId(context.at.getTime()),
    at: context.at,
    actorUserId: context.actorUserId,
    actorName: context.actorName,
    actorKind: context.actorKind,
    clientFileId: event.clientFileId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: scrub(event.before),
    after: scrub(event.after),
    ip: context.ip,
    userAgent: context.userAgent,
  };
}

/** The one audit writer: records `event` in the transaction of the change it describes. */
export async function recordAudit(tx: ScopedTx, context: AuditContext, event: AuditEvent): Promise<void> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("recordAudit needs a firm scope");
  await tx.db.insert(auditEvents).values(auditRow(firmId, context, event));
}

/** recordAudit for many changes of one context, in one statement (set-based work: a bulk invitation's chunk). */
export async function recordAudits(
  tx: ScopedTx,
  context: AuditContext,
  events: readonly AuditEvent[],
): Promise<void> {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("recordAudit needs a firm scope");
  await insertRows(
    tx,
    auditEvents,
    events.map((event) => auditRow(firmId, context, event)),
  );
}
