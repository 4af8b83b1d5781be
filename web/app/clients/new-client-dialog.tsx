import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { clientFileKinds } from "../../../contracts/clients";
import { Alert } from "../../ui/alert";
import { ApiError } from "../../ui/api";
import { Button } from "../../ui/button";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { useStaff } from "../staff-context";
import { clientKeys, createClientFile, staffChoicesQuery } from "./clients-api";
import { Dialog } from "./dialog";

const formSchema = z
  .object({
    kind: z.enum(clientFileKinds),
    firstName: z.string().trim(),
    lastName: z.string().trim(),
    companyName: z.string().trim(),
    caseOwnerId: z.string().min(1, "validation.required"),
  })
  .superRefine((value, ctx) => {
    const required =
      value.kind === "private" ? (["firstName", "lastName"] as const) : (["companyName"] as const);
    for (const field of required)
      if (!value[field]) ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
  });
type FormValues = z.infer<typeof formSchema>;
const fields = ["kind", "firstName", "lastName", "companyName", "caseOwnerId"] as const;

/** Server field names in the create request → the form's fields. */
const serverFieldMap: Record<string, (typeof fields)[number]> = {
  "holder.firstName": "firstName",
  "holder.lastName": "lastName",
  displayName: "companyName",
  caseOwnerId: "caseOwnerId",
  kind: "kind",
};

/** "New client file": kind, the holder's or the company's name, and the case owner. */
export function NewClientDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const choices = useQuery({ ...staffChoicesQuery, enabled: open });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string>();
  const owners = (choices.data?.items ?? []).filter((m) => m.canOwn);
  const defaultOwner = owners.find((m) => m.userId === staff.user.id)?.userId ?? "";

  const { register, handleSubmit, watch, setError, reset, setValue, getValues, formState } =
    useForm<FormValues>({
      resolver: zodResolver(formSchema),
      defaultValues: {
        kind: "private",
        firstName: "",
        lastName: "",
        companyName: "",
        caseOwnerId: defaultOwner,
      },
    });
  const kind = watch("kind");

  useEffect(() => {
    if (open && !getValues("caseOwnerId") && defaultOwner) setValue("caseOwnerId", defaultOwner);
  }, [open, defaultOwner, getValues, setValue]);

  const create = useMutation({
    mutationFn: (values: FormValues) =>
      createClientFile(
        values.kind === "private"
          ? {
              kind: "private",
              caseOwnerId: values.caseOwnerId,
              holder: { firstName: values.firstName, lastName: values.lastName },
            }
          : { kind: "business", caseOwnerId: values.caseOwnerId, displayName: values.companyName },
      ),
    onSuccess: async (file) => {
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      reset();
      onClose();
      await navigate({ to: "/app/clients/$fileId", params: { fileId: file.id } });
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await create.mutateAsync(values);
    } catch (error) {
      const message = applyApiError(remapFields(error, serverFieldMap), setError, fields);
      if (message) setAlert(message);
    }
  });

  return (
    <Dialog open={open} title={t("clients.newFile")} onClose={onClose}>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
        {alert ? <Alert>{alert}</Alert> : null}
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium text-slate-800">{t("clients.kindLabel")}</legend>
          <div className="flex flex-wrap gap-4">
            {clientFileKinds.map((k) => (
              <label key={k} className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
                <input type="radio" value={k} className="size-4" {...register("kind")} />
                {t(`clients.kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {kind === "private" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t("clients.person.firstName")}
              autoComplete="off"
              error={fieldErrorText(t, formState.errors.firstName)}
              {...register("firstName")}
            />
            <TextField
              label={t("clients.person.lastName")}
              autoComplete="off"
              error={fieldErrorText(t, formState.errors.lastName)}
              {...register("lastName")}
            />
          </div>
        ) : (
          <TextField
            label={t("clients.companyName")}
            autoComplete="off"
            error={fieldErrorText(t, formState.errors.companyName)}
            {...register("companyName")}
          />
        )}
        <Select
          label={t("clients.caseOwner")}
          error={fieldErrorText(t, formState.errors.caseOwnerId)}
          {...register("caseOwnerId")}
        >
          <option value="">{t("clients.chooseCaseOwner")}</option>
          {owners.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </Select>
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={onClose}>
            {t("clients.cancel")}
          </Button>
          <Button type="submit" busy={create.isPending}>
            {t("clients.create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Renames the server's field names to the form's, so each message lands under its field. */
export function remapFields(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return error;
  const fields = error.fieldErrors.map((f) => ({ ...f, field: names[f.field] ?? f.field }));
  return new ApiError(error.status, error.code, error.message, { fields });
}
