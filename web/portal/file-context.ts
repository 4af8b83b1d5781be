import { createContext, useContext } from "react";
import type { PortalList, PortalOverview } from "../../contracts/portal";
import { listActions } from "./sections";

/** What every page of one file needs: where it is, its overview, and whether this is a preview. */
export interface PortalFile {
  firmId: string;
  fileId: string;
  overview: PortalOverview;
  /** True in a staff preview (GRANT-8): nothing can be changed. */
  preview: boolean;
}

/** Provided by the file layout once the file's overview is loaded. */
export const PortalFileContext = createContext<PortalFile | undefined>(undefined);

/** The open file; only valid inside the file layout. */
export function usePortalFile(): PortalFile {
  const file = useContext(PortalFileContext);
  if (!file) throw new Error("usePortalFile() used outside a portal file");
  return file;
}

/** What the viewer may do with one list of the open file: change its editable records, add new ones. */
export function useListActions(list: PortalList): { change: boolean; create: boolean } {
  const { overview, preview } = usePortalFile();
  return listActions(overview, preview, list);
}
