import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import type { BulkInvitationPlan, BulkInvitationRun } from "../../../contracts/bulk-invitations";
import type { DocumentCategory } from "../../../contracts/settings";
import { languageNames } from "../../i18n/i18n";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { accessKeys } from "../access/access-api";
import { type BulkOptionsDraft, bulkRunQuery } from "./bulk-invite-api";
import { StepButtons, StepSection, SummaryLine } from "./bulk-invite-parts";

/**
 * Step 3 before sending: how many invitations go out and with which options, then "Send invitations".
 * Files not ready (already invited, no address, …) are skipped and named in the summary at the end.
 */
export function SendStep({
  plan,
  draft,
  categories,
  sharedEmails,
  alert,
  busy,
  onBack,
  onSend,
}: {
  plan: BulkInvitationPlan;
  draft: BulkOptionsDraft;
  categories: DocumentCategory[];
  sharedEmails: "bundle" | "separate";
  alert: string | undefined;
  busy: boolean;
  onBack: () => void;
  onSend: () => void;
}) {
  const { t } = useTranslation();
  const k = "clients.bulkInvite.send";
  const skipped = plan.files - plan.ready;
  const chosen = categories.filter((c) => draft.categoryIds.includes(c.id)).map((c) => c.name);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSend();
  };
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5">
      {alert ? <Alert>{alert}</Alert> : null}
      <StepSection title={t(`${k}.title`)}>
        <p data-testid="send-ready" className="text-slate-900">
          {t(`${k}.ready`, { count: plan.ready })}
        </p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("clients.bulkInvite.documents")}</dt>
          <dd className="break-words text-slate-900">
            {draft.documents === "all"
              ? t("clients.bulkInvite.documentsAll")
              : chosen.length > 0
                ? chosen.join(", ")
                : t(`${k}.noCategory`)}
          </dd>
          <dt className="text-slate-600">{t("clients.bulkInvite.salutation")}</dt>
          <dd className="text-slate-900">
            {draft.salutation
              ? t(`clients.bulkInvite.salutationOption.${draft.salutation}`)
              : t("clients.bulkInvite.eachOwnSalutation")}
          </dd>
          <dt className="text-slate-600">{t("clients.bulkInvite.language")}</dt>
          <dd className="text-slate-900">
            {draft.language ? languageNames[draft.language] : t("clients.bulkInvite.eachOwnLanguage")}
          </dd>
          {plan.sharedEmails.length > 0 ? (
            <>
              <dt className="text-slate-600">{t("clients.bulkInvite.sharedChoice")}</dt>
              <dd className="text-slate-900">
                {sharedEmails === "bundle"
                  ? t("clients.bulkInvite.sharedBundle")
                  : t("clients.bulkInvite.sharedSeparate")}
              </dd>
            </>
          ) : null}
        </dl>
        {skipped > 0 ? (
          <p className="text-sm text-slate-700">{t(`${k}.skipped`, { count: skipped })}</p>
        ) : null}
        <p className="text-sm text-slate-700">{t(`${k}.noticeHint`)}</p>
      </StepSection>
      <StepButtons
        secondary={{ label: t("clients.bulkInvite.back"), onClick: onBack }}
        primary={{
          label: t(`${k}.button`, { count: plan.ready }),
          busy,
          busyLabel: t(`${k}.starting`),
          disabled: plan.ready === 0,
        }}
      />
    </form>
  );
}

/**
 * The running bulk invitation: a progress bar (asked again every second), then what it did — invited,
 * notified (an account existed: access added, a notice sent), skipped with the reason per file.
 * Closing the dialog does not stop it: the run goes on in the background.
 */
export function RunProgress({ run: started, onClose }: { run: BulkInvitationRun; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(bulkRunQuery(started.id, started));
  const run = query.data;
  const headingId = useId();
  const k = "clients.bulkInvite.run";
  const running = run.status === "running";
  const percent = run.total > 0 ? Math.round((run.processed / run.total) * 100) : 100;

  useEffect(() => {
    // Grants, invitations and filled-in addresses changed: the file pages show them fresh.
    if (running) return;
    void queryClient.invalidateQueries({ queryKey: ["clients", "persons"] });
    void queryClient.invalidateQueries({ queryKey: accessKeys.all });
  }, [running, queryClient]);

  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby={headingId} className="flex flex-col gap-3">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {running ? t(`${k}.running`) : run.status === "done" ? t(`${k}.done`) : t(`${k}.failed`)}
        </h3>
        <div
          role="progressbar"
          aria-labelledby={headingId}
          aria-valuemin={0}
          aria-valuemax={run.total}
          aria-valuenow={run.processed}
          aria-valuetext={t(`${k}.progress`, { processed: run.processed, total: run.total })}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className="h-full rounded-full bg-brand-700 transition-[width] motion-reduce:transition-none"
            style={{ width: `${percent}%` }}
          />
        </div>
        <p data-testid="run-progress" className="text-sm text-slate-700 tabular-nums">
          {t(`${k}.progress`, { processed: run.processed, total: run.total })}
        </p>
        {running ? <p className="text-sm text-slate-700">{t(`${k}.background`)}</p> : null}
      </section>

      {query.isError && running ? <Alert>{errorMessage(query.error)}</Alert> : null}
      {run.status === "failed" ? <Alert>{t(`${k}.failedHint`)}</Alert> : null}
      <div role="status" aria-live="polite">
        {running ? null : <RunSummary run={run} />}
      </div>

      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
        <Button variant={running ? "secondary" : "primary"} onClick={onClose}>
          {running ? t(`${k}.closeRunning`) : t("clients.bulkInvite.finish")}
        </Button>
      </div>
    </div>
  );
}

/** What a finished run did, in plain words; the skipped files with their reasons behind a disclosure. */
function RunSummary({ run }: { run: BulkInvitationRun }) {
  const { t } = useTranslation();
  const k = "clients.bulkInvite.run";
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-2">
        <SummaryLine tone="ready" testId="run-invited" text={t(`${k}.invited`, { count: run.invited })} />
        {run.notified > 0 ? (
          <SummaryLine testId="run-notified" text={t(`${k}.notified`, { count: run.notified })} />
        ) : null}
        <SummaryLine
          tone={run.skipped > 0 ? "warning" : "neutral"}
          testId="run-skipped"
          text={t(`${k}.skipped`, { count: run.skipped })}
        />
      </ul>
      {run.skips.length > 0 ? (
        <ul
          aria-label={t(`${k}.skipsLabel`)}
          className="flex max-h-60 flex-col gap-1 overflow-y-auto text-sm"
        >
          {run.skips.map((skip) => (
            <li
              // Each file is in one unit of the run, so it is skipped at most once.
              key={skip.fileId}
              className="break-words rounded-md bg-slate-50 px-3 py-1.5 text-slate-800"
            >
              <span className="font-medium">{skip.fileName || t("clients.bulkInvite.plan.unknownFile")}</span>
              {" — "}
              {skip.message}
            </li>
          ))}
        </ul>
      ) : null}
      {run.skipped > run.skips.length ? (
        <p className="text-sm text-slate-700">
          {t(`${k}.moreSkips`, { count: run.skipped - run.skips.length })}
        </p>
      ) : null}
    </div>
  );
}
