import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type Language, languages } from "../../../contracts/common";
import type { Grantee } from "../../../contracts/grants";
import { salutationSchema } from "../../../contracts/invitations";
import { languageNames } from "../../i18n/i18n";
import { Select } from "../../ui/select";
import { personsQuery } from "../clients/clients-api";
import { firmPoliciesQuery } from "../settings/settings-api";
import { useStaff } from "../staff-context";

/** Formal (Sie, vous) or informal (Du, tu) address. */
export type Salutation = (typeof salutationSchema.options)[number];

/** The language and salutation an invitation is written in. */
export interface InvitationOptions {
  language: Language;
  salutation: Salutation;
}

/**
 * What an invitation of this grantee starts with: the person's language and salutation when the file
 * can be read, else the firm's defaults (as the server would choose). `undefined` while loading.
 */
export function useInvitationDefaults(grantee: Grantee): InvitationOptions | undefined {
  const staff = useStaff();
  const fileId = grantee.personId ? grantee.clientFileId : null;
  const persons = useQuery({ ...personsQuery(fileId ?? ""), enabled: fileId !== null });
  const policies = useQuery(firmPoliciesQuery);
  const person = persons.data?.items.find((p) => p.id === grantee.personId);
  if (person) return { language: person.language, salutation: person.salutation };
  // Without the person (an outsider, a file not readable, a failed load): the firm's defaults.
  if (fileId !== null && persons.isPending) return undefined;
  if (policies.isPending) return undefined;
  return {
    language: staff.firm.defaultLanguage,
    salutation: policies.data?.defaultSalutation === "informal" ? "informal" : "formal",
  };
}

/** The language and salutation selects of the invitation dialogs, side by side on wider screens. */
export function InvitationOptionsFields({
  value,
  onChange,
  disabled = false,
}: {
  value: InvitationOptions;
  onChange: (value: InvitationOptions) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Select
        label={t("access.invitation.language")}
        value={value.language}
        disabled={disabled}
        onChange={(event) => onChange({ ...value, language: event.target.value as Language })}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </Select>
      <Select
        label={t("access.invitation.salutation")}
        value={value.salutation}
        disabled={disabled}
        onChange={(event) => onChange({ ...value, salutation: event.target.value as Salutation })}
      >
        {salutationSchema.options.map((salutation) => (
          <option key={salutation} value={salutation}>
            {t(`access.invitation.salutationOption.${salutation}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
