import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { FileAccessView, Grantee, RecordKind } from "../../../contracts/grants";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { IconButton } from "../../ui/icon-button";
import { QueryView } from "../../ui/query-view";
import { Select } from "../../ui/select";
import { RecordDialog } from "../records/record-dialog";
import { explainQuery, fileAccessQuery } from "./access-api";
import { useExplainSentences } from "./explain-steps";

// An eye: the outline and its pupil, as one path.
const eyePath =
  "M2.5 12s3.5-6.5 9.5-6.5S21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z M9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0";

/**
 * "Why can X see this?": a small button on a record's row opening a dialog where one chooses a
 * grantee of the file and reads whether they see the record in the portal, and why, step by step.
 */
export function ExplainButton({
  fileId,
  kind,
  recordId,
  name,
}: {
  fileId: string;
  kind: RecordKind;
  recordId: string;
  /** How the record is named in the button's label and the dialog's title. */
  name: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The dialog element exists only once asked for: a long table does not carry one per row.
  const [mounted, setMounted] = useState(false);
  const label = t("access.explain.open", { name });
  return (
    <>
      <IconButton
        label={label}
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
        path={eyePath}
      />
      {/* Portalled to <body>: inside a table cell it would inherit right alignment and no-wrap. */}
      {mounted
        ? createPortal(
            <RecordDialog
              open={open}
              title={t("access.explain.title", { name })}
              onClose={() => setOpen(false)}
            >
              <ExplainPanel fileId={fileId} kind={kind} recordId={recordId} />
              <div className="flex justify-end border-t border-slate-200 pt-4">
                <Button variant="secondary" onClick={() => setOpen(false)}>
                  {t("access.common.close")}
                </Button>
              </div>
            </RecordDialog>,
            document.body,
          )
        : null}
    </>
  );
}

/** Every grantee reaching the file, through any grant touching it. */
function allGranteesOf(view: FileAccessView): Grantee[] {
  return [
    ...view.persons.flatMap((p) => p.grantees),
    ...view.externalAdvisors.flatMap((p) => p.grantees),
    ...view.outsiders,
    ...view.fromOtherFiles,
  ];
}

/**
 * Every grantee reaching the file through a grant the staff member can open, by name (explain asks
 * the grant, which answers 404 for a grant bundling a file they may not read).
 */
export function granteesOfFile(view: FileAccessView): Grantee[] {
  const openable = new Set(view.grants.filter((g) => g.canOpen).map((g) => g.id));
  return allGranteesOf(view)
    .filter((g) => openable.has(g.grantId))
    .sort((a, b) => a.name.localeCompare(b.name) || a.grantName.localeCompare(b.grantName));
}

function ExplainPanel({ fileId, kind, recordId }: { fileId: string; kind: RecordKind; recordId: string }) {
  const { t } = useTranslation();
  const access = useQuery(fileAccessQuery(fileId));
  const [chosen, setChosen] = useState("");
  return (
    <QueryView query={access}>
      {(view) => {
        const grantees = granteesOfFile(view);
        const unexplained = allGranteesOf(view).length - grantees.length;
        const note =
          unexplained > 0 ? (
            <p className="text-sm text-slate-600">
              {t("access.explain.notExplainable", { count: unexplained })}
            </p>
          ) : null;
        if (grantees.length === 0)
          return (
            <Alert tone="info">
              {unexplained > 0
                ? t("access.explain.notExplainable", { count: unexplained })
                : t("access.explain.nobody")}
            </Alert>
          );
        const granteeId = grantees.some((g) => g.id === chosen) ? chosen : (grantees[0]?.id ?? "");
        return (
          <div className="flex flex-col gap-4">
            <Select
              label={t("access.explain.chooseGrantee")}
              value={granteeId}
              onChange={(event) => setChosen(event.target.value)}
            >
              {grantees.map((g) => (
                <option key={g.id} value={g.id}>
                  {t("access.explain.granteeOption", {
                    name: g.name,
                    grant: g.grantName,
                    status: t(`access.status.${g.status}`),
                  })}
                </option>
              ))}
            </Select>
            {note}
            <ExplainResult granteeId={granteeId} kind={kind} recordId={recordId} />
          </div>
        );
      }}
    </QueryView>
  );
}

function ExplainResult({
  granteeId,
  kind,
  recordId,
}: {
  granteeId: string;
  kind: RecordKind;
  recordId: string;
}) {
  const { t } = useTranslation();
  const explain = useQuery(explainQuery(granteeId, kind, recordId));
  const sentence = useExplainSentences();
  return (
    <QueryView query={explain}>
      {(answer) => {
        const who = answer.grantee.name;
        const grant = answer.grant.name;
        return (
          <div className="flex flex-col gap-3" aria-live="polite">
            <Alert tone={answer.visible ? "success" : "info"}>
              <p className="font-semibold">
                {answer.visible
                  ? t("access.explain.visible", { name: who, grant })
                  : t("access.explain.hidden", { name: who, grant })}
              </p>
              {!answer.visible && answer.sharedByGrant ? (
                <p className="mt-1">
                  {t("access.explain.sharedButStatus", { status: t(`access.statusWord.${answer.status}`) })}
                </p>
              ) : null}
            </Alert>
            <h3 className="text-sm font-semibold text-slate-900">{t("access.explain.stepsHeading")}</h3>
            <ol className="flex flex-col gap-2">
              {answer.steps.map((step, index) => (
                <li
                  // Steps are a fixed sequence per answer; a rule can repeat (an address's contracts).
                  // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity here
                  key={index}
                  className={cn(
                    "flex items-start gap-2 rounded-lg border px-3 py-2 text-sm",
                    step.passed
                      ? "border-emerald-200 bg-emerald-50/60 text-emerald-950"
                      : "border-red-200 bg-red-50/60 text-red-950",
                  )}
                >
                  <span aria-hidden="true" className="font-bold">
                    {step.passed ? "✓" : "✗"}
                  </span>
                  <span>
                    <span className="sr-only">
                      {step.passed ? t("access.explain.passed") : t("access.explain.failed")}:{" "}
                    </span>
                    {sentence(step, who, grant)}
                  </span>
                </li>
              ))}
            </ol>
            <p className="text-sm text-slate-600">{t("access.explain.onlyThisGrant", { grant })}</p>
          </div>
        );
      }}
    </QueryView>
  );
}
