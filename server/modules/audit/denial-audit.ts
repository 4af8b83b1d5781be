import type { FastifyRequest } from "fastify";
import type { App, AppDeps } from "../../deps.js";
import { inFirm } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import type { Actor } from "../access/actor.js";
import { auditContextOf, recordAudit } from "./audit.service.js";

// REL-5: a refused action ("forbidden", 403) of a signed-in account is audited once, centrally, in the
// firm the request acted in. The refused change itself rolled back with its transaction, so the row is
// written in a small transaction of its own. Only a firm the account belongs to (as staff or grantee)
// receives it: a firm id taken from the URL never lets a stranger write into another firm's log.
// Answers "not found" are no denials: a hidden entity answers exactly like a missing one, and a row
// written only for existing ones would tell the account (in its own access log) what exists.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route parameters that name a client file, in the firm's own routes and in the portal's. */
function clientFileOf(route: string, params: Record<string, string>): string | null {
  if (params.fileId && uuid.test(params.fileId)) return params.fileId;
  if (route.startsWith("/api/client-files/:id") && params.id && uuid.test(params.id)) return params.id;
  return null;
}

/** The id of the entity a refused route names: its last id parameter (the most specific), if any. */
function subjectOf(params: Record<string, string>): string | null {
  const named = Object.entries(params).filter(([key, value]) => key !== "firmId" && uuid.test(value));
  return named.at(-1)?.[1] ?? null;
}

async function recordDenial(deps: AppDeps, request: FastifyRequest, actor: Actor, error: AppError) {
  const params = (request.params ?? {}) as Record<string, string>;
  const firmId = params.firmId && uuid.test(params.firmId) ? params.firmId : actor.staff?.firmId;
  if (!firmId) return;
  const route = request.routeOptions.url ?? request.url.split("?")[0] ?? "";
  const subject = subjectOf(params);
  await inFirm(deps.database, firmId, async (tx) => {
    const { rows } = await tx.client.query<{ member: boolean }>(
      `select exists (select 1 from staff_members where firm_id = $1 and user_id = $2)
           or exists (select 1 from grantees where firm_id = $1 and account_id = $2) as member`,
      [firmId, actor.user.id],
    );
    if (!rows[0]?.member) return;
    await recordAudit(tx, auditContextOf(request, actor, deps.clock), {
      action: "access.denied",
      entityType: "access",
      // The subject stays out of `entityId`: a refusal is no event of the entity it names.
      entityId: null,
      clientFileId: clientFileOf(route, params),
      before: null,
      after: {
        method: request.method,
        route,
        reason: error.messageKey,
        ...(subject ? { subjectId: subject } : {}),
      },
    });
  });
}

const recorded = new WeakSet<FastifyRequest>();

/** Audits every `forbidden` answer to a signed-in account once, in the firm it acted in (REL-5). */
export function registerDenialAudit(app: App, deps: AppDeps): void {
  app.addHook("onError", async (request, _reply, error) => {
    if (!(error instanceof AppError) || error.code !== "forbidden") return;
    const actor = request.actor;
    if (!actor || recorded.has(request)) return;
    recorded.add(request);
    try {
      await recordDenial(deps, request, actor, error);
    } catch (failure) {
      // The refusal still answers; a lost audit row is logged loudly instead of turning it into a 500.
      request.log.error({ err: failure }, "denial not audited");
    }
  });
}
