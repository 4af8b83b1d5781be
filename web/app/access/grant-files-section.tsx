import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GrantFile } from "../../../contracts/grants";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/text-field";
import { searchClientFiles } from "./access-api";
import { EditorSection } from "./editor-section";

/**
 * Area 1 of the grant editor: the client files the grant bundles (a family's files, a person and her
 * company). Files are added by searching the client list and removed with their button; a file whose
 * persons still have access cannot be removed, and the server's reason shows here. Read-only (the
 * staff member may not manage the grant): the files only, without search or remove buttons.
 */
export function GrantFilesSection({
  files,
  readOnly = false,
  error,
  onAdd,
  onRemove,
}: {
  files: readonly GrantFile[];
  readOnly?: boolean;
  error?: string;
  onAdd: (file: GrantFile) => void;
  onRemove: (fileId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <EditorSection
      id="grant-files"
      title={t("access.editor.filesTitle")}
      intro={t("access.editor.filesIntro")}
    >
      {error ? <Alert>{error}</Alert> : null}
      <ul className="flex flex-col gap-2">
        {files.map((file) => (
          <li
            key={file.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2"
          >
            <span className="min-w-0">
              <Link
                to="/app/clients/$fileId"
                params={{ fileId: file.id }}
                className="font-medium text-brand-800 underline-offset-2 hover:underline"
              >
                {file.displayName}
              </Link>
              <span className="ml-2 text-sm text-slate-600 tabular-nums">
                {file.number} · {t(`clients.kind.${file.kind}`)}
              </span>
            </span>
            {readOnly ? null : (
              <Button
                variant="ghost"
                size="sm"
                disabled={files.length === 1}
                title={files.length === 1 ? t("access.editor.lastFile") : undefined}
                onClick={() => onRemove(file.id)}
              >
                {t("access.editor.removeFile")}
                <span className="sr-only"> {file.displayName}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : <FileSearch exclude={files.map((f) => f.id)} onAdd={onAdd} />}
    </EditorSection>
  );
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Searches the firm's client list (name, number, email) and offers each match to add. */
function FileSearch({ exclude, onAdd }: { exclude: readonly string[]; onAdd: (file: GrantFile) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  // The added file's button disappears with the results: focus returns to the search.
  const input = useRef<HTMLInputElement>(null);
  const q = useDebounced(text.trim(), 250);
  const results = useQuery({
    queryKey: ["access", "file-search", q],
    queryFn: ({ signal }) => searchClientFiles(q, signal),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
  const matches = (results.data?.items ?? []).filter((f) => !exclude.includes(f.id));
  return (
    <div className="flex flex-col gap-2">
      <TextField
        ref={input}
        type="search"
        label={t("access.editor.addFile")}
        hint={t("access.editor.addFileHint")}
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
      />
      <p className="sr-only" aria-live="polite">
        {q.length >= 2 && results.isSuccess ? t("access.editor.matches", { count: matches.length }) : ""}
      </p>
      {results.isError ? <Alert>{t("access.editor.searchFailed")}</Alert> : null}
      {q.length >= 2 && results.isSuccess && matches.length === 0 ? (
        <p className="text-sm text-slate-600">{t("access.editor.noMatches")}</p>
      ) : null}
      {matches.length > 0 && q.length >= 2 ? (
        <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200">
          {matches.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-1.5">
              <span className="min-w-0 text-sm">
                <span className="font-medium text-slate-900">{file.displayName}</span>
                <span className="ml-2 text-slate-600 tabular-nums">
                  {file.number} · {t(`clients.kind.${file.kind}`)}
                </span>
              </span>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  onAdd({ id: file.id, number: file.number, displayName: file.displayName, kind: file.kind });
                  setText("");
                  input.current?.focus();
                }}
              >
                {t("access.editor.add")}
                <span className="sr-only"> {file.displayName}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
