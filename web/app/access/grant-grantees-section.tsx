import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GrantDetail } from "../../../contracts/grants";
import { Button } from "../../ui/button";
import { personsQuery } from "../clients/clients-api";
import { AddGranteeDialog, type Candidate } from "./add-grantee-dialog";
import { EditorSection } from "./editor-section";
import { GranteeEntry } from "./grantee-entry";

/**
 * Area 3 of the grant editor: who the grant is shared with. Changes here take effect at once (they
 * are not part of the unsaved draft); new grantees are persons of the saved files or outsiders.
 */
export function GrantGranteesSection({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const candidates = useQueries({
    queries: grant.files.map((file) => personsQuery(file.id)),
    combine: (results): Candidate[] =>
      results.flatMap((result, index) =>
        (result.data?.items ?? []).map((p) => ({
          id: p.id,
          label: [
            `${p.firstName} ${p.lastName} (${t(`clients.role.${p.role}`)})`,
            grant.files.length > 1 ? grant.files[index]?.displayName : undefined,
          ]
            .filter(Boolean)
            .join(" — "),
        })),
      ),
  });

  return (
    <EditorSection
      id="grant-grantees"
      title={t("access.editor.granteesTitle")}
      intro={t("access.editor.granteesIntro")}
    >
      <div>
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t("access.tab.giveAccess")}
        </Button>
      </div>
      {grant.grantees.length === 0 ? (
        <p className="text-slate-600">{t("access.grant.noGrantees")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {grant.grantees.map((grantee) => (
            <li key={grantee.id}>
              <GranteeEntry grantee={grantee} label="person" canManage />
            </li>
          ))}
        </ul>
      )}
      <AddGranteeDialog
        open={adding}
        onClose={() => setAdding(false)}
        grants={[{ id: grant.id, name: grant.name }]}
        candidates={candidates}
      />
    </EditorSection>
  );
}
