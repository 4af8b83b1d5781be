import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { type ComponentProps, useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  accessManagers,
  type DocumentCategory,
  type FirmPolicies,
  salutations,
  secondFactorPolicies,
} from "../../../contracts/settings";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { documentCategoriesQuery, firmPoliciesQuery, useUpdatePolicies } from "./settings-api";

// Days typed as "2, 7" or "7 30"; the server checks the schedule itself and explains what is wrong.
const dayList = z
  .string()
  .trim()
  .regex(/^\d{1,3}([\s,;]+\d{1,3})*$/, "settings.policies.reminderDaysFormat");
const policiesFormSchema = z.object({
  accessManagedBy: z.enum(accessManagers),
  reminderDays: dayList,
  invitationLifetimeDays: z.coerce
    .number<string>({ error: "settings.policies.wholeDays" })
    .int("settings.policies.wholeDays"),
  defaultSalutation: z.enum(salutations),
  recommendedCategoryKeys: z.array(z.string()),
  holdersAccessIrrevocable: z.boolean(),
  secondFactor: z.enum(secondFactorPolicies),
  senderName: z.string(),
  replyTo: z
    .string()
    .trim()
    .pipe(z.union([z.literal(""), z.email("validation.email")])),
});
type PoliciesFormInput = z.input<typeof policiesFormSchema>;
type PoliciesForm = z.output<typeof policiesFormSchema>;
const fields = Object.keys(policiesFormSchema.shape) as (keyof PoliciesForm)[];

function toForm(policies: FirmPolicies): PoliciesFormInput {
  return {
    ...policies,
    reminderDays: policies.reminderDays.join(", "),
    invitationLifetimeDays: String(policies.invitationLifetimeDays),
    senderName: policies.senderName ?? "",
    replyTo: policies.replyTo ?? "",
  };
}

/** `/app/settings/policies`: how the firm handles portal access and invitations (FIRM-3). */
export function FirmPoliciesPage() {
  const policies = useQuery(firmPoliciesQuery);
  const categories = useQuery(documentCategoriesQuery);
  if (policies.isPending || categories.isPending) return <Loading />;
  if (policies.isError || categories.isError) {
    return (
      <LoadError
        heading="h2"
        error={policies.error ?? categories.error}
        onRetry={() => {
          void policies.refetch();
          void categories.refetch();
        }}
      />
    );
  }
  return <PoliciesFormCard policies={policies.data} categories={categories.data} />;
}

