import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClientFile, PersonRole } from "../../../contracts/clients";
import type { FileAccessGrant, FileAccessView, Grantee } from "../../../contracts/grants";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { Badge, Card } from "../../ui/card";
import { QueryView } from "../../ui/query-view";
import { fileAccessQuery } from "./access-api";
import { AccessBadge } from "./access-format";
import { AddGranteeDialog, type Candidate, type GrantChoice } from "./add-grantee-dialog";
import { ExplainButton } from "./explain-dialog";
import { GrantCards } from "./grant-cards";
import { GranteeEntry } from "./grantee-entry";
import { NewGrantDialog } from "./new-grant-dialog";

type AccessPerson = FileAccessView["persons"][number];
/** The grants touching the file by id: whether an entry's grant can be opened and managed. */
type GrantsById = ReadonlyMap<string, FileAccessGrant>;

const privateGroups: Array<{ id: string; roles: PersonRole[] }> = [
  { id: "holders", roles: ["holder", "co_holder"] },
  { id: "partners", roles: ["partner"] },
  { id: "children", roles: ["child"] },
  { id: "relatives", roles: ["relative"] },
];

/**
 * The client file's Access tab: the family tree (household) or contacts (company) with each person's
 * access per grant, external advisors, outside persons, persons of other files, and the grants
 * touching the file; who may manage access follows the firm policy, and the reason is shown if not.
 * Entries of a grant the staff member cannot open or manage show without those actions.
 */
export function AccessTab({ file }: { file: ClientFile }) {
  const access = useQuery(fileAccessQuery(file.id));
  return <QueryView query={access}>{(view) => <AccessView file={file} view={view} />}</QueryView>;
}

