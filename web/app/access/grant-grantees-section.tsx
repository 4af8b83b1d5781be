import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AccessLevel, accessLevels, type GrantDetail } from "../../../contracts/grants";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Select } from "../../ui/select";
import { personsQuery } from "../clients/clients-api";
import { useDefaultAccessMutation } from "./access-api";
import { AddGranteeDialog, type Candidate } from "./add-grantee-dialog";
import { EditorSection } from "./editor-section";
import { GranteeEntry } from "./grantee-entry";

/**
 * Area 3 of the grant editor: who the grant is shared with. Changes here take effect at once (they
 * are not part of the unsaved draft); new grantees are persons of the saved files or outsiders, and
 * start with the grant's default access (from its profile; changeable here). When the grant bundles several files, each person
 * is named with their file. Without the right to manage the grant, the entries only show.
 */
export function GrantGranteesSection({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const canManage = grant.management.allowed;
  const mayAddAdvisors = grant.management.mayAddExternalAdvisors;
  const severalFiles = grant.files.length > 1;
  const candidates = useQueries({
    queries: grant.files.map((file) => ({ ...personsQuery(file.id), enabled: canManage })),
    combine: (results): Candidate[] =>
      results.flatMap((result, index) =>
        (result.data?.items ?? [])
          .filter((p) => mayAddAdvisors || p.role !== "external_advisor")
          .map((p) => ({
            id: p.id,
            label: [
              `${p.firstName} ${p.lastName} (${t(`clients.role.${p.role}`)})`,
              severalFiles ? grant.files[index]?.displayName : undefined,
            ]
              .filter(Boolean)
              .join(" — "),
          })),
      ),
  });
  const level = t(`access.level.${grant.defaultAccess}`);
  const defaultAccess = useDefaultAccessMutation(grant.id);

  return (
    <EditorSection
      id="grant-grantees"
      title={t("access.editor.granteesTitle")}
      intro={canManage ? t("access.editor.granteesIntro") : undefined}
    >
      <p className="text-sm text-slate-700">
        {grant.profile
          ? t("access.editor.fromProfile", { profile: grant.profile.name, level })
          : t("access.editor.defaultAccess", { level })}
      </p>
      {canManage ? (
        <Select
          className="max-w-xs"
          label={t("access.profiles.defaultAccess")}
          value={grant.defaultAccess}
          disabled={defaultAccess.isPending}
          error={defaultAccess.error ? errorMessage(defaultAccess.error) : undefined}
          onChange={(event) => defaultAccess.mutate(event.target.value as AccessLevel)}
        >
          {accessLevels.map((option) => (
            <option key={option} value={option}>
              {t(`access.level.${option}`)}
            </option>
          ))}
        </Select>
      ) : null}
      {canManage ? (
        <div>
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t("access.tab.giveAccess")}
          </Button>
        </div>
      ) : null}
      {grant.grantees.length === 0 ? (
        <p className="text-slate-600">{t("access.grant.noGrantees")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {grant.grantees.map((grantee) => (
            <li key={grantee.id}>
              <GranteeEntry grantee={grantee} label="person" canManage={canManage} showFile={severalFiles} />
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <AddGranteeDialog
          open={adding}
          onClose={() => setAdding(false)}
          grants={[{ id: grant.id, name: grant.name, defaultAccess: grant.defaultAccess }]}
          candidates={candidates}
          allowOutsiders={mayAddAdvisors}
        />
      ) : null}
    </EditorSection>
  );
}
