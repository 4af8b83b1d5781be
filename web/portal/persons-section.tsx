import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { PortalPerson } from "../../contracts/portal";
import { textOrNull } from "../ui/amounts";
import { QueryView } from "../ui/query-view";
import { TextField } from "../ui/text-field";
import { useListActions, usePortalFile } from "./file-context";
import { ItemActions } from "./item-actions";
import { usePortalList } from "./portal-api";
import { useEditing, usePortalForm } from "./portal-form";
import { usePortalFormat } from "./portal-format";
import {
  Details,
  DialogForm,
  EmptyNote,
  ItemCard,
  ItemList,
  PortalDialog,
  SectionHeader,
  Tag,
} from "./portal-ui";

/** The persons of the file (PORTAL-4); others' contact details only when the grant allows (GRANT-3). */
export function PersonsSection() {
  const { t } = useTranslation();
  const format = usePortalFormat();
  const { firmId, fileId } = usePortalFile();
  const may = useListActions("persons");
  const list = usePortalList(firmId, fileId, "persons");
  const edit = useEditing<PortalPerson>();

  return (
    <>
      <SectionHeader title={t("portal.sections.persons")} />
      <QueryView query={list}>
        {(data) =>
          data.persons.length === 0 ? (
            <EmptyNote>{t("portal.persons.empty")}</EmptyNote>
          ) : (
            <ItemList label={t("portal.sections.persons")}>
              {data.persons.map((person) => {
                const name = `${person.firstName} ${person.lastName}`;
                return (
                  <ItemCard
                    key={person.id}
                    overline={roleLine(t, person)}
                    title={name}
                    badge={person.isViewer ? <Tag tone="brand">{t("portal.persons.you")}</Tag> : null}
                    actions={
                      may.change && person.editable ? (
                        <ItemActions
                          name={name}
                          onEdit={() => edit.openEdit(person)}
                          editLabel={t("portal.persons.editContact")}
                          editItemLabel={t("portal.persons.editContactItem", { name })}
                        />
                      ) : null
                    }
                  >
                    {person.contactDetailsShown ? (
                      <Details
                        items={[
                          [
                            t("portal.persons.email"),
                            person.email ? (
                              <a
                                key="email"
                                className="text-brand-800 underline"
                                href={`mailto:${person.email}`}
                              >
                                {person.email}
                              </a>
                            ) : null,
                          ],
                          [
                            t("portal.persons.phone"),
                            person.phoneE164 ? (
                              <a
                                key="phone"
                                className="text-brand-800 underline"
                                href={`tel:${person.phoneE164}`}
                              >
                                {person.phoneE164}
                              </a>
                            ) : null,
                          ],
                          [t("portal.persons.birthDate"), format.date(person.birthDate)],
                        ]}
                      />
                    ) : (
                      <p className="text-sm text-slate-700">{t("portal.persons.detailsHidden")}</p>
                    )}
                  </ItemCard>
                );
              })}
            </ItemList>
          )
        }
      </QueryView>
      <PortalDialog open={edit.open} title={t("portal.persons.editTitle")} onClose={edit.close}>
        {edit.record ? <PersonForm person={edit.record} onDone={edit.close} /> : null}
      </PortalDialog>
    </>
  );
}

function roleLine(t: TFunction, person: PortalPerson): string {
  const parts: string[] = [t(`clients.role.${person.role}`)];
  if (person.advisorKind) parts.push(t(`clients.advisorKind.${person.advisorKind}`));
  if (person.organisation) parts.push(person.organisation);
  if (person.relationToHolder) parts.push(person.relationToHolder);
  return parts.join(" · ");
}

const personSchema = () => z.object({ email: z.string(), phone: z.string() });

function PersonForm({ person, onDone }: { person: PortalPerson; onDone: () => void }) {
  const { t } = useTranslation();
  const { field, shell } = usePortalForm({
    schema: personSchema,
    onDone,
    defaultValues: { email: person.email ?? "", phone: person.phoneE164 ?? "" },
    toChange: (v) => ({
      path: `persons/${person.id}`,
      method: "PATCH",
      body: { email: textOrNull(v.email), phone: textOrNull(v.phone) },
    }),
  });
  return (
    <DialogForm {...shell}>
      <p className="text-base text-slate-700">
        {t("portal.persons.editIntro", { name: `${person.firstName} ${person.lastName}` })}
      </p>
      <TextField
        type="email"
        inputMode="email"
        autoComplete="email"
        label={t("portal.persons.email")}
        {...field("email")}
      />
      <TextField
        type="tel"
        autoComplete="tel"
        label={t("portal.persons.phone")}
        hint={t("portal.persons.phoneHint")}
        {...field("phone")}
      />
    </DialogForm>
  );
}
