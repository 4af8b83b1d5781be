import { zodResolver } from "@hookform/resolvers/zod";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import {
  type DefaultValues,
  type FieldValues,
  type FieldError as FormFieldError,
  type Path,
  type UseFormSetError,
  useForm,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Language } from "../../contracts/common";
import { ApiError, errorMessage } from "./api";

/** Marks errors that came from the server: their message is already translated. */
const serverErrorType = "server";

/**
 * Puts an API error onto a form: each `invalid` field message under its field (the first one focused).
 * Returns the message for an alert when nothing could be placed on a field, else undefined.
 */
export function applyApiError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | undefined {
  if (!(error instanceof ApiError)) return errorMessage(error);
  let placed = 0;
  for (const { field, message } of error.fieldErrors) {
    const name = fields.find((candidate) => candidate === field);
    if (!name) continue;
    setError(name, { type: serverErrorType, message }, { shouldFocus: placed === 0 });
    placed += 1;
  }
  return placed > 0 ? undefined : error.message;
}

/** The text to show under a field: server messages as they are, client messages are catalog keys. */
export function fieldErrorText(t: TFunction, error: FormFieldError | undefined): string | undefined {
  if (!error?.message) return undefined;
  if (error.type === serverErrorType) return error.message;
  // Client-side schemas carry catalog keys, so the text follows a language switch.
  return t(error.message as never);
}

/** Places an API error on a form's fields; answers the alert's text when nothing could be placed. */
export type PlaceApiError = <T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
) => string | undefined;

/**
 * The state of a form that saves through the API: react-hook-form with a zod schema in the UI
 * language (amounts are typed in its number format), `save` on submit, then `onDone`. Server field
 * messages land under their fields — the form's fields carry the API's names, so a field the API does
 * not have simply never matches — and anything else in the alert. `field(name)` gives what a field
 * component takes; `shell` goes to the DialogForm around the fields.
 */
export function useApiForm<F extends FieldValues>({
  language,
  schema: schemaFor,
  defaultValues,
  save,
  busy,
  onDone,
  placeError = applyApiError,
}: {
  language: Language;
  schema: (language: Language) => z.ZodType<F, F>;
  defaultValues: DefaultValues<NoInfer<F>>;
  save: (values: F) => Promise<unknown>;
  /** Whether the save is running (the submit button shows it). */
  busy: boolean;
  onDone: () => void;
  placeError?: PlaceApiError;
}) {
  const { t } = useTranslation();
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
      await save(values);
      onDone();
    } catch (error) {
      setAlert(placeError(error, setError, fields));
    }
  });

  const error = (name: Path<F>) =>
    fieldErrorText(t, (errors as Record<string, FormFieldError | undefined>)[name]);
  return {
    form,
    error,
    field: (name: Path<F>) => ({ ...register(name), error: error(name) }),
    shell: { onSubmit, alert, busy, onCancel: onDone },
  };
}
