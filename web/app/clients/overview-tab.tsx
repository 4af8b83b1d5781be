import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { ClientFile } from "../../../contracts/clients";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { controlClass, Field } from "../../ui/field";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import {
  clientKeys,
  deleteClientFile,
  reassignCaseOwner,
  setTeam,
  staffChoicesQuery,
  updateClientFile,
} from "./clients-api";
import { Dialog } from "./dialog";

const dataSchema = z.object({
  displayName: z.string().trim().min(1, "validation.required"),
  number: z.string().trim().min(1, "validation.required"),
  externalId: z.string().trim(),
  notes: z.string(),
});
type DataValues = z.infer<typeof dataSchema>;
const dataFields = ["displayName", "number", "externalId", "notes"] as const;

/** The file's data, its case owner and team, and deleting it. */
export function OverviewTab({ file }: { file: ClientFile }) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <FileDataForm file={file} />
      <div className="flex flex-col gap-6">
        <Card>
          <h2 className="mb-3 text-base font-semibold text-slate-900">{t("clients.counts")}</h2>
          <dl className="grid grid-cols-3 gap-3 text-center">
            {(["persons", "contracts", "documents"] as const).map((key) => (
              <div key={key} className="rounded-lg bg-slate-50 p-3">
                <dt className="text-xs text-slate-600">{t(`clients.tabs.${key}`)}</dt>
                <dd className="text-xl font-semibold text-slate-900 tabular-nums">{file.counts[key]}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <CaseOwnerCard file={file} />
        <TeamCard file={file} />
        {file.can.delete ? <DeleteFileCard file={file} /> : null}
      </div>
    </div>
  );
}

function useFileUpdated(fileId: string) {
  const queryClient = useQueryClient();
  return (updated: ClientFile) => {
    queryClient.setQueryData(clientKeys.file(fileId), updated);
    void queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
  };
}

function FileDataForm({ file }: { file: ClientFile }) {
  const { t } = useTranslation();
  const onUpdated = useFileUpdated(file.id);
  const [alert, setAlert] = useState<string>();
  const [saved, setSaved] = useState(false);
  const notesId = useId();
  const values = {
    displayName: file.displayName,
    number: file.number,
    externalId: file.externalId ?? "",
    notes: file.notes ?? "",
  };
  const { register, handleSubmit, setError, reset, formState } = useForm<DataValues>({
    resolver: zodResolver(dataSchema),
    defaultValues: values,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the server's copy changes.
  useEffect(() => reset(values), [file.updatedAt]);

  const save = useMutation({
    mutationFn: (v: DataValues) =>
      updateClientFile(file.id, {
        displayName: v.displayName,
        number: v.number,
        externalId: v.externalId || null,
        notes: v.notes || null,
      }),
    onSuccess: onUpdated,
  });
  const onSubmit = handleSubmit(async (v) => {
    setAlert(undefined);
    setSaved(false);
    try {
      await save.mutateAsync(v);
      setSaved(true);
    } catch (error) {
      const message = applyApiError(error, setError, dataFields);
      if (message) setAlert(message);
    }
  });
  const readOnly = !file.can.edit;

  return (
    <Card>
      <h2 className="mb-4 text-base font-semibold text-slate-900">{t("clients.fileData")}</h2>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {alert ? <Alert>{alert}</Alert> : null}
        {saved && !formState.isDirty ? <Alert tone="success">{t("clients.saved")}</Alert> : null}
        <TextField
          label={file.kind === "private" ? t("clients.householdName") : t("clients.companyName")}
          readOnly={readOnly}
          error={fieldErrorText(t, formState.errors.displayName)}
          {...register("displayName")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("clients.number")}
            readOnly={readOnly}
            error={fieldErrorText(t, formState.errors.number)}
            {...register("number")}
          />
          <TextField
            label={t("clients.externalId")}
            hint={t("clients.externalIdHint")}
            readOnly={readOnly}
            error={fieldErrorText(t, formState.errors.externalId)}
            {...register("externalId")}
          />
        </div>
        <Field label={t("clients.notes")} id={notesId} error={fieldErrorText(t, formState.errors.notes)}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              readOnly={readOnly}
              className={controlClass}
              {...register("notes")}
            />
          )}
        </Field>
        {readOnly ? null : (
          <Button type="submit" className="self-end" busy={save.isPending} disabled={!formState.isDirty}>
            {t("clients.save")}
          </Button>
        )}
      </form>
    </Card>
  );
}

function CaseOwnerCard({ file }: { file: ClientFile }) {
  const { t } = useTranslation();
  const choices = useQuery(staffChoicesQuery);
  const onUpdated = useFileUpdated(file.id);
  const [userId, setUserId] = useState(file.caseOwner.userId);
  useEffect(() => setUserId(file.caseOwner.userId), [file.caseOwner.userId]);
  const reassign = useMutation({
    mutationFn: () => reassignCaseOwner(file.id, userId),
    onSuccess: onUpdated,
  });
  const owners = (choices.data?.items ?? []).filter((m) => m.canOwn);

  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-base font-semibold text-slate-900">{t("clients.caseOwner")}</h2>
      {file.can.reassign ? (
        <>
          <Select label={t("clients.handOverTo")} value={userId} onChange={(e) => setUserId(e.target.value)}>
            {owners.some((m) => m.userId === file.caseOwner.userId) ? null : (
              <option value={file.caseOwner.userId}>{file.caseOwner.name}</option>
            )}
            {owners.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
          {reassign.isError ? <Alert>{errorMessage(reassign.error)}</Alert> : null}
          <Button
            variant="secondary"
            className="self-end"
            disabled={userId === file.caseOwner.userId}
            busy={reassign.isPending}
            onClick={() => reassign.mutate()}
          >
            {t("clients.handOver")}
          </Button>
        </>
      ) : (
        <p className="text-slate-800">{file.caseOwner.name}</p>
      )}
    </Card>
  );
}

function TeamCard({ file }: { file: ClientFile }) {
  const { t } = useTranslation();
  const choices = useQuery(staffChoicesQuery);
  const onUpdated = useFileUpdated(file.id);
  const current = file.team.map((m) => m.userId);
  const [team, setTeamState] = useState<string[]>(current);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the server's team after each save.
  useEffect(() => setTeamState(current), [file.updatedAt]);
  const save = useMutation({ mutationFn: () => setTeam(file.id, team), onSuccess: onUpdated });
  const candidates = (choices.data?.items ?? []).filter((m) => m.userId !== file.caseOwner.userId);
  const changed = team.length !== current.length || team.some((id) => !current.includes(id));

  if (!file.can.edit)
    return (
      <Card>
        <h2 className="mb-2 text-base font-semibold text-slate-900">{t("clients.team")}</h2>
        <p className="text-slate-800">{file.team.map((m) => m.name).join(", ") || t("clients.noTeam")}</p>
      </Card>
    );
  return (
    <Card>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("clients.team")}</legend>
        {choices.isSuccess && candidates.length === 0 ? (
          <p className="text-slate-800">{t("clients.noTeam")}</p>
        ) : null}
        {candidates.map((m) => (
          <label key={m.userId} className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4"
              checked={team.includes(m.userId)}
              onChange={(e) =>
                setTeamState((ids) =>
                  e.target.checked ? [...ids, m.userId] : ids.filter((id) => id !== m.userId),
                )
              }
            />
            {m.name} <span className="text-slate-500">· {t(`roles.${m.role}`)}</span>
          </label>
        ))}
      </fieldset>
      {save.isError ? <Alert className="mt-3">{errorMessage(save.error)}</Alert> : null}
      <div className="mt-3 flex justify-end">
        <Button variant="secondary" disabled={!changed} busy={save.isPending} onClick={() => save.mutate()}>
          {t("clients.saveTeam")}
        </Button>
      </div>
    </Card>
  );
}

function DeleteFileCard({ file }: { file: ClientFile }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => deleteClientFile(file.id),
    onSuccess: async () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: clientKeys.file(file.id) });
      await queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
      await navigate({ to: "/app/clients" });
    },
  });
  return (
    <Card className="flex flex-col gap-3 border-red-200">
      <h2 className="text-base font-semibold text-slate-900">{t("clients.deleteTitle")}</h2>
      <p className="text-sm text-slate-700">{t("clients.deleteBody")}</p>
      <Button variant="secondary" className="self-end text-red-800" onClick={() => setConfirming(true)}>
        {t("clients.deleteFile")}
      </Button>
      <Dialog open={confirming} title={t("clients.deleteTitle")} onClose={() => setConfirming(false)}>
        <p className="text-slate-800">{t("clients.deleteConfirm", { name: file.displayName })}</p>
        {remove.isError ? <Alert className="mt-3">{errorMessage(remove.error)}</Alert> : null}
        <div className="mt-4 flex justify-end gap-3">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("clients.cancel")}
          </Button>
          <Button
            className="bg-red-700 hover:bg-red-800"
            busy={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t("clients.deleteFile")}
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
