import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type StaffRole, staffRoles } from "../../../contracts/common";
import type { StaffInvitation, StaffMember } from "../../../contracts/staff";
import { Alert } from "../../ui/alert";
import { errorMessage } from "../../ui/api";
import { Button } from "../../ui/button";
import { Badge, Card } from "../../ui/card";
import { controlClass } from "../../ui/field";
import { LoadError } from "../../ui/load-error";
import { Loading } from "../../ui/loading";
import { PageHeading } from "../../ui/page-heading";
import { useDocumentTitle } from "../../ui/use-document-title";
import { useStaff } from "../staff-context";
import { type Confirmation, ConfirmDialog } from "./confirm-dialog";
import { InviteDialog } from "./invite-dialog";
import {
  staffListQuery,
  useChangeRole,
  useResendInvitation,
  useRevokeInvitation,
  useSetActive,
} from "./staff-api";

/** `/app/staff`: the team; admins invite, change roles, deactivate and manage invitations, others read. */
export function StaffPage() {
  const { t, i18n } = useTranslation();
  const staff = useStaff();
  const isAdmin = staff.staffRole === "admin";
  const list = useQuery(staffListQuery);
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<unknown>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const changeRole = useChangeRole();
  const setActive = useSetActive();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  useDocumentTitle(t("staffAdmin.title"));

  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium" }).format(new Date(iso));

  const report = (message: string) => {
    setFailure(null);
    setNotice(message);
  };
  const fail = (error: unknown) => {
    setNotice(undefined);
    setFailure(error);
  };

  const onRoleChange = (member: StaffMember, role: StaffRole) => {
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => report(t("staffAdmin.roleSaved", { name: member.name })),
        onError: fail,
      },
    );
  };

  const askActive = (member: StaffMember) => {
    const deactivating = member.active;
    setConfirmation({
      title: t(deactivating ? "staffAdmin.confirmDeactivateTitle" : "staffAdmin.confirmReactivateTitle", {
        name: member.name,
      }),
      body: t(deactivating ? "staffAdmin.confirmDeactivateBody" : "staffAdmin.confirmReactivateBody", {
        name: member.name,
      }),
      confirmLabel: t(deactivating ? "staffAdmin.deactivate" : "staffAdmin.reactivate"),
      run: async () => {
        await setActive.mutateAsync({ userId: member.userId, active: !deactivating });
        report(t(deactivating ? "staffAdmin.deactivated" : "staffAdmin.reactivated", { name: member.name }));
      },
    });
  };

  const askRevoke = (invitation: StaffInvitation) =>
    setConfirmation({
      title: t("staffAdmin.confirmRevokeTitle"),
      body: t("staffAdmin.confirmRevokeBody", { email: invitation.email }),
      confirmLabel: t("staffAdmin.revoke"),
      run: async () => {
        await revoke.mutateAsync(invitation.id);
        report(t("staffAdmin.revoked", { email: invitation.email }));
      },
    });

  const onResend = (invitation: StaffInvitation) =>
    resend.mutate(invitation.id, {
      onSuccess: () => report(t("staffAdmin.resent", { email: invitation.email })),
      onError: fail,
    });

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <PageHeading>{t("staffAdmin.title")}</PageHeading>
          <p className="mt-2 max-w-2xl text-slate-700">
            {isAdmin ? t("staffAdmin.intro") : t("staffAdmin.readOnlyNote")}
          </p>
        </div>
        {isAdmin ? (
          <Button data-testid="invite-staff" onClick={() => setInviting(true)}>
            {t("staffAdmin.invite")}
          </Button>
        ) : null}
      </div>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {failure ? <Alert>{errorMessage(failure)}</Alert> : null}

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError heading="h2" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <section aria-labelledby="members-heading">
            <h2 id="members-heading" className="mb-3 text-lg font-semibold text-slate-900">
              {t("staffAdmin.membersHeading")}
            </h2>
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
              <table className="w-full min-w-[40rem] text-left text-sm">
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("staffAdmin.name")}
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("staffAdmin.role")}
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      {t("staffAdmin.status")}
                    </th>
                    {isAdmin ? (
                      <th scope="col" className="px-4 py-3 font-medium">
                        <span className="sr-only">{t("staffAdmin.actions")}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {list.data.members.map((member) => (
                    <tr key={member.userId} data-testid="staff-member">
                      <td className="px-4 py-3">
                        <span className="block font-medium text-slate-900">
                          {member.name}
                          {member.userId === staff.user.id ? (
                            <span className="ml-2 text-xs font-normal text-slate-600">
                              {t("staffAdmin.you")}
                            </span>
                          ) : null}
                        </span>
                        <span className="block text-slate-600">{member.email}</span>
                      </td>
                      <td className="px-4 py-3">
                        {isAdmin ? (
                          <select
                            aria-label={t("staffAdmin.roleOf", { name: member.name })}
                            value={member.role}
                            disabled={changeRole.isPending}
                            onChange={(event) => onRoleChange(member, event.target.value as StaffRole)}
                            className={`${controlClass} max-w-[12rem]`}
                          >
                            {staffRoles.map((role) => (
                              <option key={role} value={role}>
                                {t(`roles.${role}`)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          t(`roles.${member.role}`)
                        )}
                      </td>
                      <td className="px-4 py-3">
                        {member.active ? (
                          <Badge>{t("staffAdmin.active")}</Badge>
                        ) : (
                          <span className="text-slate-700">
                            {member.deactivatedAt
                              ? t("staffAdmin.deactivatedOn", { date: formatDate(member.deactivatedAt) })
                              : t("staffAdmin.inactive")}
                          </span>
                        )}
                      </td>
                      {isAdmin ? (
                        <td className="px-4 py-3 text-right">
                          <Button variant="secondary" size="sm" onClick={() => askActive(member)}>
                            {member.active ? t("staffAdmin.deactivate") : t("staffAdmin.reactivate")}
                          </Button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="invitations-heading">
            <h2 id="invitations-heading" className="mb-3 text-lg font-semibold text-slate-900">
              {t("staffAdmin.invitationsHeading")}
            </h2>
            {list.data.invitations.length === 0 ? (
              <p className="text-slate-700">{t("staffAdmin.noInvitations")}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {list.data.invitations.map((invitation) => (
                  <li key={invitation.id} data-testid="staff-invitation">
                    <Card className="flex flex-wrap items-center justify-between gap-3">
                      <div className="min-w-0">
                        <p className="font-medium text-slate-900">
                          {invitation.name} · {invitation.email}
                        </p>
                        <p className="text-sm text-slate-600">
                          {t(`roles.${invitation.role}`)}
                          {invitation.invitedByName
                            ? ` · ${t("staffAdmin.invitedBy", { name: invitation.invitedByName })}`
                            : ""}
                          {" · "}
                          {invitation.expired
                            ? t("staffAdmin.expired")
                            : t("staffAdmin.expiresOn", { date: formatDate(invitation.expiresAt) })}
                        </p>
                      </div>
                      {isAdmin ? (
                        <div className="flex flex-wrap gap-2">
                          <Button
                            variant="secondary"
                            size="sm"
                            busy={resend.isPending && resend.variables === invitation.id}
                            onClick={() => onResend(invitation)}
                          >
                            {t("staffAdmin.resend")}
                          </Button>
                          <Button variant="ghost" size="sm" onClick={() => askRevoke(invitation)}>
                            {t("staffAdmin.revoke")}
                          </Button>
                        </div>
                      ) : null}
                    </Card>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}

      {isAdmin ? (
        <InviteDialog
          open={inviting}
          onClose={() => setInviting(false)}
          onInvited={(email) => {
            setInviting(false);
            report(t("staffAdmin.invited", { email }));
          }}
        />
      ) : null}
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </div>
  );
}
