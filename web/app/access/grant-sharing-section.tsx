import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type ContractMode, contractModes, type GrantSettings } from "../../../contracts/grants";
import { type ContractCategory, contractCategories } from "../../../contracts/records";
import type { DocumentCategory, LineOfBusiness } from "../../../contracts/settings";
import { CheckboxField, CheckboxGroup } from "./checkbox-field";
import { EditorSection } from "./editor-section";
import { toggled } from "./use-grant-draft";

/** Server field errors of the editor, by the API's field name (e.g. "settings.lineOfBusinessIds"). */
export type FieldErrors = Record<string, string | undefined>;

const recordToggles = [
  "shareAssets",
  "shareDonations",
  "sharePersons",
  "shareClaims",
  "shareAddresses",
] as const;

/** Lists of the firm where an inactive entry still shows while the grant uses it. */
function shown<T extends { id: string; active: boolean }>(items: readonly T[], chosen: readonly string[]) {
  return items.filter((item) => item.active || chosen.includes(item.id));
}

/**
 * Area 2 of the grant editor (and of a grant profile): what is shared — records by toggle, contracts
 * automatically by the seed-004 categories (optionally only some lines of business) or a manual list,
 * and the documents marked as shared, optionally only some categories.
 */
export function GrantSharingSection({
  settings,
  onChange,
  errors,
  lines,
  documentCategories,
  manualList,
}: {
  settings: GrantSettings;
  onChange: (patch: Partial<GrantSettings>) => void;
  errors: FieldErrors;
  lines: readonly LineOfBusiness[];
  documentCategories: readonly DocumentCategory[];
  /** The picker of the manual contract list; profiles have none (they bundle no files). */
  manualList?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <EditorSection
      id="grant-sharing"
      title={t("access.editor.sharingTitle")}
      intro={t("access.editor.sharingIntro")}
    >
      <CheckboxGroup legend={t("access.editor.recordsLegend")}>
        {recordToggles.map((key) => (
          <CheckboxField
            key={key}
            label={t(`access.share.${key}`)}
            hint={key === "sharePersons" ? t("access.share.sharePersonsHint") : undefined}
            checked={settings[key]}
            onChange={(event) => onChange({ [key]: event.target.checked })}
          />
        ))}
      </CheckboxGroup>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <h3 className="text-base font-semibold text-slate-900">{t("access.editor.contractsLegend")}</h3>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-semibold text-slate-900">
            {t("access.editor.contractModeLabel")}
          </legend>
          {contractModes.map((mode: ContractMode) => (
            <label key={mode} className="flex min-h-11 cursor-pointer items-start gap-3 py-1.5 text-sm">
              <input
                type="radio"
                name="contractMode"
                value={mode}
                checked={settings.contractMode === mode}
                onChange={() => onChange({ contractMode: mode })}
                className="mt-0.5 size-5 shrink-0 accent-brand-700"
              />
              <span>
                <span className="block font-medium text-slate-900">{t(`access.contractMode.${mode}`)}</span>
                <span className="block text-slate-600">{t(`access.contractModeHint.${mode}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {settings.contractMode === "categories" ? (
          <>
            <CheckboxGroup
              legend={t("access.editor.categoriesLegend")}
              hint={t("access.editor.categoriesHint")}
              error={errors["settings.contractCategories"]}
              columns={3}
            >
              {contractCategories.map((category: ContractCategory) => (
                <CheckboxField
                  key={category}
                  label={
                    <>
                      <span className="font-medium">{t(`records.contractCategory.${category}`)}</span>
                      <span className="block text-xs text-slate-600">
                        {t(`access.categoryRule.${category}`)}
                      </span>
                    </>
                  }
                  checked={settings.contractCategories.includes(category)}
                  onChange={(event) =>
                    onChange({
                      contractCategories: toggled(
                        settings.contractCategories,
                        category,
                        event.target.checked,
                      ),
                    })
                  }
                />
              ))}
            </CheckboxGroup>
            <CheckboxGroup
              legend={t("access.editor.linesLegend")}
              hint={t("access.editor.linesHint")}
              error={errors["settings.lineOfBusinessIds"]}
              columns={3}
            >
              {shown(lines, settings.lineOfBusinessIds).map((line) => (
                <CheckboxField
                  key={line.id}
                  label={`${line.code} · ${line.name}${line.active ? "" : ` (${t("access.editor.inactive")})`}`}
                  checked={settings.lineOfBusinessIds.includes(line.id)}
                  onChange={(event) =>
                    onChange({
                      lineOfBusinessIds: toggled(settings.lineOfBusinessIds, line.id, event.target.checked),
                    })
                  }
                />
              ))}
            </CheckboxGroup>
          </>
        ) : (
          (manualList ?? <p className="text-sm text-slate-600">{t("access.editor.manualInGrant")}</p>)
        )}
      </div>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <h3 className="text-base font-semibold text-slate-900">{t("access.editor.documentsLegend")}</h3>
        <p className="text-sm text-slate-700">{t("access.editor.documentsIntro")}</p>
        <CheckboxGroup
          legend={t("access.editor.documentCategoriesLegend")}
          hint={t("access.editor.documentCategoriesHint")}
          error={errors["settings.documentCategoryIds"]}
          columns={3}
        >
          {shown(documentCategories, settings.documentCategoryIds).map((category) => (
            <CheckboxField
              key={category.id}
              label={`${category.name}${category.active ? "" : ` (${t("access.editor.inactive")})`}`}
              checked={settings.documentCategoryIds.includes(category.id)}
              onChange={(event) =>
                onChange({
                  documentCategoryIds: toggled(
                    settings.documentCategoryIds,
                    category.id,
                    event.target.checked,
                  ),
                })
              }
            />
          ))}
        </CheckboxGroup>
      </div>
    </EditorSection>
  );
}
