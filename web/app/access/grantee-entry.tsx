import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Grantee } from "../../../contracts/grants";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Pill } from "../records/record-table";
import { type Confirmation, ConfirmDialog } from "../staff/confirm-dialog";
import { type GranteeAction, useGranteeMutations } from "./access-api";
import { AccessBadge, StatusBadge, useExpiryFormat } from "./access-format";
import { GranteeEditDialog } from "./grantee-edit-dialog";
import { GranteeInvitation } from "./invitation-panel";
import { RemoveAccountButton } from "./remove-account-button";
import { usePreview } from "./use-preview";

/** The file a person grantee belongs to: "Musterfirma (K-10023)", or that it cannot be opened. */
function GranteeFile({ grantee }: { grantee: Grantee }) {
  const { t } = useTranslation();
  if (grantee.personId === null) return null;
  return (
    <span className="text-sm text-slate-600">
      {grantee.clientFileName
        ? t("access.entry.ofFile", { file: `${grantee.clientFileName} (${grantee.clientFileNumber ?? ""})` })
        : t("access.entry.ofHiddenFile")}
    </span>
  );
}

/**
 * One grantee entry (a person's access through one grant): level, status, primary contact and end as
 * badges, the invitation's state and actions (see GranteeInvitation), then what may be done — change,
 * lock or unlock, revoke or reinstate, preview. A refusal
 * (403 with the firm policy's reason, 409 naming the policy) shows right below the buttons.
 * `label` says what names the entry: the grant (on a person's card), the person (in a grant) or both;
 * `showFile` adds the person's file (grants bundling several). A grant the staff member cannot open
 * (`canOpen` false: it bundles a file they may not read) is named without a link, and says why; one
 * they may open but not change says why too (`manageMessage`, from the server).
 */
export function GranteeEntry({
  grantee,
  label,
  canManage,
  canOpen = true,
  manageMessage = null,
  showFile = false,
}: {
  grantee: Grantee;
  label: "grant" | "person" | "both";
  canManage: boolean;
  canOpen?: boolean;
  manageMessage?: string | null;
  showFile?: boolean;
}) {
  const { t } = useTranslation();
  const untilDate = useExpiryFormat();
  const { status } = useGranteeMutations();
  const preview = usePreview();
  const [failure, setFailure] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const name = grantee.name;

  const run = (action: GranteeAction) => {
    setFailure(undefined);
    return status.mutateAsync({ grantee, action });
  };
  const act = (action: GranteeAction) => {
    run(action).catch((error: unknown) => setFailure(errorMessage(error)));
  };
  const busy = (action: GranteeAction) =>
    status.isPending && status.variables?.grantee.id === grantee.id && status.variables.action === action;
  const stored = grantee.storedStatus;
  // Preview, like the grant, answers 404 for a grant the staff member cannot open.
  const canPreview = canOpen && (grantee.status === "active" || grantee.status === "pending");
  const grantLabel =
    label === "both" ? t("access.entry.through", { grant: grantee.grantName }) : grantee.grantName;
  const previewFailure = preview.failureOf(grantee.id);

  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50/60 p-3">
      <div className="flex flex-wrap items-center gap-2">
        {label !== "grant" ? (
          <span className="font-medium text-slate-900">
            {name}
            <span className="ml-2 text-sm font-normal text-slate-600">
              {t(`clients.role.${grantee.role}`)}
              {grantee.email ? ` · ${grantee.email}` : ""}
            </span>
          </span>
        ) : null}
        {showFile ? <GranteeFile grantee={grantee} /> : null}
        {label !== "person" && canOpen ? (
          <Link
            to="/app/grants/$grantId"
            params={{ grantId: grantee.grantId }}
            className="font-medium text-brand-800 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700"
          >
            {grantLabel}
          </Link>
        ) : null}
        {label !== "person" && !canOpen ? (
          <span className="font-medium text-slate-800">{grantLabel}</span>
        ) : null}
        <AccessBadge access={grantee.access} />
        <StatusBadge status={grantee.status} />
        {grantee.isPrimaryContact ? <Pill tone="brand">{t("access.entry.primaryContact")}</Pill> : null}
        {grantee.expiresAt ? (
          <span className="text-sm text-slate-700">
            {t("access.entry.until", { date: untilDate(grantee.expiresAt) })}
          </span>
        ) : null}
        {grantee.grantedByPortal ? (
          <span className="text-sm text-slate-600">{t("access.entry.grantedByPortal")}</span>
        ) : null}
      </div>
      {canOpen ? null : <p className="text-sm text-slate-600">{t("access.entry.cannotOpen")}</p>}
      {canOpen && !canManage && manageMessage ? (
        <p className="text-sm text-slate-600">{manageMessage}</p>
      ) : null}
      <GranteeInvitation grantee={grantee} canManage={canManage} canOpen={canOpen} />
      <div className="flex flex-wrap gap-2">
        {canManage && stored !== "revoked" ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            {t("access.entry.change")}
            <span className="sr-only"> {t("access.entry.of", { name, grant: grantee.grantName })}</span>
          </Button>
        ) : null}
        {canManage && stored !== "revoked" ? (
          <Button
            variant="secondary"
            size="sm"
            busy={busy(stored === "locked" ? "unlock" : "lock")}
            onClick={() => act(stored === "locked" ? "unlock" : "lock")}
          >
            {stored === "locked" ? t("access.entry.unlock") : t("access.entry.lock")}
            <span className="sr-only"> {t("access.entry.of", { name, grant: grantee.grantName })}</span>
          </Button>
        ) : null}
        {canManage && stored !== "revoked" ? (
          <Button
            variant="ghost"
            size="sm"
            className="text-red-800 hover:bg-red-50"
            onClick={() =>
              setConfirmation({
                title: t("access.entry.revokeTitle"),
                body: t("access.entry.revokeBody", { name, grant: grantee.grantName }),
                confirmLabel: t("access.entry.revoke"),
                run: () => run("revoke"),
              })
            }
          >
            {t("access.entry.revoke")}
            <span className="sr-only"> {t("access.entry.of", { name, grant: grantee.grantName })}</span>
          </Button>
        ) : null}
        {canManage ? <RemoveAccountButton grantee={grantee} /> : null}
        {canManage && stored === "revoked" ? (
          <Button variant="secondary" size="sm" busy={busy("reinstate")} onClick={() => act("reinstate")}>
            {t("access.entry.reinstate")}
            <span className="sr-only"> {t("access.entry.of", { name, grant: grantee.grantName })}</span>
          </Button>
        ) : null}
        {canPreview ? (
          <Button
            variant="ghost"
            size="sm"
            busy={preview.isStarting(grantee.id)}
            onClick={() => void preview.open(grantee.id)}
          >
            {t("access.entry.previewAs", { name })}
            <span className="sr-only"> ({t("access.entry.opensNewTab")})</span>
          </Button>
        ) : null}
      </div>
      {failure ? <Alert>{failure}</Alert> : null}
      {previewFailure ? <Alert>{previewFailure}</Alert> : null}
      <GranteeEditDialog grantee={grantee} open={editing} onClose={() => setEditing(false)} />
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </div>
  );
}
