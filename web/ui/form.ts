import type { TFunction } from "i18next";
import type { FieldValues, FieldError as FormFieldError, Path, UseFormSetError } from "react-hook-form";
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
