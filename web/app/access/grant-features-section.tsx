import { useTranslation } from "react-i18next";
import type { StaffChoices } from "../../../contracts/clients";
import { type GrantSettings, grantFeatures, portalViews } from "../../../contracts/grants";
import { Select } from "../../ui/select";
import { CheckboxField, CheckboxGroup } from "./checkbox-field";
import { EditorSection } from "./editor-section";
import type { FieldErrors } from "./grant-sharing-section";
import { toggled } from "./use-grant-draft";

/**
 * Area 4 of the grant editor (and of a grant profile): the portal features the grant switches on,
 * the private or business view, product name instead of risk, and the case handler shown to the client.
 */
export function GrantFeaturesSection({
  settings,
  onChange,
  errors,
  staff,
}: {
  settings: GrantSettings;
  onChange: (patch: Partial<GrantSettings>) => void;
  errors: FieldErrors;
  staff: StaffChoices["items"];
}) {
  const { t } = useTranslation();
  const handlerKnown =
    settings.caseHandlerId === null || staff.some((s) => s.userId === settings.caseHandlerId);
  return (
    <EditorSection
      id="grant-features"
      title={t("access.editor.featuresTitle")}
      intro={t("access.editor.featuresIntro")}
    >
      <CheckboxGroup legend={t("access.editor.featuresLegend")} error={errors["settings.features"]}>
        {grantFeatures.map((feature) => (
          <CheckboxField
            key={feature}
            label={t(`access.feature.${feature}`)}
            checked={settings.features.includes(feature)}
            onChange={(event) =>
              onChange({ features: toggled(settings.features, feature, event.target.checked) })
            }
          />
        ))}
      </CheckboxGroup>
      <CheckboxField
        label={t("access.editor.casesPrimaryContactsOnly")}
        hint={t("access.editor.casesPrimaryContactsOnlyHint")}
        checked={settings.casesPrimaryContactsOnly}
        onChange={(event) => onChange({ casesPrimaryContactsOnly: event.target.checked })}
      />

      <fieldset className="flex flex-col gap-1 border-t border-slate-200 pt-4">
        <legend className="text-sm font-semibold text-slate-900">{t("access.editor.viewLegend")}</legend>
        {portalViews.map((view) => (
          <label key={view} className="flex min-h-11 cursor-pointer items-start gap-3 py-1.5 text-sm">
            <input
              type="radio"
              name="portalView"
              value={view}
              checked={settings.view === view}
              onChange={() => onChange({ view })}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
            />
            <span>
              <span className="block font-medium text-slate-900">{t(`access.view.${view}`)}</span>
              <span className="block text-slate-600">{t(`access.viewHint.${view}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <CheckboxField
        label={t("access.editor.showProductName")}
        hint={t("access.editor.showProductNameHint")}
        checked={settings.showProductName}
        onChange={(event) => onChange({ showProductName: event.target.checked })}
      />

      <div className="grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2">
        <Select
          label={t("access.editor.caseHandler")}
          hint={t("access.editor.caseHandlerHint")}
          error={errors["settings.caseHandlerId"]}
          value={settings.caseHandlerId ?? ""}
          onChange={(event) => onChange({ caseHandlerId: event.target.value || null })}
        >
          <option value="">{t("access.editor.noCaseHandler")}</option>
          {staff.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
          {handlerKnown ? null : (
            <option value={settings.caseHandlerId ?? ""}>{t("access.editor.formerStaff")}</option>
          )}
        </Select>
        <CheckboxField
          className="sm:pt-7"
          label={t("access.editor.showCaseHandler")}
          checked={settings.showCaseHandler}
          disabled={settings.caseHandlerId === null}
          onChange={(event) => onChange({ showCaseHandler: event.target.checked })}
        />
      </div>
    </EditorSection>
  );
}
