import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type {
  BulkInvitationOptions,
  BulkInvitationPlan,
  BulkInvitationRun,
  bulkInvitationOptionsSchema,
} from "../../../contracts/bulk-invitations";
import type { Salutation } from "../../../contracts/clients";
import type { Language } from "../../../contracts/common";
import { api } from "../../ui/api";

/** How often a running bulk invitation is asked for its progress. */
export const RUN_POLL_MS = 1000;
/** The longest personal message the server keeps (contracts/bulk-invitations.ts). */
export const MESSAGE_MAX = 2000;

/**
 * The request body as it goes over the wire: the server fills in the options' defaults, so the client
 * may leave them out (the schema's input type, not its output type).
 */
export type BulkInvitationBody = z.input<typeof bulkInvitationOptionsSchema>;

/** What step 1 of the dialog collects; "" means "each person's own" or "the firm's default". */
export interface BulkOptionsDraft {
  documents: "all" | "categories";
  categoryIds: string[];
  salutation: Salutation | "";
  language: Language | "";
  personalMessage: string;
  profileId: string;
}

/** The dialog's state turned into the request body shared by "plan" and "start". */
export function bulkBody(
  fileIds: readonly string[],
  draft: BulkOptionsDraft,
  sharedEmails: "bundle" | "separate",
  emails: BulkInvitationOptions["emails"],
): BulkInvitationBody {
  const message = draft.personalMessage.trim();
  return {
    fileIds: [...fileIds],
    documents: draft.documents,
    documentCategoryIds: draft.documents === "categories" ? draft.categoryIds : [],
    ...(draft.profileId ? { profileId: draft.profileId } : {}),
    ...(draft.salutation ? { salutation: draft.salutation } : {}),
    ...(draft.language ? { language: draft.language } : {}),
    personalMessage: message === "" ? null : message,
    sharedEmails,
    emails,
  };
}

/** What the bulk invitation would do; nothing is sent. */
export function planBulkInvitation(body: BulkInvitationBody) {
  return api<BulkInvitationPlan>("/api/invitations/bulk/plan", { method: "POST", body });
}

/** Starts the bulk invitation; it runs in the background. */
export function startBulkInvitation(body: BulkInvitationBody) {
  return api<BulkInvitationRun>("/api/invitations/bulk", { method: "POST", body });
}

/** A run's progress, asked again every second while it is running. */
export function bulkRunQuery(id: string, initial: BulkInvitationRun) {
  return queryOptions({
    queryKey: ["clients", "bulk-invitation", id] as const,
    queryFn: ({ signal }) => api<BulkInvitationRun>(`/api/invitations/bulk/${id}`, { signal }),
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (query.state.data?.status === "running" ? RUN_POLL_MS : false),
    // Keep following the run when the window loses focus: the progress bar is the point.
    refetchIntervalInBackground: true,
  });
}

/** The same address check as the server's (so an obvious typo is caught before asking it). */
const emailSchema = z.email().max(320);

/** Whether `value` (trimmed) is an address the server accepts. */
export function isEmail(value: string): boolean {
  return emailSchema.safeParse(value.trim()).success;
}
