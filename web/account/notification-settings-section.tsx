import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type {
  NotificationSettings,
  NotificationTopic,
  NotificationTopicSetting,
} from "../../contracts/notifications";
import { CheckboxField, CheckboxGroup } from "../app/access/checkbox-field";
import { Alert } from "../ui/alert";
import { errorMessage } from "../ui/api";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { QueryView } from "../ui/query-view";
import { notificationSettingsQuery, useUpdateNotificationSettings } from "./notification-settings-api";

type Values = Partial<Record<NotificationTopic, boolean>>;

/** The account's notification mails (CASE-2): which topics it gets by email, bundled at most hourly. */
export function NotificationSettingsSection() {
  const settings = useQuery(notificationSettingsQuery);
  return <QueryView query={settings}>{(data) => <SettingsForm settings={data} />}</QueryView>;
}

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const update = useUpdateNotificationSettings();
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string>();
  const initial = Object.fromEntries(settings.topics.map((s) => [s.topic, s.email])) as Values;
  const { register, handleSubmit, reset } = useForm<Values>({ defaultValues: initial });

  // On failure the boxes keep what was ticked: nothing is reset until the server took it.
  const submit = handleSubmit(async (values) => {
    setSaved(false);
    setFailure(undefined);
    try {
      const next = await update.mutateAsync({ email: values });
      reset(Object.fromEntries(next.topics.map((s) => [s.topic, s.email])) as Values);
      setSaved(true);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  });

  const portal = settings.topics.filter((s) => s.audience === "portal");
  const staff = settings.topics.filter((s) => s.audience === "staff");
  const group = (legend: string, topics: NotificationTopicSetting[]) =>
    topics.length > 0 ? (
      <CheckboxGroup legend={legend} columns={1}>
        {topics.map((s) => (
          <CheckboxField
            key={s.topic}
            label={<span className="text-base">{t(`notifications.topic.${s.topic}.label`)}</span>}
            hint={t(`notifications.topic.${s.topic}.hint`)}
            {...register(s.topic)}
          />
        ))}
      </CheckboxGroup>
    ) : null;

  return (
    <Card className="flex flex-col gap-4" data-testid="notification-settings">
      <h2 className="text-xl font-semibold text-slate-900">{t("notifications.title")}</h2>
      <p className="text-base leading-relaxed text-slate-700">
        {t("notifications.intro", { minutes: settings.digestIntervalMinutes })}
      </p>
      {saved ? (
        <Alert tone="success">
          <p className="text-base">{t("notifications.saved")}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert>
          <p className="text-base">{failure}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="flex flex-col gap-4">
        {group(t("notifications.portalLegend"), portal)}
        {group(t("notifications.staffLegend"), staff)}
        {portal.length > 0 ? (
          <p className="text-sm leading-relaxed text-slate-600">{t("notifications.roleHint")}</p>
        ) : null}
        <Button type="submit" busy={update.isPending} className="w-full sm:w-auto sm:self-start">
          {t("notifications.save")}
        </Button>
      </form>
    </Card>
  );
}
