import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Badge, Card } from "../../ui/card";
import { TextField } from "../../ui/text-field";

/** One entry of a firm list: its identifying code (or key), its name and whether it is offered. */
export interface ListEntry {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/** The words of one list page. */
export interface ListWords {
  title: string;
  intro: string;
  codeLabel: string;
  codeHint: string;
  /** The API's name of the code field ("code", "key"), to show its errors under it. */
  codeField: string;
  nameLabel: string;
  addTitle: string;
  empty: string;
}

interface EntryForm {
  code: string;
  name: string;
}

/**
 * An editable firm list: add an entry, rename it (and change its code when `codeEditable`), deactivate
 * or reactivate it. Nothing is deleted: entries are in use by contracts and documents.
 */
export function EditableList({
  words,
  entries,
  codeEditable,
  onCreate,
  onUpdate,
}: {
  words: ListWords;
  entries: ListEntry[];
  codeEditable: boolean;
  onCreate: (values: EntryForm) => Promise<unknown>;
  onUpdate: (id: string, values: Partial<EntryForm> & { active?: boolean }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string>();
  const [alert, setAlert] = useState<string>();

  const toggle = async (entry: ListEntry) => {
    setAlert(undefined);
    try {
      await onUpdate(entry.id, { active: !entry.active });
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <h2 className="text-lg font-semibold text-slate-900">{words.title}</h2>
        <p className="mt-1 text-sm text-slate-600">{words.intro}</p>
        {alert ? <Alert className="mt-4">{alert}</Alert> : null}
        {entries.length === 0 ? (
          <p className="mt-6 text-sm text-slate-600">{words.empty}</p>
        ) : (
          <ul className="mt-6 divide-y divide-slate-200 border-y border-slate-200">
            {entries.map((entry) =>
              editing === entry.id ? (
                <li key={entry.id} className="py-4">
                  <EntryEditor
                    words={words}
                    entry={entry}
                    codeEditable={codeEditable}
                    onSave={async (values) => {
                      await onUpdate(entry.id, values);
                      setEditing(undefined);
                    }}
                    onCancel={() => setEditing(undefined)}
                  />
                </li>
              ) : (
                <li key={entry.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
                  <span className="w-28 shrink-0 font-mono text-sm text-slate-700">{entry.code}</span>
                  <span
                    className={entry.active ? "flex-1 text-slate-900" : "flex-1 text-slate-500 line-through"}
                  >
                    {entry.name}
                  </span>
                  {entry.active ? null : <Badge>{t("settings.list.inactive")}</Badge>}
                  <span className="flex gap-2">
                    <Button size="sm" variant="secondary" onClick={() => setEditing(entry.id)}>
                      {t("settings.list.edit")}
                      <span className="sr-only">: {entry.name}</span>
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => void toggle(entry)}>
                      {entry.active ? t("settings.list.deactivate") : t("settings.list.activate")}
                      <span className="sr-only">: {entry.name}</span>
                    </Button>
                  </span>
                </li>
              ),
            )}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold text-slate-900">{words.addTitle}</h2>
        <EntryEditor words={words} codeEditable onSave={onCreate} resetAfterSave />
      </Card>
    </div>
  );
}

function EntryEditor({
  words,
  entry,
  codeEditable,
  onSave,
  onCancel,
  resetAfterSave = false,
}: {
  words: ListWords;
  entry?: ListEntry;
  codeEditable: boolean;
  onSave: (values: EntryForm) => Promise<unknown>;
  onCancel?: () => void;
  resetAfterSave?: boolean;
}) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<EntryForm>({ defaultValues: { code: entry?.code ?? "", name: entry?.name ?? "" } });

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    const name = values.name.trim();
    if (!name) {
      setError("name", { type: "server", message: t("validation.required") }, { shouldFocus: true });
      return;
    }
    try {
      await onSave(codeEditable ? { code: values.code.trim(), name } : { code: entry?.code ?? "", name });
      if (resetAfterSave) reset({ code: "", name: "" });
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? detailFields(error) : [];
      // 409 "code taken" carries its field too, so it lands under the field like a validation error.
      const placed = fieldErrors.filter((f) => f.field === words.codeField || f.field === "name");
      placed.forEach((f, i) => {
        const name = f.field === "name" ? "name" : "code";
        setError(name, { type: "server", message: f.message }, { shouldFocus: i === 0 });
      });
      if (placed.length === 0) setAlert(errorMessage(error));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="mt-4 flex flex-col gap-4">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <TextField
          label={words.codeLabel}
          hint={codeEditable ? words.codeHint : undefined}
          readOnly={!codeEditable}
          autoCapitalize="none"
          spellCheck={false}
          error={errors.code?.message}
          {...register("code")}
        />
        <TextField label={words.nameLabel} error={errors.name?.message} {...register("name")} />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t("settings.cancel")}
          </Button>
        ) : null}
        <Button type="submit" busy={isSubmitting}>
          {entry ? t("settings.save") : t("settings.list.add")}
        </Button>
      </div>
    </form>
  );
}

/** Field messages of any API error (`fieldErrors` only reads them for `invalid`; a 409 names its field too). */
function detailFields(error: ApiError): Array<{ field: string; message: string }> {
  const details = error.details as { fields?: unknown } | undefined;
  if (!details || !Array.isArray(details.fields)) return [];
  return details.fields.filter(
    (f): f is { field: string; message: string } =>
      typeof f === "object" && f !== null && typeof f.field === "string" && typeof f.message === "string",
  );
}
