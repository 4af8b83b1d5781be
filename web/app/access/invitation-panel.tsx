import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Grantee } from "../../../contracts/grants";
import type { Invitation } from "../../../contracts/invitations";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { firmPoliciesQuery } from "../settings/settings-api";
import { type Confirmation, ConfirmDialog } from "../staff/confirm-dialog";
import { InvitationDialog } from "./invitation-dialog";
import { InvitationLinkDialog } from "./invitation-link-dialog";
import { InvitationStatus } from "./invitation-status";
import {
  currentInvitationOf,
  grantInvitationsQuery,
  type InvitationAction,
  useInvitationMutations,
} from "./invitations-api";

/** Whether the grantee's invitation matters: someone without an account, or one who joined by it. */
function showsInvitation(grantee: Grantee, invitation: Invitation | undefined): boolean {
  if (grantee.storedStatus === "revoked") return false;
  if (!grantee.hasAccount) return true;
  return invitation?.status === "accepted";
}

/**
 * A grantee's invitation on their access entry (INV-1 … INV-6): where it stands in plain words and,
 * for staff who manage the grant, what can be done — invite by email, copy a link, resend, stop the
 * reminders, withdraw. A grantee with an account shows how they joined (or were notified). The
 * grant's invitations are asked for once per grant (one cache entry shared by its entries).
 */
export function GranteeInvitation({
  grantee,
  canManage,
  canOpen,
}: {
  grantee: Grantee;
  canManage: boolean;
  /** False for a grant the staff member cannot open: its invitations are not theirs to read either. */
  canOpen: boolean;
}) {
  const { t } = useTranslation();
  const invitations = useQuery({ ...grantInvitationsQuery(grantee.grantId), enabled: canOpen });
  const invitation = currentInvitationOf(invitations.data, grantee.id);
  const pendingEmail =
    invitation?.status === "pending" && invitation.channel === "email" && !invitation.remindersStoppedAt;
  const policies = useQuery({ ...firmPoliciesQuery, enabled: pendingEmail, staleTime: 60_000 });
  const { act } = useInvitationMutations();
  const [dialog, setDialog] = useState<"email" | "link" | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState<string>();

  if (!canOpen || invitations.isPending) return null;
  if (invitations.isError) return <Alert>{errorMessage(invitations.error)}</Alert>;
  if (!showsInvitation(grantee, invitation)) return null;

  const name = grantee.name;
  const run = (action: InvitationAction, target: Invitation) => {
    setFailure(undefined);
    setDone(undefined);
    return act.mutateAsync({ invitation: target, action });
  };
  const perform = (action: InvitationAction, target: Invitation, success: string) => {
    run(action, target)
      .then(() => setDone(success))
      .catch((error: unknown) => setFailure(errorMessage(error)));
  };
  const busy = (action: InvitationAction) =>
    act.isPending && act.variables?.invitation.id === invitation?.id && act.variables.action === action;

  // Actions only where an invitation can still change something: no account yet, access not ended.
  const actionable = canManage && !grantee.hasAccount && grantee.status !== "expired";
  const open = invitation?.status === "pending" ? invitation : undefined;
  const canResend =
    invitation !== undefined &&
    (invitation.status === "pending" || invitation.status === "expired") &&
    invitation.channel === "email" &&
    grantee.email !== null;
  const sr = <span className="sr-only"> {t("access.invitation.forName", { name })}</span>;

  return (
    <div className="flex flex-col gap-2" data-testid="grantee-invitation">
      <InvitationStatus invitation={invitation} reminderTotal={policies.data?.reminderDays.length} />
      {actionable ? (
        <div className="flex flex-wrap gap-2">
          {canResend ? null : (
            <Button
              variant="secondary"
              size="sm"
              disabled={grantee.email === null}
              onClick={() => setDialog("email")}
            >
              {t("access.invitation.inviteByEmail")}
              {sr}
            </Button>
          )}
          {canResend && invitation ? (
            <Button
              variant="secondary"
              size="sm"
              busy={busy("resend")}
              onClick={() =>
                perform("resend", invitation, t("access.invitation.resent", { email: grantee.email }))
              }
            >
              {t("access.invitation.resend")}
              {sr}
            </Button>
          ) : null}
          {open && open.channel === "email" && !open.remindersStoppedAt && open.nextReminderAt ? (
            <Button
              variant="secondary"
              size="sm"
              busy={busy("stop-reminders")}
              onClick={() => perform("stop-reminders", open, t("access.invitation.stopped"))}
            >
              {t("access.invitation.stopReminders")}
              {sr}
            </Button>
          ) : null}
          <Button variant="secondary" size="sm" onClick={() => setDialog("link")}>
            {t("access.invitation.copyLink")}
            {sr}
          </Button>
          {open ? (
            <Button
              variant="ghost"
              size="sm"
              className="text-red-800 hover:bg-red-50"
              onClick={() =>
                setConfirmation({
                  title: t("access.invitation.withdrawTitle"),
                  body: t("access.invitation.withdrawBody", { name }),
                  confirmLabel: t("access.invitation.withdraw"),
                  run: async () => {
                    await run("withdraw", open);
                    setDone(t("access.invitation.withdrawDone"));
                  },
                })
              }
            >
              {t("access.invitation.withdraw")}
              {sr}
            </Button>
          ) : null}
        </div>
      ) : null}
      {actionable && grantee.email === null ? (
        <p className="text-sm text-slate-600">{t("access.invitation.noEmail")}</p>
      ) : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {failure ? <Alert>{failure}</Alert> : null}
      {actionable ? (
        <>
          <InvitationDialog
            grantee={grantee}
            open={dialog === "email"}
            onClose={() => setDialog(null)}
            onSent={(sent) =>
              setDone(
                sent.channel === "notice"
                  ? t("access.invitation.noticeSent", { name })
                  : t("access.invitation.sent", { email: sent.email }),
              )
            }
          />
          <InvitationLinkDialog grantee={grantee} open={dialog === "link"} onClose={() => setDialog(null)} />
          <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
        </>
      ) : null}
    </div>
  );
}
