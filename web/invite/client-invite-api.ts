import type {
  AcceptClientInvitation,
  AcceptedClientInvitation,
  ClientInvitationPreview,
} from "../../contracts/invitations";
import { api } from "../ui/api";

/** The cache key of what invitation links stand for (the token follows it). */
export const clientInvitationKey = ["client-invitation-preview"] as const;

/** What an invitation link is for; reading consumes nothing (a 404 ApiError when the link is gone). */
export function peekClientInvitation(token: string, signal?: AbortSignal) {
  return api<ClientInvitationPreview>("/api/client-invitations/peek", {
    method: "POST",
    body: { token },
    signal,
  });
}

/** Registers from the invitation (or adds it to the existing account); the answer signs the person in. */
export function acceptClientInvitation(body: AcceptClientInvitation) {
  return api<AcceptedClientInvitation>("/api/client-invitations/accept", { method: "POST", body });
}
