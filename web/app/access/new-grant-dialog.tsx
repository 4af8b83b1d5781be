import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type FieldError, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { GrantProfile } from "../../../contracts/grants";
import { fieldErrorText } from "../../ui/form";
import { QueryView } from "../../ui/query-view";
import { TextField } from "../../ui/text-field";
import { RecordDialog, RecordFormShell } from "../records/record-dialog";
import { applyRecordError } from "../records/record-form";
import { accessKeys, createGrant, grantProfilesQuery } from "./access-api";

const schema = z.object({
  name: z.string().trim().min(1, "validation.required").max(200),
  profileId: z.string().min(1, "access.validation.chooseProfile"),
});
type Values = z.infer<typeof schema>;

/**
 * "New grant" from a client file's Access tab: a name and the profile to start from; the grant is
 * created over this file and opens in the grant editor, where everything else is set.
 */
export function NewGrantDialog({
  open,
  onClose,
  fileId,
  fileName,
}: {
  open: boolean;
  onClose: () => void;
  fileId: string;
  fileName: string;
}) {
  const { t } = useTranslation();
  const profiles = useQuery({ ...grantProfilesQuery, enabled: open });
  return (
    <RecordDialog open={open} title={t("access.newGrant.title")} onClose={onClose}>
      <QueryView query={profiles}>
        {(items) => <NewGrantForm profiles={items} fileId={fileId} fileName={fileName} onDone={onClose} />}
      </QueryView>
    </RecordDialog>
  );
}

function NewGrantForm({
  profiles,
  fileId,
  fileName,
  onDone,
}: {
  profiles: GrantProfile[];
  fileId: string;
  fileName: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string>();
  const [busy, setBusy] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: fileName, profileId: profiles[0]?.id ?? "" },
  });
  const error = (name: keyof Values) => fieldErrorText(t, errors[name] as FieldError | undefined);

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    setBusy(true);
    try {
      const grant = await createGrant({ name: values.name, profileId: values.profileId, fileIds: [fileId] });
      await queryClient.invalidateQueries({ queryKey: accessKeys.all });
      onDone();
      await navigate({ to: "/app/grants/$grantId", params: { grantId: grant.id } });
    } catch (failure) {
      // A refusal to manage access on this file (403, the firm policy) has no field: it shows above.
      setAlert(applyRecordError(failure, setError, ["name", "profileId"]));
    } finally {
      setBusy(false);
    }
  });

  return (
    <RecordFormShell onSubmit={onSubmit} alert={alert} busy={busy} onCancel={onDone}>
      <TextField label={t("access.fields.grantName")} error={error("name")} {...register("name")} />
      <fieldset className="flex flex-col gap-1" aria-describedby="new-grant-profile-error">
        <legend className="text-sm font-semibold text-slate-900">{t("access.newGrant.profile")}</legend>
        <p className="text-sm text-slate-600">{t("access.newGrant.profileHint")}</p>
        {profiles.map((profile) => (
          <label
            key={profile.id}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg px-1 py-2 text-sm hover:bg-slate-50"
          >
            <input
              type="radio"
              value={profile.id}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
              {...register("profileId")}
            />
            <span>
              <span className="block font-medium text-slate-900">{profile.name}</span>
              <span className="block text-slate-600">
                {t(`access.level.${profile.defaultAccess}`)} · {t(`access.view.${profile.settings.view}`)}
              </span>
            </span>
          </label>
        ))}
        {error("profileId") ? (
          <p id="new-grant-profile-error" className="text-sm font-medium text-red-700">
            ⚠ {error("profileId")}
          </p>
        ) : null}
      </fieldset>
    </RecordFormShell>
  );
}
