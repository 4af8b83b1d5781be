import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { type FieldError, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type AccessLevel, type AddGrantee, accessLevels } from "../../../contracts/grants";
import { Alert } from "../../ui/alert";
import { fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { RecordDialog, RecordFormShell } from "../records/record-dialog";
import { applyRecordError } from "../records/record-form";
import { ChoiceOptions } from "../records/record-inputs";
import { useGranteeMutations } from "./access-api";
import { expiryFromDate, todayIso } from "./access-format";
import { CheckboxField } from "./checkbox-field";
import { expiryDateField } from "./grantee-edit-dialog";

/** A person who can be given access: a person of a bundled file, named with their role (and file). */
export interface Candidate {
  id: string;
  label: string;
}

/** A grant to give access through, with the access its profile gives new grantees. */
export interface GrantChoice {
  id: string;
  name: string;
  defaultAccess: AccessLevel;
}

const schema = z
  .object({
    grantId: z.string().min(1, "access.validation.chooseGrant"),
    who: z.enum(["person", "outsider"]),
    personId: z.string(),
    email: z.string().trim(),
    name: z.string().trim(),
    access: z.enum(accessLevels),
    expiresAt: expiryDateField,
    isPrimaryContact: z.boolean(),
  })
  .superRefine((values, ctx) => {
    if (values.who === "person" && values.personId === "")
      ctx.addIssue({ code: "custom", path: ["personId"], message: "access.validation.choosePerson" });
    if (values.who === "outsider") {
      if (!z.email().safeParse(values.email).success)
        ctx.addIssue({ code: "custom", path: ["email"], message: "validation.email" });
      if (values.name === "")
        ctx.addIssue({ code: "custom", path: ["name"], message: "validation.required" });
    }
  });
type Values = z.infer<typeof schema>;
const fields = ["grantId", "personId", "email", "name", "access", "expiresAt", "isPrimaryContact"] as const;

/**
 * Gives someone access through a grant: a person of a bundled file, or someone outside by email and
 * name (who then acts as an external advisor) when `allowOutsiders`. The access starts as the chosen
 * grant's default (from its profile). The new grantee stays pending until invitations exist.
 */
export function AddGranteeDialog({
  open,
  onClose,
  grants,
  candidates,
  preset,
  allowOutsiders = true,
}: {
  open: boolean;
  onClose: () => void;
  /** The grants to choose from (one: no choice shown). */
  grants: readonly GrantChoice[];
  candidates: readonly Candidate[];
  preset?: { personId?: string; grantId?: string };
  /** Whether the staff member may give someone outside access (an external advisor). */
  allowOutsiders?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <RecordDialog open={open} title={t("access.add.title")} onClose={onClose}>
      <AddGranteeForm
        grants={grants}
        candidates={candidates}
        preset={preset}
        allowOutsiders={allowOutsiders}
        onDone={onClose}
      />
    </RecordDialog>
  );
}

function AddGranteeForm({
  grants,
  candidates,
  preset,
  allowOutsiders,
  onDone,
}: {
  grants: readonly GrantChoice[];
  candidates: readonly Candidate[];
  preset?: { personId?: string; grantId?: string };
  allowOutsiders: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { add } = useGranteeMutations();
  const [alert, setAlert] = useState<string>();
  const firstGrantId = preset?.grantId ?? (grants.length === 1 ? (grants[0]?.id ?? "") : "");
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      grantId: firstGrantId,
      who: candidates.length === 0 && allowOutsiders ? "outsider" : "person",
      personId: preset?.personId ?? "",
      email: "",
      name: "",
      access: grants.find((g) => g.id === firstGrantId)?.defaultAccess ?? "read",
      expiresAt: "",
      isPrimaryContact: false,
    },
  });
  const error = (name: keyof Values) => fieldErrorText(t, errors[name] as FieldError | undefined);
  const who = watch("who");
  const chosenGrant = grants.find((g) => g.id === watch("grantId"));
  // Choosing another grant preselects its default access, unless someone already chose the access.
  const accessChosen = useRef(false);
  const grantAccess = chosenGrant?.defaultAccess;
  useEffect(() => {
    if (grantAccess && !accessChosen.current) setValue("access", grantAccess);
  }, [grantAccess, setValue]);

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    const common = {
      access: values.access,
      isPrimaryContact: values.isPrimaryContact,
      ...(values.expiresAt ? { expiresAt: expiryFromDate(values.expiresAt) } : {}),
    };
    const body: AddGrantee =
      values.who === "person"
        ? { personId: values.personId, ...common }
        : { email: values.email, name: values.name, ...common };
    try {
      await add.mutateAsync({ grantId: values.grantId, body });
      onDone();
    } catch (failure) {
      setAlert(applyRecordError(failure, setError, fields));
    }
  });

  return (
    <RecordFormShell onSubmit={onSubmit} alert={alert} busy={add.isPending} onCancel={onDone}>
      {grants.length === 1 ? (
        <p className="text-sm text-slate-700">
          {t("access.add.throughGrant")} <span className="font-medium">{grants[0]?.name}</span>
        </p>
      ) : (
        <Select label={t("access.fields.grant")} error={error("grantId")} {...register("grantId")}>
          <option value="">{t("access.add.chooseGrant")}</option>
          {grants.map((grant) => (
            <option key={grant.id} value={grant.id}>
              {grant.name}
            </option>
          ))}
        </Select>
      )}
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-semibold text-slate-900">{t("access.add.who")}</legend>
        {(["person", "outsider"] as const).map((value) => (
          <label key={value} className="flex min-h-11 cursor-pointer items-center gap-3 text-sm">
            <input
              type="radio"
              value={value}
              disabled={value === "person" ? candidates.length === 0 : !allowOutsiders}
              className="size-5 accent-brand-700"
              {...register("who")}
            />
            <span className="text-slate-800">{t(`access.add.${value}`)}</span>
          </label>
        ))}
        {allowOutsiders ? null : (
          <p className="text-sm text-slate-600">{t("access.add.outsidersNotAllowed")}</p>
        )}
      </fieldset>
      {who === "person" ? (
        <Select label={t("access.fields.person")} error={error("personId")} {...register("personId")}>
          <option value="">{t("access.add.choosePerson")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            type="email"
            autoComplete="off"
            label={t("access.fields.email")}
            error={error("email")}
            {...register("email")}
          />
          <TextField
            autoComplete="off"
            label={t("access.fields.name")}
            error={error("name")}
            {...register("name")}
          />
          <Alert tone="info" className="sm:col-span-2">
            {t("access.add.outsiderNote")}
          </Alert>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label={t("access.fields.access")}
          hint={
            chosenGrant
              ? t("access.add.accessDefault", { level: t(`access.level.${chosenGrant.defaultAccess}`) })
              : undefined
          }
          error={error("access")}
          {...register("access", {
            onChange: () => {
              accessChosen.current = true;
            },
          })}
        >
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
      </div>
      <CheckboxField
        label={t("access.fields.isPrimaryContact")}
        hint={t("access.fields.isPrimaryContactHint")}
        error={error("isPrimaryContact")}
        {...register("isPrimaryContact")}
      />
      <p className="text-sm text-slate-600">{t("access.add.pendingNote")}</p>
    </RecordFormShell>
  );
}
