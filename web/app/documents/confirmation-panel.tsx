import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Language, languages } from "../../../contracts/common";
import type { ConfirmationRequest } from "../../../contracts/confirmations";
import type { DocumentDetail } from "../../../contracts/documents";
import { currentLanguage, languageNames } from "../../i18n/i18n";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { QueryView } from "../../ui/query-view";
import { Select } from "../../ui/select";
import { certificateUrl, useConfirmationMutations, useConfirmations } from "./confirmation-api";
import { ConfirmationDialog } from "./confirmation-dialog";

const statusTone: Record<ConfirmationRequest["status"], string> = {
  open: "bg-amber-50 text-amber-900 border-amber-200",
  confirmed: "bg-emerald-50 text-emerald-900 border-emerald-200",
  superseded: "bg-slate-100 text-slate-800 border-slate-300",
  cancelled: "bg-slate-50 text-slate-700 border-slate-200",
};

function useFormat() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" });
  return (iso: string) => format.format(new Date(iso));
}

/**
 * A document's confirmations of receipt (PORTAL-5): "Request confirmation via the portal", then each
 * request with its status, who confirmed when (with the evidence), the certificate, and — while open —
 * cancel or send again. An outdated one (a new version came) offers to ask again for the current one.
 */
export function ConfirmationPanel({ fileId, doc }: { fileId: string; doc: DocumentDetail }) {
  const { t } = useTranslation();
  const query = useConfirmations(fileId, doc.id);
  const headingId = useId();
  const [dialog, setDialog] = useState<{ preselected: string[] } | null>(null);
  const [notice, setNotice] = useState<string>();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 border-t border-slate-200 pt-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h4 id={headingId} className="text-base font-semibold text-slate-900">
            {t("confirmations.panel.heading")}
          </h4>
          <p className="text-sm text-slate-600">{t("confirmations.panel.intro")}</p>
        </div>
        <Button size="sm" onClick={() => setDialog({ preselected: [] })}>
          {t("confirmations.panel.request")}
        </Button>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <QueryView query={query}>
        {(list) => (
          <>
            {list.items.length === 0 ? (
              <p className="text-sm text-slate-600">{t("confirmations.panel.none")}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {list.items.map((item) => (
                  <RequestItem
                    key={item.id}
                    fileId={fileId}
                    documentId={doc.id}
                    item={item}
                    currentVersion={list.currentVersion}
                    askAgain={
                      list.candidates.some((c) => c.granteeId === item.granteeId && c.refusal === null)
                        ? () => setDialog({ preselected: [item.granteeId] })
                        : undefined
                    }
                    onNotice={setNotice}
                  />
                ))}
              </ul>
            )}
            <ConfirmationDialog
              open={dialog !== null}
              fileId={fileId}
              doc={doc}
              list={list}
              preselected={dialog?.preselected ?? []}
              onClose={() => setDialog(null)}
              onSent={(count) => setNotice(t("confirmations.dialog.sent", { count }))}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}

function RequestItem({
  fileId,
  documentId,
  item,
  currentVersion,
  askAgain,
  onNotice,
}: {
  fileId: string;
  documentId: string;
  item: ConfirmationRequest;
  currentVersion: number;
  askAgain: (() => void) | undefined;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { change } = useConfirmationMutations(fileId, documentId);
  const [error, setError] = useState<string>();
  const run = async (action: "cancel" | "resend") => {
    setError(undefined);
    try {
      await change.mutateAsync({ id: item.id, action });
      onNotice(t(action === "cancel" ? "confirmations.panel.cancelled" : "confirmations.panel.resent"));
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  const outdated =
    item.version < currentVersion && (item.status === "superseded" || item.status === "confirmed");
  return (
    <li
      className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3"
      data-testid="confirmation-request"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium text-slate-900">
          {item.name} <span className="text-sm font-normal break-all text-slate-600">· {item.email}</span>
        </p>
        <span
          className={cn("rounded-full border px-2.5 py-0.5 text-xs font-medium", statusTone[item.status])}
        >
          {t(`confirmations.status.${item.status}`)} ·{" "}
          {t("confirmations.panel.versionLabel", { version: item.version })}
        </span>
      </div>
      <p className="text-sm text-slate-600">
        {t("confirmations.panel.requestedBy", { name: item.requestedByName, date: format(item.requestedAt) })}
        {item.lastMail ? ` · ${t(`confirmations.panel.mail.${item.lastMail.status}`)}` : null}
        {item.remindersSent > 0
          ? ` · ${t("confirmations.panel.reminders", { count: item.remindersSent })}`
          : null}
        {item.nextReminderAt
          ? ` · ${t("confirmations.panel.nextReminder", { date: format(item.nextReminderAt) })}`
          : null}
      </p>
      {item.cancelledAt ? (
        <p className="text-sm text-slate-700">
          {t("confirmations.panel.cancelledAt", {
            date: format(item.cancelledAt),
            name: item.cancelledByName ?? "",
          })}
        </p>
      ) : null}
      {outdated ? (
        <Alert tone="info">{t("confirmations.panel.outdated", { version: item.version })}</Alert>
      ) : null}
      {item.evidence ? <Evidence fileId={fileId} item={item} /> : null}
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {item.status === "open" ? (
          <>
            <Button size="sm" variant="secondary" busy={change.isPending} onClick={() => void run("resend")}>
              {t("confirmations.panel.resend")}
            </Button>
            <Button size="sm" variant="ghost" busy={change.isPending} onClick={() => void run("cancel")}>
              {t("confirmations.panel.cancel")}
            </Button>
          </>
        ) : null}
        {outdated && askAgain ? (
          <Button size="sm" onClick={askAgain}>
            {t("confirmations.panel.requestAgain", { version: currentVersion })}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** Who confirmed, when, the version's hash, IP and browser, and the certificate in a chosen language. */
function Evidence({ fileId, item }: { fileId: string; item: ConfirmationRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const evidence = item.evidence;
  if (!evidence) return null;
  const rows: Array<[string, string, boolean]> = [
    [t("confirmations.panel.evidenceFields.who"), evidence.name, false],
    [t("confirmations.panel.evidenceFields.account"), evidence.accountEmail, false],
    [t("confirmations.panel.evidenceFields.when"), format(evidence.confirmedAt), false],
    [t("confirmations.panel.evidenceFields.sha256"), evidence.sha256, true],
    [t("confirmations.panel.evidenceFields.ip"), evidence.ip ?? "–", true],
    [t("confirmations.panel.evidenceFields.userAgent"), evidence.userAgent ?? "–", false],
  ];
  return (
    <div className="flex flex-col gap-2 rounded-md bg-emerald-50/60 p-3">
      <p className="text-sm font-semibold text-emerald-950">
        {t("confirmations.panel.confirmedAt", { date: format(evidence.confirmedAt) })}
      </p>
      <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {rows.map(([label, value, mono]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className={cn("break-all text-slate-900", mono && "font-mono text-xs")}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-end gap-2">
        <Select
          label={t("confirmations.panel.certificateLanguage")}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
        >
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageNames[l]}
            </option>
          ))}
        </Select>
        <Button asChild size="sm" variant="secondary">
          <a href={certificateUrl(fileId, item.id, language)} download data-testid="confirmation-certificate">
            {t("confirmations.panel.certificate")}
          </a>
        </Button>
      </div>
    </div>
  );
}
