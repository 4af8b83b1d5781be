import { createContext, useContext } from "react";
import type { Me } from "../../contracts/session";

/** `Me` of a signed-in staff member: firm and role are always present. */
export type StaffMe = Me & { firm: NonNullable<Me["firm"]>; staffRole: NonNullable<Me["staffRole"]> };

/** Narrows `Me` to a staff member, or undefined for portal-only accounts. */
export function asStaff(me: Me): StaffMe | undefined {
  return me.firm && me.staffRole ? { ...me, firm: me.firm, staffRole: me.staffRole } : undefined;
}

/** Provided by the staff area once a staff member is signed in. */
export const StaffContext = createContext<StaffMe | undefined>(undefined);

/** The signed-in staff member; only valid inside the staff area's shell. */
export function useStaff(): StaffMe {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error("useStaff() used outside the signed-in staff area");
  return staff;
}
