import { useState } from "react";
import type { DefaultValues, FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { Language } from "../../contracts/common";
import { useUiLanguage } from "../i18n/use-ui-language";
import { useApiForm } from "../ui/form";
import { usePortalFile } from "./file-context";
import { type PortalChange, usePortalChange } from "./portal-api";

/**
 * The state of a portal edit form (PORTAL-8, useApiForm), saved as one change to the open file. A
 * refusal the fields cannot show — a 403 naming why the change is not allowed — goes to the alert.
 */
export function usePortalForm<F extends FieldValues>({
  schema,
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
  const language = useUiLanguage();
  const { firmId, fileId } = usePortalFile();
  const change = usePortalChange(firmId, fileId);
  return useApiForm({
    language,
    schema,
    defaultValues,
    save: (values) => change.mutateAsync(toChange(values, language)),
    busy: change.isPending,
    onDone,
  });
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
