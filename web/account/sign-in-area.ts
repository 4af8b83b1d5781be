/** Where a sign-in form sent someone from, so "back to sign-in" returns there. */
export type SignInArea = "portal" | "app";

/** The sign-in page of an area: the portal for clients, the workspace for firm staff. */
export function signInPath(area: SignInArea | undefined): "/portal" | "/app" {
  return area === "app" ? "/app" : "/portal";
}
