import type { FastifyRequest } from "fastify";
import type { PortalFileRef, PortalFirm, PortalMe } from "../../../contracts/portal.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../platform/errors.js";
import { inPortalScope, listReachedFiles, type PortalWork, portalFirmIds } from "../access/portal-scope.js";
import { findFirm } from "../firms/firms.queries.js";

/** The portal's address of a firm's logo; versioned by the stored key so it may be cached for long. */
function portalLogoUrl(firmId: string, storageKey: string | null): string | null {
  if (!storageKey) return null;
  const version = storageKey.split("/").pop() ?? "";
  return `/api/portal/firms/${firmId}/logo?v=${encodeURIComponent(version)}`;
}

/** One firm of the switcher: its branding and the files the viewer reaches there now, with the grants. */
async function firmEntry(work: PortalWork): Promise<PortalFirm | null> {
  const reached = await listReachedFiles(work);
  if (reached.length === 0) return null;
  const firm = await findFirm(work.tx, work.firmId);
  if (!firm) return null;
  const files = new Map<string, PortalFileRef>();
  for (const r of reached) {
    const file = files.get(r.fileId) ?? {
      id: r.fileId,
      kind: r.kind,
      displayName: r.displayName,
      number: r.number,
      grants: [],
    };
    file.grants.push({
      id: r.grant.id,
      name: r.grant.name,
      access: r.grant.access,
      role: r.grant.role,
      status: r.grant.status,
      expiresAt: r.grant.expiresAt?.toISOString() ?? null,
      view: r.grant.view,
      features: r.grant.features,
    });
    files.set(r.fileId, file);
  }
  return {
    id: firm.firmId,
    name: firm.name,
    primaryColor: firm.primaryColor,
    accentColor: firm.accentColor,
    logoUrl: portalLogoUrl(firm.firmId, firm.logoStorageKey),
    files: [...files.values()],
  };
}

/**
 * The viewer and every firm and file they reach now (PORTAL-2): the account's grantee rows across
 * firms say which firms; each firm is then read in its own firm-scoped transaction. A preview answers
 * for the previewed grantee at the staff member's firm.
 */
export async function portalMe(deps: AppDeps, request: FastifyRequest): Promise<PortalMe> {
  const firms: PortalFirm[] = [];
  let viewer: PortalMe["viewer"] | null = null;
  for (const firmId of await portalFirmIds(deps, request)) {
    const entry = await inPortalScope(deps, request, firmId, async (work) => {
      viewer ??= {
        kind: work.viewer.kind,
        name: work.viewerName,
        granteeId: work.viewer.kind === "preview" ? work.viewer.granteeId : null,
      };
      return firmEntry(work);
    });
    if (entry) firms.push(entry);
  }
  const actor = request.actor;
  if (!actor) throw new AppError("unauthorized");
  return {
    viewer: viewer ?? { kind: "account", name: actor.user.name, granteeId: null },
    firms: firms.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
  };
}

/** The firm's logo for its portal, to a viewer who reaches any file there now (404 otherwise). */
export async function portalFirmLogo(work: PortalWork): Promise<{ key: string; contentType: string }> {
  if ((await listReachedFiles(work)).length === 0) throw new AppError("not_found");
  const firm = await findFirm(work.tx, work.firmId);
  if (!firm?.logoStorageKey || !firm.logoContentType) throw new AppError("not_found");
  return { key: firm.logoStorageKey, contentType: firm.logoContentType };
}
