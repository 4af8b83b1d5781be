import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { type DefaultValues, type FieldError, type FieldValues, type Path, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Language } from "../../contracts/common";
import { useUiLanguage } from "../i18n/use-ui-language";
import { applyApiError, fieldErrorText } from "../ui/form";
import { usePortalFile } from "./file-context";
import { type PortalChange, usePortalChange } from "./portal-api";

/**
 * The state of a portal edit form (PORTAL-8): react-hook-form with a zod schema, saved as one change
 * to the open file. Server field messages land under their fields (the form's fields carry the API's
 * names); anything else — a 403 naming why the change is not allowed — goes to the form's alert.
 */
export function usePortalForm<F extends FieldValues>({
  schema: schemaFor,
  defaultValues,
  toChange,
  onDone,
}: {
  /** The schema in the UI language, since amounts are typed in its number format. */
  schema: (language: Language) => z.ZodType<F, F>;
  defaultValues: DefaultValues<NoInfer<F>>;
  toChange: (values: F, language: Language) => PortalChange;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { firmId, fileId } = usePortalFile();
  const change = usePortalChange(firmId, fileId);
  const [alert, setAlert] = useState<string>();
  const schema = useMemo(() => schemaFor(language), [schemaFor, language]);
  const form = useForm<F, unknown, F>({ resolver: zodResolver(schema), defaultValues });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = form;
  const fields = Object.keys(defaultValues) as Path<F>[];

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    try {
      await change.mutateAsync(toChange(values, language));
      onDone();
    } catch (error) {
      setAlert(applyApiError(error, setError, fields));
    }
  });

  const error = (name: Path<F>) =>
    fieldErrorText(t, (errors as Record<string, FieldError | undefined>)[name]);
  return {
    form,
    error,
    field: (name: Path<F>) => ({ ...register(name), error: error(name) }),
    shell: { onSubmit, alert, busy: change.isPending, onCancel: onDone },
  };
}

/** Which entry a page is editing ("new" when adding), or null when its dialog is closed. */
export function useEditing<T>() {
  const [editing, setEditing] = useState<T | "new" | null>(null);
  return {
    editing,
    record: editing === "new" ? null : editing,
    open: editing !== null,
    openNew: () => setEditing("new"),
    openEdit: (record: T) => setEditing(record),
    close: () => setEditing(null),
  };
}