function PoliciesFormCard({
  policies,
  categories,
}: {
  policies: FirmPolicies;
  categories: DocumentCategory[];
}) {
  const { t } = useTranslation();
  const update = useUpdatePolicies();
  const [alert, setAlert] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<PoliciesFormInput, unknown, PoliciesForm>({
    resolver: zodResolver(policiesFormSchema),
    defaultValues: toForm(policies),
  });
  useEffect(() => reset(toForm(policies)), [policies, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    setSaved(false);
    try {
      await update.mutateAsync({
        ...values,
        reminderDays: values.reminderDays.split(/[\s,;]+/).map(Number),
        senderName: values.senderName.trim() || null,
        replyTo: values.replyTo || null,
      });
      setSaved(true);
    } catch (error) {
      setAlert(applyApiError(error, setError, fields));
    }
  });

  const offered = categories.filter((c) => c.active || policies.recommendedCategoryKeys.includes(c.key));

  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">{t("settings.policies.title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("settings.policies.intro")}</p>
      <form noValidate onSubmit={onSubmit} className="mt-6 flex flex-col gap-8">
        {alert ? <Alert>{alert}</Alert> : null}
        {saved && !isDirty ? <Alert tone="success">{t("settings.saved")}</Alert> : null}

        <fieldset className="grid gap-5 sm:grid-cols-2">
          <legend className="mb-3 text-sm font-semibold text-slate-900">
            {t("settings.policies.access")}
          </legend>
          <Select
            label={t("settings.policies.accessManagedBy")}
            error={fieldErrorText(t, errors.accessManagedBy)}
            {...register("accessManagedBy")}
          >
            {accessManagers.map((value) => (
              <option key={value} value={value}>
                {t(`settings.policies.accessManagers.${value}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("settings.policies.secondFactor")}
            error={fieldErrorText(t, errors.secondFactor)}
            {...register("secondFactor")}
          >
            {secondFactorPolicies.map((value) => (
              <option key={value} value={value}>
                {t(`settings.policies.secondFactors.${value}`)}
              </option>
            ))}
          </Select>
          <Checkbox
            className="sm:col-span-2"
            label={t("settings.policies.holdersAccessIrrevocable")}
            hint={t("settings.policies.holdersAccessIrrevocableHint")}
            {...register("holdersAccessIrrevocable")}
          />
        </fieldset>

        <fieldset className="grid gap-5 sm:grid-cols-2">
          <legend className="mb-3 text-sm font-semibold text-slate-900">
            {t("settings.policies.invitations")}
          </legend>
          <TextField
            label={t("settings.policies.reminderDays")}
            hint={t("settings.policies.reminderDaysHint")}
            inputMode="numeric"
            error={fieldErrorText(t, errors.reminderDays)}
            {...register("reminderDays")}
          />
          <TextField
            label={t("settings.policies.invitationLifetimeDays")}
            hint={t("settings.policies.invitationLifetimeDaysHint")}
            type="number"
            min={1}
            max={365}
            inputMode="numeric"
            error={fieldErrorText(t, errors.invitationLifetimeDays)}
            {...register("invitationLifetimeDays")}
          />
          <Select
            label={t("settings.policies.defaultSalutation")}
            error={fieldErrorText(t, errors.defaultSalutation)}
            {...register("defaultSalutation")}
          >
            {salutations.map((value) => (
              <option key={value} value={value}>
                {t(`settings.policies.salutations.${value}`)}
              </option>
            ))}
          </Select>
        </fieldset>

        <fieldset aria-describedby="recommended-hint">
          <legend className="text-sm font-semibold text-slate-900">
            {t("settings.policies.recommended")}
          </legend>
          <p id="recommended-hint" className="mt-1 text-sm text-slate-600">
            {t("settings.policies.recommendedHint")}
          </p>
          <div className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {offered.map((category) => (
              <Checkbox
                key={category.id}
                label={category.name}
                value={category.key}
                {...register("recommendedCategoryKeys")}
              />
            ))}
          </div>
          {errors.recommendedCategoryKeys ? (
            <p className="mt-2 text-sm font-medium text-red-700">
              <span aria-hidden="true">⚠ </span>
              {fieldErrorText(t, errors.recommendedCategoryKeys as never)}
            </p>
          ) : null}
        </fieldset>

        <fieldset className="grid gap-5 sm:grid-cols-2">
          <legend className="mb-3 text-sm font-semibold text-slate-900">
            {t("settings.policies.sender")}
          </legend>
          <TextField
            label={t("settings.policies.senderName")}
            hint={t("settings.policies.senderNameHint")}
            error={fieldErrorText(t, errors.senderName)}
            {...register("senderName")}
          />
          <TextField
            label={t("settings.policies.replyTo")}
            type="email"
            inputMode="email"
            error={fieldErrorText(t, errors.replyTo)}
            {...register("replyTo")}
          />
        </fieldset>

        <div className="flex justify-end">
          <Button type="submit" busy={update.isPending}>
            {update.isPending ? t("settings.saving") : t("settings.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** A labelled checkbox with an optional hint. */
function Checkbox({
  label,
  hint,
  className,
  ...input
}: { label: string; hint?: string; className?: string } & Omit<ComponentProps<"input">, "type">) {
  return (
    <label className={`flex min-h-11 items-start gap-3 py-1 ${className ?? ""}`}>
      <input type="checkbox" {...input} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
      <span className="text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        {hint ? <span className="mt-0.5 block text-slate-600">{hint}</span> : null}
      </span>
    </label>
  );
}
