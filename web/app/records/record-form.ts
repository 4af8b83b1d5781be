import type { DefaultValues, FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import type { Language } from "../../../contracts/common";
import { ApiError } from "../../ui/api";
import { applyApiError, useApiForm } from "../../ui/form";
import { type RecordFormat, useRecordFormat } from "./record-format";
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
 * The state of a record form (useApiForm), saving through the records API. Defaults and body get the
 * UI's formats and language, since amounts are typed and shown in its number format.
 */
export function useRecordForm<K extends RecordKind, F extends FieldValues>({
  fileId,
  kind,
  id,
  schema,
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
  const format = useRecordFormat();
  const { save } = useRecordMutations(fileId, kind);
  return useApiForm({
    language: format.language,
    schema,
    defaultValues: defaultsFor(format),
    save: (values) => save.mutateAsync({ id, body: toBody(values, format.language) }),
    busy: save.isPending,
    onDone,
    placeError: applyRecordError,
  });
}
