import type { APIRequestContext, Page } from "playwright-core";
import type { PortalLogin } from "./portal-accounts";

// Steps through the client portal as a person does (English UI), shared by journeys about access.

/** Signs in at /portal with the sign-in form and waits for the portal's own header. */
export async function signInToPortal(page: Page, baseUrl: string, login: PortalLogin): Promise<void> {
  await page.goto(`${baseUrl}/portal`);
  await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
  await page.getByLabel("Email address").fill(login.email);
  await page.getByLabel("Password", { exact: true }).fill(login.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("logout").waitFor();
}

/** Signs out with the header's button and waits for the sign-in form. */
export async function signOutOfPortal(page: Page): Promise<void> {
  await page.getByTestId("logout").click();
  await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
}

/** The address of a file's page in the portal: its overview, or one section of it. */
export function portalFileUrl(baseUrl: string, firmId: string, fileId: string, section?: string): string {
  return `${baseUrl}/portal/${firmId}/${fileId}${section ? `/${section}` : ""}`;
}

/**
 * Opens a section of the current file from the overview's tiles (the way on every screen size), after
 * going to the overview by the phone's "back" link or the navigation when not there yet.
 */
export async function openSection(page: Page, section: string): Promise<void> {
  const backLink = page.getByRole("link", { name: "← Back to the overview" });
  const navOverview = page.getByRole("navigation", { name: "Sections of this file" }).getByRole("link", {
    name: "Overview",
  });
  if (await backLink.isVisible()) await backLink.click();
  else if (await navOverview.isVisible()) await navOverview.click();
  const tiles = page.getByRole("region", { name: "What you can look at" });
  await tiles.getByRole("link", { name: new RegExp(`^${section}`) }).click();
  await page.getByRole("heading", { name: section, level: 1 }).waitFor();
}

/** Opens another file of the viewer with the file switcher ("Your files", then "Open"). */
export async function switchFile(page: Page, fileName: string): Promise<void> {
  await page.getByLabel("Your files").selectOption({ label: fileName });
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await page.getByRole("heading", { name: fileName, level: 1 }).waitFor();
}

/** The contract numbers on the Contracts page, sorted (each card's small line reads "Insurer · number"). */
export async function contractNumbersShown(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "Contracts", exact: true });
  const empty = page.getByText("No contracts are shared with you.");
  await list.or(empty).first().waitFor();
  if (await empty.isVisible()) return [];
  const items = list.getByRole("listitem");
  const numbers: string[] = [];
  for (let index = 0; index < (await items.count()); index++) {
    const overline = (await items.nth(index).locator("p").first().textContent()) ?? "";
    numbers.push(overline.split(" · ").at(-1) ?? overline);
  }
  return numbers.sort();
}

/**
 * A PATCH through the portal API with `request`'s session (the CSRF header, and any other headers such
 * as the preview's); answers the status and the error's message (empty on success).
 */
export async function portalPatch(
  request: APIRequestContext,
  url: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; message: string }> {
  const res = await request.patch(url, { data, headers: { "x-atrium-csrf": "1", ...headers } });
  const body = (await res.json()) as { error?: { message?: string } };
  return { status: res.status(), message: body.error?.message ?? "" };
}

/** Opens one of the viewer's files from the portal's home page and waits for its overview. */
export async function openPortalFile(page: Page, fileName: string): Promise<void> {
  await page.getByTestId("portal-file-link").filter({ hasText: fileName }).click();
  await page.getByRole("heading", { name: fileName, level: 1 }).waitFor();
}
