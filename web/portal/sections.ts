import type { PortalOverview } from "../../contracts/portal";

/** The pages of a file besides its overview, in the order the navigation shows them. */
export const portalSections = [
  "contracts",
  "assets",
  "claims",
  "addresses",
  "persons",
  "donations",
  "documents",
  "family",
] as const;
/** One page of a file besides its overview. */
export type PortalSection = (typeof portalSections)[number];

/** Narrows a path segment to a section of the portal. */
export function isPortalSection(value: string): value is PortalSection {
  return (portalSections as readonly string[]).includes(value);
}

/**
 * The sections worth showing for a file: those with something the viewer sees, assets and donations
 * also when the viewer may add them, family access for holders who manage it (PORTAL-9). The API
 * answers only what the grants share, so an unshared kind is simply empty and stays hidden.
 */
export function shownSections(overview: PortalOverview): PortalSection[] {
  const { counts, access } = overview;
  const has: Record<PortalSection, boolean> = {
    contracts: counts.contracts > 0,
    assets: counts.assets > 0 || access.editableKinds.includes("asset"),
    claims: counts.claims > 0,
    addresses: counts.addresses > 0,
    persons: counts.persons > 0,
    donations: counts.donations > 0 || access.editableKinds.includes("donation"),
    documents: counts.documents > 0,
    family: access.canManageFamily,
  };
  return portalSections.filter((section) => has[section]);
}

/** How many entries a section holds, for the overview's tiles (none for family access). */
export function sectionCount(overview: PortalOverview, section: PortalSection): number | null {
  return section === "family" ? null : overview.counts[section];
}
