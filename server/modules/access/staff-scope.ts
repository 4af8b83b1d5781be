import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../../deps.js";
import { inFirm, type ScopedTx } from "../../platform/db/scope.js";
import { type AuditContext, auditContextOf } from "../audit/audit.service.js";
import { requireStaff, type StaffActor } from "./staff.policy.js";

/** What a back-office use case gets: its transaction in the actor's firm, the actor, the audit context. */
export interface StaffWork {
  tx: ScopedTx;
  actor: StaffActor;
  audit: AuditContext;
}

/**
 * Runs back-office work for the request's staff member in one transaction scoped to their firm
 * (401 without a session, 403 for non-staff). Routes call this once and hand `work` to the service.
 */
export function inStaffScope<T>(deps: AppDeps, request: FastifyRequest, fn: (work: StaffWork) => Promise<T>) {
  const actor = requireStaff(request.actor);
  const audit = auditContextOf(request, actor, deps.clock);
  return inFirm(deps.database, actor.staff.firmId, (tx) => fn({ tx, actor, audit }));
}
