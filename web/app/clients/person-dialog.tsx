import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  advisorKinds,
  businessRoles,
  type ClientFile,
  type Person,
  type PersonInput,
  type PersonRole,
  privateRoles,
  salutations,
} from "../../../contracts/clients";
import { type Language, languages } from "../../../contracts/common";
import { languageNames } from "../../i18n/i18n";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { addPerson, clientKeys, updatePerson } from "./clients-api";
import { Dialog } from "./dialog";

interface FormValues {
  role: PersonRole | "";
  firstName: string;
  lastName: string;
  relationToHolder: string;
  advisorKind: string;
  organisation: string;
  isCommercialContact: boolean;
  isOperationalContact: boolean;
  isEmployee: boolean;
  email: string;
  phone: string;
  phoneCountry: string;
  salutation: string;
  language: string;
  birthDate: string;
}
const fields = [
  "role",
  "firstName",
  "lastName",
  "relationToHolder",
  "advisorKind",
  "organisation",
  "email",
  "phone",
  "phoneCountry",
  "salutation",
  "language",
  "birthDate",
] as const;

/** Countries offered for phone numbers typed without a country code. */
const phoneCountries = ["DE", "AT", "CH", "FR", "BE", "LU", "NL", "IT", "ES", "GB"];

function toValues(person: Person | null, defaultRole: PersonRole | ""): FormValues {
  return {
    role: person?.role ?? defaultRole,
    firstName: person?.firstName ?? "",
    lastName: person?.lastName ?? "",
    relationToHolder: person?.relationToHolder ?? "",
    advisorKind: person?.advisorKind ?? "",
    organisation: person?.organisation ?? "",
    isCommercialContact: person?.isCommercialContact ?? false,
    isOperationalContact: person?.isOperationalContact ?? false,
    isEmployee: person?.isEmployee ?? false,
    email: person?.email ?? "",
    phone: person?.phoneE164 ?? "",
    phoneCountry: person?.phoneCountry ?? "DE",
    salutation: person?.salutation ?? "",
    language: person?.language ?? "",
    birthDate: person?.birthDate ?? "",
  };
}

/** The request body: empty text becomes null (cleared), unset choices are left to the firm's defaults. */
function toInput(v: FormValues): PersonInput {
  const text = (value: string) => value.trim() || null;
  return {
    ...(v.role ? { role: v.role } : {}),
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    relationToHolder: v.role === "relative" ? text(v.relationToHolder) : null,
    advisorKind:
      v.role === "external_advisor" && v.advisorKind ? (v.advisorKind as PersonInput["advisorKind"]) : null,
    organisation: text(v.organisation),
    isCommercialContact: v.role === "contact" && v.isCommercialContact,
    isOperationalContact: v.role === "contact" && v.isOperationalContact,
    isEmployee: v.role === "contact" && v.isEmployee,
    email: text(v.email),
    phone: text(v.phone),
    phoneCountry: v.phoneCountry || undefined,
    ...(v.salutation ? { salutation: v.salutation as PersonInput["salutation"] } : {}),
    ...(v.language ? { language: v.language as Language } : {}),
    birthDate: text(v.birthDate),
  };
}

/** Add or edit a person; the server's field errors show under their fields. */
export function PersonDialog({
  file,
  person,
  open,
  onClose,
}: {
  file: ClientFile;
  person: Person | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string>();
  const roles = file.kind === "private" ? privateRoles : businessRoles;
  // A household's first person is its holder; the server decides when the role is left open.
  const defaultRole: PersonRole | "" = file.kind === "business" ? "contact" : "";
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<FormValues>({
    defaultValues: toValues(person, defaultRole),
  });
  const role = watch("role");

  useEffect(() => {
    if (open) {
      reset(toValues(person, defaultRole));
      setAlert(undefined);
    }
  }, [open, person, defaultRole, reset]);

  const save = useMutation({
    mutationFn: (values: FormValues) =>
      person ? updatePerson(file.id, person.id, toInput(values)) : addPerson(file.id, toInput(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      onClose();
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await save.mutateAsync(values);
    } catch (error) {
      const message = applyApiError(error, setError, fields);
      if (message) setAlert(message);
    }
  });
  const err = (name: (typeof fields)[number]) => fieldErrorText(t, formState.errors[name]);

  return (
    <Dialog open={open} title={person ? t("clients.editPerson") : t("clients.addPerson")} onClose={onClose}>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {alert ? <Alert>{alert}</Alert> : null}
        <Select label={t("clients.person.role")} error={err("role")} {...register("role")}>
          {file.kind === "private" && !person ? (
            <option value="">{t("clients.person.roleAuto")}</option>
          ) : null}
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`clients.role.${r}`)}
            </option>
          ))}
        </Select>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("clients.person.firstName")}
            error={err("firstName")}
            {...register("firstName")}
          />
          <TextField label={t("clients.person.lastName")} error={err("lastName")} {...register("lastName")} />
        </div>
        {role === "relative" ? (
          <TextField
            label={t("clients.person.relationToHolder")}
            hint={t("clients.person.relationHint")}
            error={err("relationToHolder")}
            {...register("relationToHolder")}
          />
        ) : null}
        {role === "external_advisor" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Select
              label={t("clients.person.advisorKind")}
              error={err("advisorKind")}
              {...register("advisorKind")}
            >
              <option value="">{t("clients.person.choose")}</option>
              {advisorKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`clients.advisorKind.${k}`)}
                </option>
              ))}
            </Select>
            <TextField
              label={t("clients.person.organisation")}
              error={err("organisation")}
              {...register("organisation")}
            />
          </div>
        ) : null}
        {role === "contact" ? (
          <>
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-sm font-medium text-slate-800">
                {t("clients.person.contactRoles")}
              </legend>
              {(["isCommercialContact", "isOperationalContact", "isEmployee"] as const).map((flag) => (
                <label key={flag} className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-800">
                  <input type="checkbox" className="size-4" {...register(flag)} />
                  {t(`clients.person.${flag}`)}
                </label>
              ))}
            </fieldset>
            <TextField
              label={t("clients.person.jobTitle")}
              error={err("organisation")}
              {...register("organisation")}
            />
          </>
        ) : null}
        <TextField
          label={t("clients.person.email")}
          type="email"
          inputMode="email"
          autoComplete="off"
          error={err("email")}
          {...register("email")}
        />
        <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
          <Select
            label={t("clients.person.phoneCountry")}
            error={err("phoneCountry")}
            {...register("phoneCountry")}
          >
            {phoneCountries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
          <TextField
            label={t("clients.person.phone")}
            hint={t("clients.person.phoneHint")}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            error={err("phone")}
            {...register("phone")}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Select
            label={t("clients.person.salutation")}
            error={err("salutation")}
            {...register("salutation")}
          >
            <option value="">{t("clients.person.firmDefault")}</option>
            {salutations.map((s) => (
              <option key={s} value={s}>
                {t(`clients.salutation.${s}`)}
              </option>
            ))}
          </Select>
          <Select label={t("clients.person.language")} error={err("language")} {...register("language")}>
            <option value="">{t("clients.person.firmDefault")}</option>
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {languageNames[l]}
              </option>
            ))}
          </Select>
          <TextField
            label={t("clients.person.birthDate")}
            type="date"
            error={err("birthDate")}
            {...register("birthDate")}
          />
        </div>
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={onClose}>
            {t("clients.cancel")}
          </Button>
          <Button type="submit" busy={save.isPending}>
            {t("clients.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
