import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { StaffRole } from "../../../contracts/common";
import type {
  AcceptedStaffInvitation,
  AcceptStaffInvitation,
  InviteStaff,
  StaffInvitation,
  StaffInvitationPreview,
  StaffList,
  StaffMember,
} from "../../../contracts/staff";
import { api } from "../../ui/api";

const staffKey = ["staff"] as const;

/** The team and its pending invitations. */
export const staffListQuery = queryOptions({
  queryKey: staffKey,
  queryFn: ({ signal }) => api<StaffList>("/api/staff", { signal }),
});

function useStaffMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}

/** Invites a person by email. */
export function useInviteStaff() {
  return useStaffMutation((body: InviteStaff) =>
    api<StaffInvitation>("/api/staff/invitations", { method: "POST", body }),
  );
}

/** Sends an invitation again with a new link. */
export function useResendInvitation() {
  return useStaffMutation((id: string) =>
    api<StaffInvitation>(`/api/staff/invitations/${id}/resend`, { method: "POST" }),
  );
}

/** Withdraws a pending invitation. */
export function useRevokeInvitation() {
  return useStaffMutation((id: string) => api<null>(`/api/staff/invitations/${id}`, { method: "DELETE" }));
}

/** Changes a member's role. */
export function useChangeRole() {
  return useStaffMutation(({ userId, role }: { userId: string; role: StaffRole }) =>
    api<StaffMember>(`/api/staff/${userId}`, { method: "PATCH", body: { role } }),
  );
}

/** Deactivates or reactivates a member. */
export function useSetActive() {
  return useStaffMutation(({ userId, active }: { userId: string; active: boolean }) =>
    api<StaffMember>(`/api/staff/${userId}/${active ? "reactivate" : "deactivate"}`, { method: "POST" }),
  );
}

/** What an invitation link is for; the token goes in the body, never into a URL. */
export function peekStaffInvitation(token: string, signal?: AbortSignal) {
  return api<StaffInvitationPreview>("/api/staff-invitations/peek", {
    method: "POST",
    body: { token },
    signal,
  });
}

/** Accepts the invitation; the answer signs the new member in. */
export function acceptStaffInvitation(body: AcceptStaffInvitation) {
  return api<AcceptedStaffInvitation>("/api/staff-invitations/accept", { method: "POST", body });
}
