import { type CaseKind, caseKindFeature } from "../../../contracts/cases";
import type { PortalOverview } from "../../../contracts/portal";

/** The order the portal offers what a client can send: the everyday first. */
export const offeredKinds: readonly CaseKind[] = [
  "message",
  "claim_report",
  "upload",
  "contract_capture",
  "quote_request",
];

/** Narrows a path segment to a kind of case. */
export function isCaseKind(value: string): value is CaseKind {
  return (offeredKinds as readonly string[]).includes(value);
}

/**
 * Whether the file shows "Messages & requests" at all: a grant enables something that creates a case
 * (the page itself then says what the viewer may start, primary-contact rule included).
 */
export function showsCases(overview: PortalOverview): boolean {
  const features: readonly string[] = overview.features;
  return Object.values(caseKindFeature).some((feature) => features.includes(feature));
}
