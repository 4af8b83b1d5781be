import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClientFile, Person, PersonRole } from "../../../contracts/clients";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Badge, Card } from "../../ui/card";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { clientKeys, personsQuery, removePerson } from "./clients-api";
import { PersonDialog } from "./person-dialog";

/** Groups of the family tree (private files) and of a company's people (business files). */
const privateGroups: Array<{ id: string; roles: PersonRole[] }> = [
  { id: "holders", roles: ["holder", "co_holder"] },
  { id: "partners", roles: ["partner"] },
  { id: "children", roles: ["child"] },
  { id: "relatives", roles: ["relative"] },
  { id: "advisors", roles: ["external_advisor"] },
];
const businessGroups: Array<{ id: string; roles: PersonRole[] }> = [
  { id: "contacts", roles: ["contact"] },
  { id: "advisors", roles: ["external_advisor"] },
];

/** The persons of a file: the family tree of a household, or a company's contacts; add, edit, remove. */
export function PersonsTab({ file }: { file: ClientFile }) {
  const { t } = useTranslation();
  const persons = useQuery(personsQuery(file.id));
  const [editing, setEditing] = useState<Person | "new" | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (personId: string) => removePerson(file.id, personId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });

  if (persons.isPending) return <Loading />;
  if (persons.isError)
    return <LoadError heading="h2" error={persons.error} onRetry={() => void persons.refetch()} />;
  const items = persons.data.items;
  const groups = file.kind === "private" ? privateGroups : businessGroups;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">
          {file.kind === "private" ? t("clients.familyTree") : t("clients.contacts")}
        </h2>
        {file.can.edit ? <Button onClick={() => setEditing("new")}>{t("clients.addPerson")}</Button> : null}
      </div>
      {remove.isError ? <Alert>{errorMessage(remove.error)}</Alert> : null}
      {items.length === 0 ? (
        <Card>
          <p className="text-slate-700">
            {file.kind === "private" ? t("clients.noPersonsPrivate") : t("clients.noPersonsBusiness")}
          </p>
        </Card>
      ) : null}
      {groups.map((group) => {
        const members = items.filter((p) => group.roles.includes(p.role));
        if (members.length === 0) return null;
        return (
          <section key={group.id} aria-labelledby={`group-${group.id}`}>
            <h3
              id={`group-${group.id}`}
              className="mb-2 text-sm font-semibold tracking-wide text-slate-600 uppercase"
            >
              {t(`clients.groups.${group.id}` as "clients.groups.holders")}
            </h3>
            <ul className="flex flex-col gap-2">
              {members.map((person) => (
                <li key={person.id}>
                  <PersonCard
                    person={person}
                    canEdit={file.can.edit}
                    removing={remove.isPending && remove.variables === person.id}
                    onEdit={() => setEditing(person)}
                    onRemove={() => {
                      const name = `${person.firstName} ${person.lastName}`;
                      if (window.confirm(t("clients.removeConfirm", { name }))) remove.mutate(person.id);
                    }}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <PersonDialog
        file={file}
        person={editing === "new" ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

function PersonCard({
  person,
  canEdit,
  removing,
  onEdit,
  onRemove,
}: {
  person: Person;
  canEdit: boolean;
  removing: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const shared = person.sharedEmailWith.length + person.sharedEmailElsewhere;
  const sharedNames = person.sharedEmailWith.map((s) => `${s.name} (${s.clientFileName})`);
  if (person.sharedEmailElsewhere > 0)
    sharedNames.push(t("clients.sharedElsewhere", { count: person.sharedEmailElsewhere }));
  return (
    <Card className="flex flex-wrap items-start justify-between gap-3 p-4 sm:p-4">
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">
            {person.firstName} {person.lastName}
          </span>
          <Badge>{t(`clients.role.${person.role}`)}</Badge>
          {person.role === "relative" && person.relationToHolder ? (
            <span className="text-sm text-slate-600">{person.relationToHolder}</span>
          ) : null}
          {person.role === "external_advisor" && person.advisorKind ? (
            <span className="text-sm text-slate-600">
              {t(`clients.advisorKind.${person.advisorKind}`)}
              {person.organisation ? ` · ${person.organisation}` : ""}
            </span>
          ) : null}
          {person.isCommercialContact ? <Badge>{t("clients.flags.commercial")}</Badge> : null}
          {person.isOperationalContact ? <Badge>{t("clients.flags.operational")}</Badge> : null}
          {person.isEmployee ? <Badge>{t("clients.flags.employee")}</Badge> : null}
        </div>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {person.email ? (
            <span>{person.email}</span>
          ) : (
            <span className="text-slate-500">{t("clients.noEmail")}</span>
          )}
          {person.phoneE164 ? <span className="tabular-nums">{person.phoneE164}</span> : null}
        </div>
        {shared > 0 ? (
          <p className="text-sm text-amber-800" data-testid="shared-email">
            <span className="font-medium">{t("clients.sharedEmail")}</span> {sharedNames.join(", ")}
          </p>
        ) : null}
      </div>
      {canEdit ? (
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" onClick={onEdit}>
            {t("clients.edit")}
            <span className="sr-only">
              {" "}
              {person.firstName} {person.lastName}
            </span>
          </Button>
          {person.role === "holder" ? null : (
            <Button variant="ghost" size="sm" busy={removing} onClick={onRemove}>
              {t("clients.remove")}
              <span className="sr-only">
                {" "}
                {person.firstName} {person.lastName}
              </span>
            </Button>
          )}
        </div>
      ) : null}
    </Card>
  );
}
