import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Grantee } from "../../../contracts/grants";
import type {
  Invitation,
  InvitationLink,
  InvitationList,
  InvitationPreview,
  InviteGrantee,
} from "../../../contracts/invitations";
import { api } from "../../ui/api";
import { accessKeys } from "./access-api";

const enc = encodeURIComponent;
/** How often the invitations are asked for again while a mail is still queued. */
const deliveryPollMs = 10_000;

/**
 * Cache keys of invitations. They live under "access", so every grant or grantee change (a revoke
 * withdraws the invitation) refreshes them too, and every invitation action refreshes all of access.
 */
export const invitationKeys = {
  ofGrant: (grantId: string) => [...accessKeys.all, "invitations", grantId] as const,
  preview: (granteeId: string, body: InviteGrantee) =>
    [...accessKeys.all, "invitation-preview", granteeId, body] as const,
};

/** The invitations of a grant's grantees, newest first (older ones of a grantee are history). */
export function grantInvitationsQuery(grantId: string) {
  return queryOptions({
    queryKey: invitationKeys.ofGrant(grantId),
    queryFn: ({ signal }) => api<InvitationList>(`/api/grants/${enc(grantId)}/invitations`, { signal }),
    // Delivery tracking (INV-6): while a current mail is on its way, look again until it is delivered
    // or refused, so "sent" or the SMTP refusal shows without a reload.
    refetchInterval: (query) =>
      query.state.data?.invitations.some(
        (i) =>
          (i.lastMail?.status === "queued" || i.lastMail?.status === "deferred") &&
          (i.status === "pending" || i.status === "accepted"),
      )
        ? deliveryPollMs
        : false,
  });
}

/** The grantee's current invitation: the newest one (the list is newest first), or undefined. */
export function currentInvitationOf(list: InvitationList | undefined, granteeId: string) {
  return list?.invitations.find((invitation) => invitation.granteeId === granteeId);
}

function granteePath(grantee: Pick<Grantee, "grantId" | "id">) {
  return `/api/grants/${enc(grantee.grantId)}/grantees/${enc(grantee.id)}`;
}

/** The mail an invitation would send now, rendered with the staff member's choices (nothing is sent). */
export function invitationPreviewQuery(grantee: Pick<Grantee, "grantId" | "id">, body: InviteGrantee) {
  return queryOptions({
    queryKey: invitationKeys.preview(grantee.id, body),
    queryFn: ({ signal }) =>
      api<InvitationPreview>(`${granteePath(grantee)}/invitation-preview`, { method: "POST", body, signal }),
    staleTime: 30_000,
    retry: false,
  });
}

/** An action on an existing invitation (INV-4). */
export type InvitationAction = "stop-reminders" | "resend" | "withdraw";

/**
 * Invitation changes — invite by email, make a link, stop reminders, resend, withdraw — each
 * refreshing everything access shows (the grant, the file's Access tab, the invitations).
 */
export function useInvitationMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessKeys.all });
  return {
    invite: useMutation({
      mutationFn: ({ grantee, body }: { grantee: Grantee; body: InviteGrantee }) =>
        api<Invitation>(`${granteePath(grantee)}/invitation`, { method: "POST", body }),
      onSuccess: refresh,
    }),
    link: useMutation({
      mutationFn: ({ grantee, body }: { grantee: Grantee; body: InviteGrantee }) =>
        api<InvitationLink>(`${granteePath(grantee)}/invitation-link`, { method: "POST", body }),
      onSuccess: refresh,
    }),
    act: useMutation({
      mutationFn: ({ invitation, action }: { invitation: Invitation; action: InvitationAction }) =>
        api<Invitation>(`/api/invitations/${enc(invitation.id)}/${action}`, { method: "POST" }),
      onSuccess: refresh,
    }),
  };
}
