import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AccessLevel,
  accessLevels,
  defaultGrantSettings,
  type GrantProfile,
  type GrantSettings,
} from "../../../contracts/grants";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Badge, Card } from "../../ui/card";
import { QueryView } from "../../ui/query-view";
import { Select } from "../../ui/select";
import { TextField } from "../../ui/text-field";
import { staffChoicesQuery } from "../clients/clients-api";
import { ConfirmDeleteDialog } from "../records/record-dialog";
import { ChoiceOptions } from "../records/record-inputs";
import { documentCategoriesQuery, linesOfBusinessQuery } from "../settings/settings-api";
import { grantProfilesQuery, useProfileMutations } from "./access-api";
import { GrantFeaturesSection } from "./grant-features-section";
import { type FieldErrors, GrantSharingSection } from "./grant-sharing-section";

/** `/app/settings/grant-profiles`: the templates new grants start from (GRANT-10), for administrators. */
export function GrantProfilesPage() {
  const { t } = useTranslation();
  const profiles = useQuery(grantProfilesQuery);
  const [editing, setEditing] = useState<GrantProfile | "new" | null>(null);
  const [removing, setRemoving] = useState<GrantProfile | null>(null);
  const { remove } = useProfileMutations();

  if (editing !== null)
    return (
      <ProfileEditor
        key={editing === "new" ? "new" : editing.id}
        profile={editing === "new" ? null : editing}
        onDone={() => setEditing(null)}
      />
    );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-xl font-semibold text-slate-900">{t("access.profiles.title")}</h2>
          <p className="text-sm text-slate-600">{t("access.profiles.intro")}</p>
        </div>
        <Button onClick={() => setEditing("new")}>{t("access.profiles.add")}</Button>
      </div>
      <QueryView query={profiles}>
        {(items) => (
          <ul className="flex flex-col gap-2">
            {items.map((profile) => (
              <li key={profile.id}>
                <Card className="flex flex-wrap items-center justify-between gap-3 p-4 sm:p-4">
                  <div className="flex min-w-0 flex-col gap-1">
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{profile.name}</span>
                      {profile.isDefault ? <Badge>{t("access.profiles.starting")}</Badge> : null}
                    </span>
                    <span className="text-sm text-slate-600">
                      {[
                        t(`access.level.${profile.defaultAccess}`),
                        t(`access.view.${profile.settings.view}`),
                        t(`access.contractMode.${profile.settings.contractMode}`),
                      ].join(" · ")}
                    </span>
                  </div>
                  <div className="flex gap-2">
                    <Button variant="secondary" size="sm" onClick={() => setEditing(profile)}>
                      {t("records.common.edit")}
                      <span className="sr-only"> {profile.name}</span>
                    </Button>
                    {profile.isDefault ? null : (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-800"
                        onClick={() => setRemoving(profile)}
                      >
                        {t("records.common.delete")}
                        <span className="sr-only"> {profile.name}</span>
                      </Button>
                    )}
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <ConfirmDeleteDialog
        open={removing !== null}
        message={t("access.profiles.deleteConfirm", { name: removing?.name ?? "" })}
        onConfirm={() => (removing ? remove.mutateAsync(removing.id) : Promise.resolve())}
        onClose={() => setRemoving(null)}
      />
    </div>
  );
}

/** Adds or changes one profile: name, default access, what is shared, features and presentation. */
function ProfileEditor({ profile, onDone }: { profile: GrantProfile | null; onDone: () => void }) {
  const { t } = useTranslation();
  const lines = useQuery(linesOfBusinessQuery);
  const categories = useQuery(documentCategoriesQuery);
  const staff = useQuery(staffChoicesQuery);
  const { create, update } = useProfileMutations();
  const [name, setName] = useState(profile?.name ?? "");
  const [defaultAccess, setDefaultAccess] = useState<AccessLevel>(profile?.defaultAccess ?? "read");
  const [settings, setSettings] = useState<GrantSettings>(profile?.settings ?? defaultGrantSettings);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const busy = create.isPending || update.isPending;
  const change = (patch: Partial<GrantSettings>) => setSettings((s) => ({ ...s, ...patch }));

  const submit = async () => {
    setFailure(undefined);
    if (name.trim() === "") {
      setErrors({ name: t("validation.required") });
      document.getElementById("profile-name")?.focus();
      return;
    }
    setErrors({});
    const body = { name: name.trim(), defaultAccess, settings };
    try {
      if (profile) await update.mutateAsync({ id: profile.id, body });
      else await create.mutateAsync(body);
      onDone();
    } catch (error) {
      const fields: FieldErrors = {};
      if (error instanceof ApiError)
        for (const f of error.fieldErrors) fields[f.field.replace(/\.\d+$/, "")] ??= f.message;
      setErrors(fields);
      setFailure(errorMessage(error));
    }
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 className="text-xl font-semibold text-slate-900">
        {profile ? t("access.profiles.editTitle", { name: profile.name }) : t("access.profiles.newTitle")}
      </h2>
      <Card className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="profile-name"
          label={t("access.profiles.name")}
          value={name}
          maxLength={200}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <Select
          label={t("access.profiles.defaultAccess")}
          hint={t("access.profiles.defaultAccessHint")}
          error={errors.defaultAccess}
          value={defaultAccess}
          onChange={(event) => setDefaultAccess(event.target.value as AccessLevel)}
        >
          <ChoiceOptions values={accessLevels} labelOf={(level) => t(`access.level.${level}`)} />
        </Select>
      </Card>
      <GrantSharingSection
        settings={settings}
        onChange={change}
        errors={errors}
        lines={lines.data ?? []}
        documentCategories={categories.data ?? []}
      />
      <GrantFeaturesSection
        settings={settings}
        onChange={change}
        errors={errors}
        staff={staff.data?.items ?? []}
      />
      {failure ? <Alert>{failure}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone}>
          {t("records.common.cancel")}
        </Button>
        <Button type="submit" busy={busy}>
          {busy ? t("records.common.saving") : t("records.common.save")}
        </Button>
      </div>
    </form>
  );
}
