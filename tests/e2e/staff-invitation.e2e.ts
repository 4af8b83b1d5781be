import { describe, expect, it } from "vitest";
import { setUpFirm, useJourney, waitForMail } from "./support/journey";

const admin = {
  firmName: "Kanzlei Muster GmbH",
  language: "de",
  adminName: "Erika Mustermann",
  adminEmail: "erika@kanzlei-muster.example",
  password: "Herbstlaub über der Brücke 7",
};
const invitee = {
  name: "Nora Neumann",
  email: "nora@kanzlei-muster.example",
  password: "sieben Laternen am Hafen",
};

describe("staff invitation: invite, mail, accept, read-only team page", () => {
  const journey = useJourney({ locale: "de-DE", name: "e2e-staff" });

  it("an admin invites a colleague who joins from the emailed link and lands in the back office", async () => {
    const j = journey();
    const { page, baseUrl, step, consoleErrors } = j;
    let link = "";

    await step("set up the firm (signs the admin in)", async () => {
      await setUpFirm(j, admin);
    });

    await step("invite from the team page", async () => {
      await page.goto(`${baseUrl}/app/staff`);
      await page.getByRole("heading", { name: "Team", level: 1 }).waitFor();
      await page.getByTestId("staff-member").filter({ hasText: admin.adminName }).waitFor();
      await page.getByTestId("invite-staff").click();
      const dialog = page.getByRole("dialog", { name: "Kollegin oder Kollegen einladen" });
      await dialog.getByLabel("Name").fill(invitee.name);
      await dialog.getByLabel("E-Mail-Adresse").fill(invitee.email);
      await dialog.getByLabel("Rolle").selectOption({ label: "Assistenz" });
      await dialog.getByRole("button", { name: "Einladung senden" }).click();
      await page.getByText(`Die Einladung wurde an ${invitee.email} gesendet.`).waitFor();
      await page.getByTestId("staff-invitation").filter({ hasText: invitee.email }).waitFor();
    });

    await step("the invitation mail arrives with its link", async () => {
      const text = await waitForMail(j, invitee.email);
      link = text.match(/(http\S+\/invite\/staff#token=[A-Za-z0-9_-]{43})/)?.[1] ?? "";
      expect(link).not.toBe("");
    });

    await step("sign out, open the link: the token leaves the address bar", async () => {
      await page.getByTestId("logout").click();
      await page.getByRole("heading", { name: "Anmeldung für Mitarbeitende" }).waitFor();
      await page.goto(link);
      await page.getByRole("heading", { name: "Treten Sie Ihrem Team auf Atrium bei" }).waitFor();
      await page.getByText(`${admin.firmName} lädt Sie in das Team ein`).waitFor();
      expect(page.url()).toBe(`${baseUrl}/invite/staff`);
    });

    await step("choose a password and join", async () => {
      await page.getByLabel("Ihr Name").fill(invitee.name);
      const password = page.getByLabel("Passwort wählen", { exact: true });
      await password.fill(invitee.password);
      await page.getByRole("button", { name: "Passwort anzeigen" }).click();
      expect(await password.getAttribute("type")).toBe("text");
      await page.getByRole("button", { name: "Dem Team beitreten" }).click();
      await page.waitForURL(`${baseUrl}/app`);
      await page.getByTestId("user-name").filter({ hasText: invitee.name }).waitFor();
    });

    await step("the new assistant sees the team read-only", async () => {
      await page.getByRole("link", { name: "Team" }).click();
      await page.getByTestId("staff-member").filter({ hasText: invitee.name }).waitFor();
      expect(await page.getByTestId("invite-staff").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Deaktivieren" }).count()).toBe(0);
      await j.screenshot("team");
    });

    await step("the used link no longer works", async () => {
      await page.getByTestId("logout").click();
      await page.getByRole("heading", { name: "Anmeldung für Mitarbeitende" }).waitFor();
      await page.goto(link);
      await page.getByRole("heading", { name: "Dieser Einladungslink funktioniert nicht mehr" }).waitFor();
    });

    await step("no script or CSP errors in the console", async () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
