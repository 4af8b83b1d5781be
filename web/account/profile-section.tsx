import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type Salutation, salutations } from "../../contracts/clients";
import { languages } from "../../contracts/common";
import type { Profile, ProfilePerson } from "../../contracts/profile";
import { languageNames } from "../i18n/i18n";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { applyApiError, fieldErrorText } from "../ui/form";
import { QueryView } from "../ui/query-view";
import { Select } from "../ui/select";
import { TextField } from "../ui/text-field";
import { profileQuery, useUpdateProfile, useUpdateSalutation } from "./profile-api";

const schema = z.object({
  name: z.string().trim().min(1, "validation.required").max(200, "profile.details.nameTooLong"),
  language: z.enum(languages),
});
type Values = z.infer<typeof schema>;

/** The account's own details (PORTAL-10): its name and language, and how each firm addresses it. */
export function ProfileSection() {
  const profile = useQuery(profileQuery);
  return (
    <QueryView query={profile}>
      {(data) => (
        <>
          <DetailsCard profile={data} />
          {data.persons.length > 0 ? <SalutationCard persons={data.persons} /> : null}
        </>
      )}
    </QueryView>
  );
}

function DetailsCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [alert, setAlert] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: profile.name, language: profile.language },
  });
  const submit = handleSubmit(async (values) => {
    setAlert(undefined);
    setSaved(false);
    try {
      await update.mutateAsync(values);
      setSaved(true);
    } catch (error) {
      setAlert(applyApiError(error, setError, ["name", "language"]));
    }
  });
  return (
    <Card className="flex flex-col gap-4" data-testid="profile-details">
      <h2 className="text-xl font-semibold text-slate-900">{t("profile.details.title")}</h2>
      <p className="text-base leading-relaxed text-slate-700">{t("profile.details.intro")}</p>
      {saved ? (
        <Alert tone="success">
          <p className="text-base">{t("profile.details.saved")}</p>
        </Alert>
      ) : null}
      {alert ? <Alert>{alert}</Alert> : null}
      <form noValidate onSubmit={submit} className="flex flex-col gap-4">
        <TextField
          label={t("profile.details.name")}
          hint={t("profile.details.nameHint")}
          autoComplete="name"
          error={fieldErrorText(t, errors.name)}
          {...register("name")}
        />
        <Select
          label={t("profile.details.language")}
          hint={t("profile.details.languageHint")}
          error={fieldErrorText(t, errors.language)}
          {...register("language")}
        >
          {languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageNames[language]}
            </option>
          ))}
        </Select>
        <Button type="submit" busy={update.isPending} className="w-full sm:w-auto sm:self-start">
          {t("profile.details.save")}
        </Button>
      </form>
    </Card>
  );
}

function SalutationCard({ persons }: { persons: ProfilePerson[] }) {
  const { t } = useTranslation();
  const update = useUpdateSalutation();
  const [notice, setNotice] = useState<string>();
  const choose = (person: ProfilePerson, salutation: Salutation) => {
    setNotice(undefined);
    update.mutate(
      { firmId: person.firmId, personId: person.personId, salutation },
      { onSuccess: () => setNotice(t("profile.salutation.saved", { firm: person.firmName })) },
    );
  };
  return (
    <Card className="flex flex-col gap-4" data-testid="profile-salutations">
      <h2 className="text-xl font-semibold text-slate-900">{t("profile.salutation.title")}</h2>
      <p className="text-base leading-relaxed text-slate-700">{t("profile.salutation.intro")}</p>
      {notice ? (
        <Alert tone="success">
          <p className="text-base">{notice}</p>
        </Alert>
      ) : null}
      {update.error ? <Alert>{errorMessage(update.error)}</Alert> : null}
      <ul className="flex flex-col gap-4">
        {persons.map((person) => (
          <li key={`${person.firmId}/${person.personId}`}>
            <Select
              label={t("profile.salutation.label", { firm: person.firmName, file: person.fileName })}
              value={person.salutation}
              disabled={update.isPending}
              onChange={(event) => choose(person, event.target.value as Salutation)}
            >
              {salutations.map((salutation) => (
                <option key={salutation} value={salutation}>
                  {t(`profile.salutation.${salutation}`)}
                </option>
              ))}
            </Select>
          </li>
        ))}
      </ul>
    </Card>
  );
}
