import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalConfirmation, PortalConfirmReceipt } from "../../../contracts/confirmations";
import { CheckboxField } from "../../app/access/checkbox-field";
import { Alert } from "../../ui/alert";
import { ApiError, errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { usePortalFile } from "../file-context";
import { fileBase, usePortalMe } from "../portal-api";
import { portalBlob } from "../portal-fetch";
import { useConfirmReceipt, usePortalConfirmations } from "./confirmations-api";

function useDateFormat() {
  const { i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "long" });
  const moment = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "long", timeStyle: "short" });
  return {
    day: (iso: string) => day.format(new Date(iso)),
    moment: (iso: string) => moment.format(new Date(iso)),
  };
}

/**
 * The file's open confirmation requests, shown prominently above every page of the file (PORTAL-5):
 * each document with its version and date, a way to open it first, and the clear statement to tick
 * and confirm; afterwards a receipt of what was recorded. A staff preview shows them without the
 * confirm. Nothing shows when nothing is open.
 */
export function ConfirmationBanner() {
  const { t } = useTranslation();
  const { firmId, fileId } = usePortalFile();
  const query = usePortalConfirmations(firmId, fileId);
  const me = usePortalMe();
  const headingId = useId();
  const [receipts, setReceipts] = useState<PortalConfirmReceipt[]>([]);
  const open = (query.data?.items ?? []).filter((item) => item.status === "open");
  if (open.length === 0 && receipts.length === 0) return null;
  const firm = me.data?.firms.find((f) => f.id === firmId)?.name ?? "";
  return (
    <section
      aria-labelledby={open.length > 0 ? headingId : undefined}
      aria-label={open.length > 0 ? undefined : t("confirmations.portal.receiptTitle")}
      className="flex flex-col gap-4 rounded-xl border-2 border-amber-300 bg-amber-50 p-4 sm:p-5"
      data-testid="confirmation-banner"
    >
      {receipts.map((receipt) => (
        <Receipt key={receipt.id} receipt={receipt} />
      ))}
      {open.length > 0 ? (
        <>
          <div className="flex flex-col gap-1">
            <h2 id={headingId} className="text-xl font-semibold text-slate-900">
              {t("confirmations.portal.bannerTitle", { count: open.length })}
            </h2>
            <p className="text-base text-slate-800">{t("confirmations.portal.bannerBody", { firm })}</p>
          </div>
          <ul className="flex flex-col gap-3">
            {open.map((item) => (
              <OpenRequest
                key={item.id}
                item={item}
                onConfirmed={(receipt) => setReceipts((before) => [...before, receipt])}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function OpenRequest({
  item,
  onConfirmed,
}: {
  item: PortalConfirmation;
  onConfirmed: (receipt: PortalConfirmReceipt) => void;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { firmId, fileId, preview } = usePortalFile();
  const confirm = useConfirmReceipt(firmId, fileId);
  const [ticked, setTicked] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [opening, setOpening] = useState(false);
  const url = `${fileBase(firmId, fileId)}/documents/${item.documentId}/download?inline=1`;

  const openDocument = async () => {
    // A preview sends its header, which a plain link cannot: fetch the bytes and open them.
    setOpening(true);
    setError(undefined);
    try {
      const blob = await portalBlob(url);
      const objectUrl = URL.createObjectURL(blob);
      window.open(objectUrl, "_blank", "noopener");
      window.setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setOpening(false);
    }
  };

  const submit = async () => {
    setError(undefined);
    setFieldError(undefined);
    if (!ticked) {
      setFieldError(t("confirmations.portal.statement"));
      return;
    }
    try {
      onConfirmed(await confirm.mutateAsync(item.id));
    } catch (cause) {
      const onField =
        cause instanceof ApiError ? cause.fieldErrors.find((f) => f.field === "confirmed") : undefined;
      if (onField) setFieldError(onField.message);
      else setError(errorMessage(cause));
    }
  };

  return (
    <li
      className="flex flex-col gap-3 rounded-lg border border-amber-200 bg-white p-4"
      data-testid="confirmation-item"
    >
      <div className="flex flex-col gap-1">
        <p className="text-lg font-semibold break-words text-slate-900">{item.documentTitle}</p>
        <p className="text-base text-slate-700">
          {item.versionDate
            ? t("confirmations.portal.versionOf", {
                version: item.version,
                date: format.day(item.versionDate),
              })
            : t("confirmations.portal.versionOnly", { version: item.version })}
        </p>
        <p className="text-sm text-slate-600">
          {t("confirmations.portal.requestedBy", {
            name: item.requestedByName,
            date: format.day(item.requestedAt),
          })}
        </p>
      </div>
      <div>
        {preview ? (
          <Button variant="secondary" busy={opening} onClick={() => void openDocument()}>
            {t("confirmations.portal.open")}
          </Button>
        ) : (
          <Button asChild variant="secondary">
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t("confirmations.portal.open")}
            </a>
          </Button>
        )}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {item.mayConfirm ? (
        <form
          noValidate
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <CheckboxField
            className="text-base"
            label={<span className="text-base">{t("confirmations.portal.statement")}</span>}
            checked={ticked}
            error={fieldError}
            onChange={(event) => setTicked(event.target.checked)}
          />
          <Button type="submit" className="self-start text-base" busy={confirm.isPending}>
            {confirm.isPending ? t("confirmations.portal.confirming") : t("confirmations.portal.confirm")}
          </Button>
        </form>
      ) : (
        <Alert tone="info">{t("confirmations.portal.previewOnly")}</Alert>
      )}
    </li>
  );
}

/** What was recorded: shown right after confirming, calmly and completely. */
function Receipt({ receipt }: { receipt: PortalConfirmReceipt }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <Alert tone="success" title={t("confirmations.portal.receiptTitle")}>
      <p data-testid="confirmation-receipt">
        {t("confirmations.portal.receiptBody", {
          name: receipt.name,
          title: receipt.documentTitle,
          version: receipt.version,
          date: format.moment(receipt.confirmedAt),
        })}
      </p>
      <p className="mt-2 text-xs">
        {t("confirmations.portal.fingerprint")}: <span className="font-mono break-all">{receipt.sha256}</span>
      </p>
    </Alert>
  );
}
