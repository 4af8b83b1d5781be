import { useTranslation } from "react-i18next";
import { Select } from "../../ui/select";
import { entityName } from "./audit-fields";

/** Action prefixes a reader can narrow a timeline to, by what was changed ("portal.": changes made there). */
export const actionPrefixes = [
  "client_file.",
  "person.",
  "contract.",
  "asset.",
  "claim.",
  "document.",
  "reference_address.",
  "donation.",
  "grantee.",
  "portal.",
] as const;

/** Firm-wide prefixes on top of the file ones (settings, staff, grants, imports, sign-ins, the log itself). */
export const firmActionPrefixes = [
  ...actionPrefixes,
  "firm.",
  "line_of_business.",
  "document_category.",
  "staff_member.",
  "staff_invitation.",
  "grant.",
  "grant_profile.",
  "import.",
  "account.",
  "access.",
  "api_key.",
  "sync.",
  "audit_log.",
] as const;

/** A select of "what changed": all events, or those whose action starts with one prefix. */
export function ActionFilter({
  value,
  onChange,
  prefixes,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  prefixes: readonly string[];
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("audit.filterAction")}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className={className}
    >
      <option value="">{t("audit.allActions")}</option>
      {prefixes.map((prefix) => (
        <option key={prefix} value={prefix}>
          {entityName(t, prefix.slice(0, -1))}
        </option>
      ))}
    </Select>
  );
}
