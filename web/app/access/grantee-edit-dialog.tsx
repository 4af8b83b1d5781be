import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type FieldError, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { accessLevels, type Grantee, type UpdateGrantee } from "../../../contracts/grants";
import { fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { RecordDialog, RecordFormShell } from "../records/record-dialog";
import { applyRecordError } from "../records/record-form";
import { ChoiceOptions } from "../records/record-inputs";
import { useGranteeMutations } from "./access-api";
import { dateFromExpiry, expiryFromDate, todayIso } from "./access-format";
import { CheckboxField } from "./checkbox-field";

/** The last day of access typed as a date: empty (no end) or today or later. */
export const expiryDateField = z
  .string()
  .refine((value) => value === "" || value >= todayIso(), "access.validation.expiryPast");

const schema = z.object({
  access: z.enum(accessLevels),
  expiresAt: expiryDateField,
  isPrimaryContact: z.boolean(),
});
type Values = z.infer<typeof schema>;
const fields = ["access", "expiresAt", "isPrimaryContact"] as const;

/** Changes a grantee's level, last day of access and primary-contact flag, with errors under each field. */
export function GranteeEditDialog({
  grantee,
  open,
  onClose,
}: {
  grantee: Grantee;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <RecordDialog
      open={open}
      title={t("access.edit.title", { name: grantee.name, grant: grantee.grantName })}
      onClose={onClose}
      size="sm"
    >
      <GranteeEditForm grantee={grantee} onDone={onClose} />
    </RecordDialog>
  );
}

function GranteeEditForm({ grantee, onDone }: { grantee: Grantee; onDone: () => void }) {
  const { t } = useTranslation();
  const { update } = useGranteeMutations();
  const [alert, setAlert] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      access: grantee.access,
      expiresAt: grantee.expiresAt ? dateFromExpiry(grantee.expiresAt) : "",
      isPrimaryContact: grantee.isPrimaryContact,
    },
  });
  const error = (name: keyof Values) => fieldErrorText(t, errors[name] as FieldError | undefined);

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    const body: UpdateGrantee = {
      access: values.access,
      isPrimaryContact: values.isPrimaryContact,
      expiresAt: values.expiresAt ? expiryFromDate(values.expiresAt) : null,
    };
    // An unchanged end date is not sent: the policy may forbid setting one, even the same one.
    if (values.expiresAt === (grantee.expiresAt ? dateFromExpiry(grantee.expiresAt) : ""))
      delete body.expiresAt;
    try {
      await update.mutateAsync({ grantee, body });
      onDone();
    } catch (failure) {
      setAlert(applyRecordError(failure, setError, fields));
    }
  });

  return (
    <RecordFormShell onSubmit={onSubmit} alert={alert} busy={update.isPending} onCancel={onDone}>
      <Select label={t("access.fields.access")} error={error("access")} {...register("access")}>
        <ChoiceOptions values={accessLevels} labelOf={(level) => t(`access.level.${level}`)} />
      </Select>
      <TextField
        type="date"
        label={t("access.fields.expiresAt")}
        hint={t("access.fields.expiresAtHint")}
        min={todayIso()}
        error={error("expiresAt")}
        {...register("expiresAt")}
      />
      <CheckboxField
        label={t("access.fields.isPrimaryContact")}
        hint={t("access.fields.isPrimaryContactHint")}
        error={error("isPrimaryContact")}
        {...register("isPrimaryContact")}
      />
    </RecordFormShell>
  );
}
