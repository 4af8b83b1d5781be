import type { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { Language } from "../../../contracts/common.js";
import { PREVIEW_HEADER } from "../../../contracts/portal.js";
import type { AppDeps } from "../../deps.js";
import { inScope } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";
import { translate } from "../../platform/i18n/translate.js";
import { FileNotFoundError } from "../../platform/storage/storage.js";
import type { Actor } from "../access/actor.js";
import {
  inPortalScope,
  listReachedFiles,
  type PortalWork,
  portalFirmIds,
  requirePortalFile,
} from "../access/portal-scope.js";
import { recordAudit } from "../audit/audit.service.js";
import { findFirm } from "../firms/firms.queries.js";
import { readSessionToken } from "../identity/session.js";
import { getFamilyAccess } from "../portal/portal-family.service.js";
import { listShownDocuments } from "../portal/portal-lists.queries.js";
import {
  listPortalAddresses,
  listPortalAssets,
  listPortalClaims,
  listPortalContracts,
  listPortalDocuments,
  listPortalDonations,
  listPortalPersons,
} from "../portal/portal-lists.service.js";
import { portalOverview } from "../portal/portal-overview.service.js";
import { allOwnEvents } from "./access-log.service.js";
import { listOwnSessions } from "./account-sessions.service.js";
import { type ExportEntry, safeSegment, UniqueNames, zipStream } from "./export.zip.js";
import { getProfile } from "./profile.service.js";

// GDPR Art. 15/20 (PORTAL-10): everything the account is and sees, as JSON, with the documents it may
// download. The firm data comes from the portal's own services, firm by firm in each firm's scope, so
// the export holds exactly what the portal shows and nothing of another file or firm.

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The lists of a file, each read by the portal service that answers its page. */
const fileLists = [
  ["contracts", listPortalContracts],
  ["assets", listPortalAssets],
  ["claims", listPortalClaims],
  ["addresses", listPortalAddresses],
  ["persons", listPortalPersons],
  ["donations", listPortalDonations],
  ["documents", listPortalDocuments],
] as const;

/** The entries of one firm: a folder per file the account reaches there; audited in that firm. */
async function firmEntries(
  work: PortalWork,
  deps: Pick<AppDeps, "files">,
  root: string,
  firmFolders: UniqueNames,
): Promise<ExportEntry[]> {
  const reached = await listReachedFiles(work);
  if (reached.length === 0) return [];
  const firm = await findFirm(work.tx, work.firmId);
  const firmFolder = `${root}/firms/${firmFolders.take(safeSegment(firm?.name ?? work.firmId))}`;
  const entries: ExportEntry[] = [
    { path: `${firmFolder}/firm.json`, text: json({ id: work.firmId, name: firm?.name ?? null }) },
  ];
  const fileFolders = new UniqueNames();
  const fileIds = [...new Set(reached.map((r) => r.fileId))];
  let documentCount = 0;
  for (const fileId of fileIds) {
    const ref = reached.find((r) => r.fileId === fileId);
    const folder = `${firmFolder}/${fileFolders.take(safeSegment(`${ref?.number ?? ""} ${ref?.displayName ?? fileId}`))}`;
    entries.push({
      path: `${folder}/grants.json`,
      text: json(reached.filter((r) => r.fileId === fileId).map((r) => r.grant)),
    });
    entries.push({ path: `${folder}/overview.json`, text: json(await portalOverview(work, fileId)) });
    for (const [name, list] of fileLists)
      entries.push({ path: `${folder}/${name}.json`, text: json(await list(work, fileId)) });
    try {
      entries.push({ path: `${folder}/family.json`, text: json(await getFamilyAccess(work, fileId)) });
    } catch (error) {
      // Family access is only for holders who manage it; others have none to export.
      if (!(error instanceof AppError && error.code === "forbidden")) throw error;
    }
    const access = await requirePortalFile(work, fileId);
    const names = new UniqueNames();
    for (const row of await listShownDocuments(work, access)) {
      const key = row.current.storageKey;
      documentCount++;
      entries.push({
        path: `${folder}/documents/${names.take(safeSegment(row.current.fileName, row.document.id))}`,
        open: async () => {
          try {
            return (await deps.files.get(key)) as Readable & AsyncIterable<Uint8Array>;
          } catch (error) {
            if (error instanceof FileNotFoundError) return null;
            throw error;
          }
        },
      });
    }
  }
  await recordAudit(work.tx, work.audit, {
    action: "account.export",
    entityType: "account",
    entityId: work.viewer.kind === "account" ? work.viewer.accountId : null,
    before: null,
    after: { fileIds, documents: documentCount },
  });
  return entries;
}

/**
 * The account's export as a streamed ZIP: README, profile, sessions and own access log, then a folder
 * per firm and file it reaches with the portal's views of it and its downloadable documents. A firm
 * whose second-factor policy the account does not meet is left out (as its portal is closed to it)
 * and named in `skipped.json`.
 */
export async function exportOwnData(
  deps: AppDeps,
  request: FastifyRequest,
  actor: Actor,
  language: Language,
): Promise<{ stream: Readable; fileName: string }> {
  if (request.headers[PREVIEW_HEADER] !== undefined)
    throw new AppError("forbidden", "account.export_not_in_preview");
  const now = deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  const root = `atrium-export-${day}`;
  const current = await readSessionToken(deps.auth, request.headers.cookie);
  const entries: ExportEntry[] = [
    { path: `${root}/README.txt`, text: translate(language, "export.readme", { date: day }) },
    { path: `${root}/profile.json`, text: json(await getProfile(deps, actor)) },
    { path: `${root}/sessions.json`, text: json(await listOwnSessions(deps, actor, current, language)) },
    {
      path: `${root}/access-log.json`,
      text: json(
        await inScope(deps.database, { userId: actor.user.id }, (tx) =>
          allOwnEvents(tx, actor.user.id, now, language),
        ),
      ),
    },
  ];
  const firmFolders = new UniqueNames();
  const skipped: Array<{ firmId: string; reason: string }> = [];
  for (const firmId of await portalFirmIds(deps, request)) {
    try {
      entries.push(
        ...(await inPortalScope(deps, request, firmId, (work) => firmEntries(work, deps, root, firmFolders))),
      );
    } catch (error) {
      if (!(error instanceof AppError && error.code === "second_factor_required")) throw error;
      skipped.push({ firmId, reason: translate(language, error.messageKey, error.params) });
    }
  }
  if (skipped.length > 0) entries.push({ path: `${root}/skipped.json`, text: json(skipped) });
  return { stream: zipStream(entries), fileName: `${root}.zip` };
}
