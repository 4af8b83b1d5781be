import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type FirmMailServer, type MailServerTestResult, smtpSecurities } from "../../../contracts/mail";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { Select } from "../../ui/select";
import { PasswordField, TextField } from "../../ui/text-field";
import { firmMailServerQuery, useMailServerMutations } from "./mail-server-api";

const serverFormSchema = z.object({
  host: z.string().trim().min(1, "settings.mailServer.hostRequired"),
  port: z.coerce
    .number<string>({ error: "settings.mailServer.portInvalid" })
    .int("settings.mailServer.portInvalid")
    .min(1, "settings.mailServer.portInvalid")
    .max(65535, "settings.mailServer.portInvalid"),
  security: z.enum(smtpSecurities),
  user: z.string().trim(),
  // Empty keeps the stored password: it is never sent back to the browser.
  password: z.string(),
  fromAddress: z.string().trim().pipe(z.email("validation.email")),
});
type ServerFormInput = z.input<typeof serverFormSchema>;
type ServerForm = z.output<typeof serverFormSchema>;
const fields = Object.keys(serverFormSchema.shape) as (keyof ServerForm)[];

function toForm(server: FirmMailServer): ServerFormInput {
  return {
    host: server.host ?? "",
    port: String(server.port ?? 587),
    security: server.security ?? "starttls",
    user: server.user ?? "",
    password: "",
    fromAddress: server.fromAddress ?? "",
  };
}

/** `/app/settings/mail-server`: the firm's own SMTP server (FIRM-3), optional, with a test mail. */
export function MailServerPage() {
  const server = useQuery(firmMailServerQuery);
  if (server.isPending) return <Loading />;
  if (server.isError) return <LoadError heading="h2" error={server.error} onRetry={() => server.refetch()} />;
  return (
    <div className="flex flex-col gap-6">
      <MailServerFormCard server={server.data} />
      <TestMailCard configured={server.data.configured} />
    </div>
  );
}

function MailServerFormCard({ server }: { server: FirmMailServer }) {
  const { t } = useTranslation();
  const { save, remove } = useMailServerMutations();
  const [alert, setAlert] = useState<string>();
  const [saved, setSaved] = useState<"saved" | "removed">();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<ServerFormInput, unknown, ServerForm>({
    resolver: zodResolver(serverFormSchema),
    defaultValues: toForm(server),
  });
  useEffect(() => reset(toForm(server)), [server, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    setSaved(undefined);
    try {
      await save.mutateAsync({
        host: values.host,
        port: values.port,
        security: values.security,
        user: values.user || null,
        ...(values.password ? { password: values.password } : {}),
        fromAddress: values.fromAddress,
      });
      setSaved("saved");
    } catch (error) {
      setAlert(applyApiError(error, setError, fields));
    }
  });

  const onRemove = async () => {
    setAlert(undefined);
    setSaved(undefined);
    try {
      await remove.mutateAsync();
      setSaved("removed");
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };

  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">{t("settings.mailServer.title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("settings.mailServer.intro")}</p>
      <p data-testid="mail-server-state" className="mt-3 text-sm font-medium text-slate-800">
        {server.configured
          ? t("settings.mailServer.usingOwn", { host: server.host })
          : t("settings.mailServer.usingInstallation")}
      </p>
      <form noValidate onSubmit={onSubmit} className="mt-6 flex flex-col gap-6">
        {alert ? <Alert>{alert}</Alert> : null}
        {saved && !isDirty ? (
          <Alert tone="success">
            {saved === "removed" ? t("settings.mailServer.removed") : t("settings.saved")}
          </Alert>
        ) : null}
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={t("settings.mailServer.host")}
            hint={t("settings.mailServer.hostHint")}
            autoCapitalize="none"
            error={fieldErrorText(t, errors.host)}
            {...register("host")}
          />
          <TextField
            label={t("settings.mailServer.port")}
            type="number"
            min={1}
            max={65535}
            inputMode="numeric"
            error={fieldErrorText(t, errors.port)}
            {...register("port")}
          />
          <Select
            label={t("settings.mailServer.security")}
            error={fieldErrorText(t, errors.security)}
            {...register("security")}
          >
            {smtpSecurities.map((value) => (
              <option key={value} value={value}>
                {t(`settings.mailServer.securities.${value}`)}
              </option>
            ))}
          </Select>
          <TextField
            label={t("settings.mailServer.fromAddress")}
            hint={t("settings.mailServer.fromAddressHint")}
            type="email"
            inputMode="email"
            error={fieldErrorText(t, errors.fromAddress)}
            {...register("fromAddress")}
          />
          <TextField
            label={t("settings.mailServer.user")}
            autoCapitalize="none"
            autoComplete="off"
            error={fieldErrorText(t, errors.user)}
            {...register("user")}
          />
          <PasswordField
            label={t("settings.mailServer.password")}
            hint={
              server.passwordSet
                ? t("settings.mailServer.passwordSetHint")
                : t("settings.mailServer.passwordNotSetHint")
            }
            autoComplete="new-password"
            error={fieldErrorText(t, errors.password)}
            {...register("password")}
          />
        </div>
        <div className="flex flex-wrap justify-end gap-3">
          {server.configured ? (
            <Button type="button" variant="secondary" busy={remove.isPending} onClick={onRemove}>
              {t("settings.mailServer.remove")}
            </Button>
          ) : null}
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t("settings.saving") : t("settings.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function TestMailCard({ configured }: { configured: boolean }) {
  const { t } = useTranslation();
  const { test } = useMailServerMutations();
  const [to, setTo] = useState("");
  const [result, setResult] = useState<MailServerTestResult>();
  const [alert, setAlert] = useState<string>();

  const onTest = async () => {
    setAlert(undefined);
    setResult(undefined);
    try {
      setResult(await test.mutateAsync(to.trim()));
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };

  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">{t("settings.mailServer.testTitle")}</h2>
      <p className="mt-1 text-sm text-slate-600">
        {configured ? t("settings.mailServer.testIntroOwn") : t("settings.mailServer.testIntroInstallation")}
      </p>
      <div className="mt-4 flex flex-col gap-4">
        {alert ? <Alert>{alert}</Alert> : null}
        {result ? (
          <Alert tone={result.ok ? "success" : "error"}>
            <span data-testid="mail-test-result" className="block">
              {result.ok
                ? t("settings.mailServer.testAccepted", { to: result.to })
                : t(`settings.mailServer.problems.${result.problem ?? "unknown"}`)}
            </span>
            <span className="mt-1 block break-words text-sm">
              {t("settings.mailServer.serverAnswer", { answer: result.smtpResponse })}
            </span>
          </Alert>
        ) : null}
        <TextField
          label={t("settings.mailServer.testTo")}
          hint={t("settings.mailServer.testToHint")}
          type="email"
          inputMode="email"
          value={to}
          onChange={(event) => setTo(event.target.value)}
        />
        <div className="flex justify-end">
          <Button type="button" busy={test.isPending} onClick={onTest}>
            {test.isPending ? t("settings.mailServer.testing") : t("settings.mailServer.test")}
          </Button>
        </div>
      </div>
    </Card>
  );
}
