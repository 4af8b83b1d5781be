import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FamilyAccessLevel, type FamilyMember, familyAccessLevels } from "../../contracts/portal";
import { Alert } from "../ui/alert";
import { ApiError, errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { QueryView } from "../ui/query-view";
import { Select } from "../ui/select";
import { usePortalFile } from "./file-context";
import { useFamilyAccess, useSetFamilyAccess } from "./portal-api";
import { Details, EmptyNote, ItemCard, ItemList, SectionHeader, Tag } from "./portal-ui";

/** PORTAL-9: holders and co-holders give family members `read` or up to their own level, or take it back. */
export function FamilySection() {
  const { t } = useTranslation();
  const { firmId, fileId, overview } = usePortalFile();
  const allowed = overview.access.canManageFamily;
  const family = useFamilyAccess(firmId, fileId, allowed);

  return (
    <>
      <SectionHeader title={t("portal.sections.family")} intro={t("portal.family.intro")} />
      {allowed ? (
        <QueryView query={family}>
          {(data) =>
            data.members.length === 0 ? (
              <EmptyNote>{t("portal.family.empty")}</EmptyNote>
            ) : (
              <>
                <p className="text-base text-slate-700">
                  {t("portal.family.maxLevel", { level: t(`portal.family.level.${data.maxLevel}`) })}
                </p>
                <ItemList label={t("portal.sections.family")}>
                  {data.members.map((member) => (
                    <MemberCard key={member.personId} member={member} maxLevel={data.maxLevel} />
                  ))}
                </ItemList>
              </>
            )
          }
        </QueryView>
      ) : (
        <Alert tone="info">{t("portal.family.notAllowed")}</Alert>
      )}
    </>
  );
}

function MemberCard({ member, maxLevel }: { member: FamilyMember; maxLevel: "read" | "read_write" }) {
  const { t } = useTranslation();
  const { firmId, fileId, preview } = usePortalFile();
  const save = useSetFamilyAccess(firmId, fileId);
  const [level, setLevel] = useState<FamilyAccessLevel>(member.access);
  const [saved, setSaved] = useState(false);
  // Never offer more than the viewer's own level (the server refuses it too).
  const levels = familyAccessLevels.filter((l) => l !== "read_write" || maxLevel === "read_write");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    try {
      await save.mutateAsync({ personId: member.personId, access: level });
      setSaved(true);
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <ItemCard
      overline={t(`clients.role.${member.role}`)}
      title={member.name}
      badge={member.status ? <Tag>{t(`portal.family.status.${member.status}`)}</Tag> : null}
    >
      <div className="flex flex-col gap-4">
        <Details
          items={[
            [t("portal.persons.email"), member.email ?? t("portal.family.noEmail")],
            [t("portal.family.access"), t(`portal.family.level.${member.access}`)],
          ]}
        />
        {member.changeable && !preview ? (
          <form
            onSubmit={(event) => void submit(event)}
            className="flex flex-col gap-3 sm:flex-row sm:items-end"
          >
            <Select
              className="sm:w-72"
              label={t("portal.family.choose", { name: member.name })}
              value={level}
              onChange={(event) => {
                setLevel(event.target.value as FamilyAccessLevel);
                setSaved(false);
              }}
            >
              {levels.map((l) => (
                <option key={l} value={l}>
                  {t(`portal.family.level.${l}`)}
                </option>
              ))}
            </Select>
            <Button type="submit" busy={save.isPending} disabled={level === member.access}>
              {t("portal.common.save")}
            </Button>
          </form>
        ) : (
          <p className="text-sm text-slate-700">
            {preview ? t("portal.family.previewNoChange") : t("portal.family.setByFirm")}
          </p>
        )}
        {save.isError ? <Alert>{problemText(save.error)}</Alert> : null}
        {saved && !save.isError ? <Alert tone="success">{t("portal.family.saved")}</Alert> : null}
      </div>
    </ItemCard>
  );
}

/** The server's words for a failed change: the field's message (e.g. "no email yet"), else the error's. */
function problemText(error: unknown): string {
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  return fields.length > 0 ? fields.map((f) => f.message).join(" ") : errorMessage(error);
}
