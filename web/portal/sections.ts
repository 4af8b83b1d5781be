import { type PortalList, type PortalOverview, portalLists } from "../../contracts/portal";

/** The pages of a file besides its overview, in the order the navigation shows them. */
export const portalSections = [...portalLists, "family"] as const;
/** One page of a file besides its overview. */
export type PortalSection = (typeof portalSections)[number];

/** Narrows a path segment to a section of the portal. */
export function isPortalSection(value: string): value is PortalSection {
  return (portalSections as readonly string[]).includes(value);
}

/**
 * The sections of a file: the lists its grants share (also while still empty, so a client sees where
 * things will appear), and family access for holders who manage it (PORTAL-9).
 */
export function shownSections(overview: PortalOverview): PortalSection[] {
  return portalSections.filter((section) =>
    section === "family" ? overview.access.canManageFamily : overview.shared[section],
  );
}

/** How many entries a section holds, for the overview's tiles (none for family access). */
export function sectionCount(overview: PortalOverview, section: PortalSection): number | null {
  return section === "family" ? null : overview.counts[section];
}

/**
 * What the viewer may do with the records of one list here, as the overview says (the server checks
 * every change again): change those marked editable, and add new ones. Nothing in a preview.
 */
export function listActions(
  overview: PortalOverview,
  preview: boolean,
  list: PortalList,
): { change: boolean; create: boolean } {
  if (preview) return { change: false, create: false };
  const { mayChange, mayCreate } = overview.access;
  const create = list === "assets" || list === "donations" ? mayCreate[list] : false;
  return { change: mayChange[list], create };
}
