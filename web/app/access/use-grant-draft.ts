import { useState } from "react";
import type {
  GrantDetail,
  GrantFile,
  GrantSettings,
  GrantSettingsPatch,
  ImpactRequest,
  UpdateGrant,
} from "../../../contracts/grants";

/** The grant as the editor changes it before saving. */
export interface GrantDraft {
  name: string;
  files: GrantFile[];
  settings: GrantSettings;
  manualContractIds: string[];
}

/** What differs between the saved grant and the draft, in the shapes the API takes. */
export interface GrantChange {
  patch?: UpdateGrant;
  fileIds?: string[];
  contractIds?: string[];
}

/** The draft a saved grant starts the editor with. */
export function draftOf(detail: GrantDetail): GrantDraft {
  return {
    name: detail.name,
    files: detail.files,
    settings: detail.settings,
    manualContractIds: detail.manualContracts.map((c) => c.id),
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return sameSet(a as string[], b as string[]);
  return a === b;
}

/** The settings fields the draft changed (undefined when none). */
function settingsPatch(saved: GrantSettings, draft: GrantSettings): GrantSettingsPatch | undefined {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as Array<keyof GrantSettings>)
    if (!sameValue(saved[key], draft[key])) patch[key] = draft[key];
  return Object.keys(patch).length > 0 ? (patch as GrantSettingsPatch) : undefined;
}

/** The change from `saved` to `draft`; an empty object when nothing changed. */
export function changeOf(saved: GrantDetail, draft: GrantDraft): GrantChange {
  const change: GrantChange = {};
  const settings = settingsPatch(saved.settings, draft.settings);
  const name = draft.name.trim();
  if (settings || name !== saved.name)
    change.patch = { ...(name !== saved.name ? { name } : {}), ...(settings ? { settings } : {}) };
  const fileIds = draft.files.map((f) => f.id);
  if (
    !sameSet(
      fileIds,
      saved.files.map((f) => f.id),
    )
  )
    change.fileIds = fileIds;
  const savedContracts = saved.manualContracts.map((c) => c.id);
  if (!sameSet(draft.manualContractIds, savedContracts)) change.contractIds = draft.manualContractIds;
  return change;
}

/** Whether a change changes anything. */
export function isChanged(change: GrantChange): boolean {
  return change.patch !== undefined || change.fileIds !== undefined || change.contractIds !== undefined;
}

/** The impact request of a change: only what decides visibility (a new name changes nothing). */
export function impactRequestOf(change: GrantChange): ImpactRequest {
  return {
    ...(change.patch?.settings ? { settings: change.patch.settings } : {}),
    ...(change.fileIds ? { fileIds: change.fileIds } : {}),
    ...(change.contractIds ? { manualContractIds: change.contractIds } : {}),
  };
}

/**
 * The editor's draft of a grant with setters per part. Removing a file also takes its contracts off
 * the manual list, as the server does, so the impact shown is what saving will do.
 */
export function useGrantDraft(detail: GrantDetail) {
  const [draft, setDraft] = useState<GrantDraft>(() => draftOf(detail));
  const setSettings = (patch: Partial<GrantSettings>) =>
    setDraft((d) => ({ ...d, settings: { ...d.settings, ...patch } }));
  return {
    draft,
    reset: (next: GrantDetail) => setDraft(draftOf(next)),
    setName: (name: string) => setDraft((d) => ({ ...d, name })),
    setSettings,
    addFile: (file: GrantFile) =>
      setDraft((d) => (d.files.some((f) => f.id === file.id) ? d : { ...d, files: [...d.files, file] })),
    /** Removes a file and, from the manual list, its contracts (`contractIds`). */
    removeFile: (fileId: string, contractIds: readonly string[]) =>
      setDraft((d) => ({
        ...d,
        files: d.files.filter((f) => f.id !== fileId),
        manualContractIds: d.manualContractIds.filter((id) => !contractIds.includes(id)),
      })),
    toggleContract: (contractId: string, on: boolean) =>
      setDraft((d) => ({
        ...d,
        manualContractIds: on
          ? [...new Set([...d.manualContractIds, contractId])]
          : d.manualContractIds.filter((id) => id !== contractId),
      })),
  };
}

/** Adds or removes one value of a list setting (categories, lines, features). */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}
