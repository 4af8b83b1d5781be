import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import {
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Path,
  type UseFormSetError,
  useForm,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../../contracts/common";
import { ApiError } from "../../ui/api";
import { applyApiError, fieldErrorText } from "../../ui/form";
import { isAmount, normalizeAmount, type RecordFormat, useRecordFormat } from "./record-format";
import { type RecordInput, type RecordKind, useRecordMutations } from "./records-api";

/**
 * Places an API error on a record form: `invalid` and `conflict` field messages under their fields
 * (`contractIds.0` under `contractIds`); returns the message for an alert when none could be placed.
 */
export function applyRecordError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | undefined {
  if (!(error instanceof ApiError)) return applyApiError(error, setError, fields);
  const details = error.details as { fields?: Array<{ field: string; message: string }> } | undefined;
  const renamed = (details?.fields ?? []).map((f) => ({ ...f, field: f.field.replace(/\.\d+$/, "") }));
  const asInvalid = new ApiError(error.status, "invalid", error.message, { fields: renamed });
  return error.code === "invalid" || (error.code === "conflict" && renamed.length > 0)
    ? applyApiError(asInvalid, setError, fields)
    : error.message;
}

/** The props every add/edit record form takes: the file, the record (null when adding), and how to close. */
export interface RecordFormProps<T> {
  fileId: string;
  record: T | null;
  onDone: () => void;
}

/**
 * The state of a record form: react-hook-form with the zod schema, saving through the records API,
 * server field errors placed under their fields and anything else in the alert. Schema, defaults and
 * body get the UI language, since amounts are typed and shown in its number format. `field(name)`
 * gives the registration and translated error a field component takes; `shell` goes to RecordFormShell.
 */
export function useRecordForm<K extends RecordKind, F extends FieldValues>({
  fileId,
  kind,
  id,
  schema: schemaFor,
  defaultValues: defaultsFor,
  toBody,
  onDone,
}: {
  fileId: string;
  kind: K;
  /** The record being edited; undefined creates a new one. */
  id: string | undefined;
  schema: (language: Language) => z.ZodType<F, F>;
  defaultValues: (format: RecordFormat) => DefaultValues<NoInfer<F>>;
  toBody: (values: F, language: Language) => RecordInput<K>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useRecordFormat();
  const { language } = format;
  const { save } = useRecordMutations(fileId, kind);
  const [alert, setAlert] = useState<string>();
  const schema = useMemo(() => schemaFor(language), [schemaFor, language]);
  const defaultValues = defaultsFor(format);
  const form = useForm<F, unknown, F>({ resolver: zodResolver(schema), defaultValues });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = form;
  // Server field errors are matched by name, and the form's fields carry the API's names; a field the
  // API does not have (a donation's donorType) simply never matches.
  const fields = Object.keys(defaultValues) as Path<F>[];

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    const body = toBody(values, language);
    try {
      await save.mutateAsync({ id, body });
      onDone();
    } catch (error) {
      setAlert(applyRecordError(error, setError, fields));
    }
  });

  const error = (name: Path<F>) =>
    fieldErrorText(t, (errors as Record<string, FieldError | undefined>)[name]);
  return {
    form,
    error,
    field: (name: Path<F>) => ({ ...register(name), error: error(name) }),
    shell: { onSubmit, alert, busy: save.isPending, onCancel: onDone },
  };
}

/** An amount typed in the form: empty allowed only when `optional`; checked as the API will. */
export function amountField(language: Language, optional: boolean) {
  return z.string().refine((value) => {
    const trimmed = value.trim();
    if (trimmed === "") return optional;
    return isAmount(normalizeAmount(trimmed, language));
  }, "records.validation.amount");
}

/** A currency code typed in the form (upper-cased before sending). */
export const currencyField = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "records.validation.currency");

/** A currency code typed in the form as the API takes it. */
export function currencyCode(value: string): string {
  return value.trim().toUpperCase();
}

/** Optional text as the API takes it: empty means none. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** A required amount typed in the form as the API takes it. */
export function amountValue(value: string, language: Language): string {
  return normalizeAmount(value.trim(), language);
}

/** An amount typed in the form as the API takes it, or null when left empty. */
export function amountOrNull(value: string, language: Language): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : normalizeAmount(trimmed, language);
}

/** The currencies offered first; any other ISO code can be typed. */
export const commonCurrencies = ["EUR", "CHF", "USD", "GBP"] as const;
