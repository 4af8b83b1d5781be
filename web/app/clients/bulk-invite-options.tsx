import { type FormEvent, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { salutations } from "../../../contracts/clients";
import { type Language, languages } from "../../../contracts/common";
import type { GrantProfile } from "../../../contracts/grants";
import type { DocumentCategory } from "../../../contracts/settings";
import { languageNames } from "../../i18n/i18n";
import { Alert } from "../../ui/alert";
import { TextAreaField } from "../../ui/inputs";
import { Select } from "../../ui/select";
import { CheckboxField } from "../access/checkbox-field";
import { type BulkOptionsDraft, MESSAGE_MAX } from "./bulk-invite-api";
import { StepButtons } from "./bulk-invite-parts";

/**
 * Step 1 of the bulk invitation: what the grants share (all documents marked shared, or those of chosen
 * categories — the firm's recommended ones preselected), how the mails speak (form of address and
 * language, each person's own unless chosen), an optional personal message and grant profile.
 */
export function OptionsStep({
  draft,
  onChange,
  categories,
  recommendedIds,
  profiles,
  categoriesError,
  alert,
  busy,
  onCancel,
  onContinue,
}: {
  draft: BulkOptionsDraft;
  onChange: (draft: BulkOptionsDraft) => void;
  /** The firm's active document categories. */
  categories: DocumentCategory[];
  recommendedIds: ReadonlySet<string>;
  /** The firm's grant profiles; undefined while loading (the firm's default is chosen meanwhile). */
  profiles: GrantProfile[] | undefined;
  /** "Choose at least one category", once the user tried to continue without one. */
  categoriesError: string | undefined;
  alert: string | undefined;
  busy: boolean;
  onCancel: () => void;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<BulkOptionsDraft>) => onChange({ ...draft, ...patch });
  const toggleCategory = (id: string) =>
    set({
      categoryIds: draft.categoryIds.includes(id)
        ? draft.categoryIds.filter((c) => c !== id)
        : [...draft.categoryIds, id],
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onContinue();
  };

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <RadioGroup legend={t("clients.bulkInvite.documents")} hint={t("clients.bulkInvite.documentsHint")}>
        <Radio
          name="bulk-documents"
          checked={draft.documents === "all"}
          onChange={() => set({ documents: "all" })}
          label={t("clients.bulkInvite.documentsAll")}
        />
        <Radio
          name="bulk-documents"
          checked={draft.documents === "categories"}
          onChange={() => set({ documents: "categories" })}
          label={t("clients.bulkInvite.documentsCategories")}
        />
      </RadioGroup>
      {draft.documents === "categories" ? (
        <CategoryList
          categories={categories}
          recommendedIds={recommendedIds}
          chosen={draft.categoryIds}
          onToggle={toggleCategory}
          error={categoriesError}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label={t("clients.bulkInvite.salutation")}
          value={draft.salutation}
          onChange={(event) => set({ salutation: event.target.value as BulkOptionsDraft["salutation"] })}
        >
          <option value="">{t("clients.bulkInvite.eachOwnSalutation")}</option>
          {salutations.map((s) => (
            <option key={s} value={s}>
              {t(`clients.bulkInvite.salutationOption.${s}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t("clients.bulkInvite.language")}
          value={draft.language}
          onChange={(event) => set({ language: event.target.value as Language | "" })}
        >
          <option value="">{t("clients.bulkInvite.eachOwnLanguage")}</option>
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageNames[l]}
            </option>
          ))}
        </Select>
      </div>
      <Select
        label={t("clients.bulkInvite.profile")}
        hint={t("clients.bulkInvite.profileHint")}
        value={draft.profileId}
        onChange={(event) => set({ profileId: event.target.value })}
      >
        <option value="">{t("clients.bulkInvite.profileDefault")}</option>
        {(profiles ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <TextAreaField
        label={t("clients.bulkInvite.personalMessage")}
        hint={t("clients.bulkInvite.personalMessageHint", { max: MESSAGE_MAX.toLocaleString() })}
        rows={3}
        maxLength={MESSAGE_MAX}
        value={draft.personalMessage}
        onChange={(event) => set({ personalMessage: event.target.value })}
      />
      <StepButtons
        secondary={{ label: t("clients.cancel"), onClick: onCancel }}
        primary={{
          label: t("clients.bulkInvite.continue"),
          busy,
          busyLabel: t("clients.bulkInvite.checking"),
        }}
      />
    </form>
  );
}

/** The categories to share, each a checkbox; the firm's recommended ones are marked. */
function CategoryList({
  categories,
  recommendedIds,
  chosen,
  onToggle,
  error,
}: {
  categories: DocumentCategory[];
  recommendedIds: ReadonlySet<string>;
  chosen: readonly string[];
  onToggle: (id: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <fieldset
      className="flex min-w-0 flex-col gap-1 rounded-lg border border-slate-200 px-4 py-3"
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">
        {t("clients.bulkInvite.categories")}
      </legend>
      <p className="text-sm text-slate-600">{t("clients.bulkInvite.categoriesHint")}</p>
      {error ? (
        <p id={errorId} role="alert" className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
      {categories.length === 0 ? (
        <p className="text-sm text-slate-700">{t("clients.bulkInvite.noCategories")}</p>
      ) : (
        <div className="grid gap-x-4 sm:grid-cols-2">
          {categories.map((c) => (
            <CheckboxField
              key={c.id}
              checked={chosen.includes(c.id)}
              onChange={() => onToggle(c.id)}
              label={
                recommendedIds.has(c.id) ? (
                  <>
                    {c.name} <span className="text-slate-600">({t("clients.bulkInvite.recommended")})</span>
                  </>
                ) : (
                  c.name
                )
              }
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** A titled group of radio buttons. */
export function RadioGroup({
  legend,
  hint,
  children,
}: {
  legend: string;
  hint?: string;
  children: ReactNode;
}) {
  const hintId = useId();
  return (
    <fieldset className="flex min-w-0 flex-col gap-1" aria-describedby={hint ? hintId : undefined}>
      <legend className="text-sm font-semibold text-slate-900">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** One radio button with its label beside it; the whole line is clickable. */
export function Radio({
  name,
  checked,
  onChange,
  label,
  hint,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  hint?: string;
}) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg px-1 py-2 text-sm hover:bg-slate-50">
      <input
        type="radio"
        name={name}
        checked={checked}
        onChange={onChange}
        className="mt-0.5 size-5 shrink-0 accent-brand-700"
      />
      <span className="min-w-0">
        <span className="block text-slate-900">{label}</span>
        {hint ? <span className="block text-slate-600">{hint}</span> : null}
      </span>
    </label>
  );
}