function AccessView({ file, view }: { file: ClientFile; view: FileAccessView }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<{ personId?: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const canManage = view.management.allowed;
  const mayAddAdvisors = view.management.mayAddExternalAdvisors;
  const grantsById: GrantsById = new Map(view.grants.map((g) => [g.id, g]));
  // Access is given through grants the staff member may manage as a whole (every bundled file).
  const grants: GrantChoice[] = view.grants
    .filter((g) => g.mayManage)
    .map((g) => ({ id: g.id, name: g.name, defaultAccess: g.defaultAccess }));
  const candidates: Candidate[] = [...view.persons, ...(mayAddAdvisors ? view.externalAdvisors : [])].map(
    (p) => ({
      id: p.id,
      label: `${p.firstName} ${p.lastName} (${t(`clients.role.${p.role}`)})`,
    }),
  );
  const groups =
    file.kind === "private" ? privateGroups : [{ id: "contacts", roles: ["contact"] as PersonRole[] }];
  const personCard = (person: AccessPerson) => (
    <PersonAccess
      key={person.id}
      person={person}
      fileId={file.id}
      grantsById={grantsById}
      canGive={canManage && grants.length > 0 && (mayAddAdvisors || person.role !== "external_advisor")}
      onGive={() => setAdding({ personId: person.id })}
    />
  );

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">{t("access.tab.heading")}</h2>
        {canManage ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={grants.length === 0} onClick={() => setAdding({})}>
              {t("access.tab.giveAccess")}
            </Button>
            <Button onClick={() => setCreating(true)}>{t("access.tab.newGrant")}</Button>
          </div>
        ) : null}
      </div>
      {canManage ? null : (
        <Alert tone="info" title={t("access.tab.readOnlyTitle")}>
          {view.management.message}
        </Alert>
      )}
      {canManage && view.grants.length === 0 ? (
        <Alert tone="info">{t("access.tab.noGrantsYet")}</Alert>
      ) : null}

      <section aria-labelledby="access-people" className="flex flex-col gap-4">
        <h3 id="access-people" className="text-base font-semibold text-slate-900">
          {file.kind === "private" ? t("clients.familyTree") : t("clients.contacts")}
        </h3>
        {view.persons.length === 0 ? (
          <p className="text-slate-600">{t("access.tab.noPersons")}</p>
        ) : (
          groups.map((group) => {
            const members = view.persons.filter((p) => group.roles.includes(p.role));
            if (members.length === 0) return null;
            return (
              <div key={group.id} className="flex flex-col gap-2">
                <h4 className="text-sm font-semibold tracking-wide text-slate-600 uppercase">
                  {t(`clients.groups.${group.id}` as "clients.groups.holders")}
                </h4>
                <ul className="flex flex-col gap-2">
                  {members.map((p) => (
                    <li key={p.id}>{personCard(p)}</li>
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </section>

      <section aria-labelledby="access-advisors" className="flex flex-col gap-2">
        <h3 id="access-advisors" className="text-base font-semibold text-slate-900">
          {t("clients.groups.advisors")}
        </h3>
        {view.externalAdvisors.length === 0 ? (
          <p className="text-slate-600">{t("access.tab.noAdvisors")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {view.externalAdvisors.map((p) => (
              <li key={p.id}>{personCard(p)}</li>
            ))}
          </ul>
        )}
      </section>

      <EntryList
        id="access-outsiders"
        title={t("access.tab.outsiders")}
        intro={t("access.tab.outsidersIntro")}
        empty={t("access.tab.noOutsiders")}
        entries={view.outsiders}
        grantsById={grantsById}
      />
      {view.fromOtherFiles.length > 0 ? (
        <EntryList
          id="access-other-files"
          title={t("access.tab.fromOtherFiles")}
          intro={t("access.tab.fromOtherFilesIntro")}
          empty=""
          entries={view.fromOtherFiles}
          grantsById={grantsById}
          showFile
        />
      ) : null}

      <section aria-labelledby="access-grants" className="flex flex-col gap-2">
        <h3 id="access-grants" className="text-base font-semibold text-slate-900">
          {t("access.tab.grants")}
        </h3>
        <GrantCards grants={view.grants} empty={t("access.tab.noGrants")} />
      </section>

      <AddGranteeDialog
        open={adding !== null}
        onClose={() => setAdding(null)}
        grants={grants}
        candidates={candidates}
        preset={adding ?? undefined}
        allowOutsiders={mayAddAdvisors}
      />
      <NewGrantDialog
        open={creating}
        onClose={() => setCreating(false)}
        fileId={file.id}
        fileName={file.displayName}
      />
    </div>
  );
}

/** A person of the file with their access through each grant, or "no access". */
function PersonAccess({
  person,
  fileId,
  grantsById,
  canGive,
  onGive,
}: {
  person: AccessPerson;
  fileId: string;
  grantsById: GrantsById;
  canGive: boolean;
  onGive: () => void;
}) {
  const { t } = useTranslation();
  const name = `${person.firstName} ${person.lastName}`;
  const detail =
    person.role === "external_advisor"
      ? [
          person.advisorKind ? t(`clients.advisorKind.${person.advisorKind}` as never) : null,
          person.organisation,
        ]
      : [person.relationToHolder];
  return (
    <Card className="flex flex-col gap-3 p-4 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{name}</span>
            <Badge>{t(`clients.role.${person.role}`)}</Badge>
            {detail.filter(Boolean).length > 0 ? (
              <span className="text-sm text-slate-600">{detail.filter(Boolean).join(" · ")}</span>
            ) : null}
            {person.grantees.length === 0 ? <AccessBadge access="none" /> : null}
          </div>
          <span className="text-sm break-all text-slate-700">{person.email ?? t("clients.noEmail")}</span>
        </div>
        <div className="flex items-center gap-1">
          <ExplainButton fileId={fileId} kind="person" recordId={person.id} name={name} />
          {canGive ? (
            <Button variant="secondary" size="sm" onClick={onGive}>
              {t("access.tab.giveAccessTo")}
              <span className="sr-only"> {name}</span>
            </Button>
          ) : null}
        </div>
      </div>
      {person.grantees.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label={t("access.tab.entriesOf", { name })}>
          {person.grantees.map((g) => (
            <li key={g.id}>
              <GranteeEntry
                grantee={g}
                label="grant"
                canManage={grantsById.get(g.grantId)?.mayManage ?? false}
                canOpen={grantsById.get(g.grantId)?.canOpen ?? false}
                manageMessage={grantsById.get(g.grantId)?.manageMessage}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

function EntryList({
  id,
  title,
  intro,
  empty,
  entries,
  grantsById,
  showFile = false,
}: {
  id: string;
  title: string;
  intro: string;
  empty: string;
  entries: Grantee[];
  grantsById: GrantsById;
  /** Name the file each person belongs to (persons of other files). */
  showFile?: boolean;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h3 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h3>
      <p className="text-sm text-slate-600">{intro}</p>
      {entries.length === 0 ? (
        <p className="text-slate-600">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {entries.map((g) => (
            <li key={g.id}>
              <GranteeEntry
                grantee={g}
                label="both"
                canManage={grantsById.get(g.grantId)?.mayManage ?? false}
                canOpen={grantsById.get(g.grantId)?.canOpen ?? false}
                manageMessage={grantsById.get(g.grantId)?.manageMessage}
                showFile={showFile}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
