import { describe, expect, it } from "vitest";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow, phone } from "./support/layout";
import { linkPortalAccount } from "./support/portal-accounts";
import { portalFileUrl } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";

const admin = {
  firmName: "Cabinet Dupont",
  language: "fr",
  adminName: "Hélène Dupont",
  adminEmail: "helene@cabinet-dupont.example",
  password: "Les feuilles d'automne au vent",
};
const client = {
  name: "Claire Martin",
  email: "claire@martin.example",
  password: "a quiet harbour at night",
};

describe("the account's own data and its deletion (PORTAL-10, AUDIT-2)", () => {
  const journey = useJourney({ locale: "fr-FR", name: "account-own-data" });
  it("a client on a phone changes name and language, reads the access log, exports, and deletes the account", async () => {
    const j = journey();
    const { baseUrl, step } = j;
    const api = async <T>(method: "GET" | "POST", path: string, data?: unknown, expected = 200) => {
      const res = await j.request.fetch(`${baseUrl}${path}`, {
        method,
        headers: { "x-atrium-csrf": "1" },
        ...(data === undefined ? {} : { data }),
      });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(expected);
      return (await res.json()) as T;
    };
    let firmId = "";
    let fileId = "";
    await step("setup: Claire's household file with an asset, and her access as holder", async () => {
      await setUpFirm(j, admin);
      await setSecondFactorPolicy(j, "none");
      firmId = (await api<{ firm: { id: string } }>("GET", "/api/me")).firm.id;
      fileId = (
        await api<{ id: string }>(
          "POST",
          "/api/client-files",
          {
            kind: "private",
            holder: { firstName: "Claire", lastName: "Martin", email: client.email, language: "fr" },
          },
          201,
        )
      ).id;
      await api(
        "POST",
        `/api/client-files/${fileId}/assets`,
        { kind: "real_estate", description: "Appartement à Lyon", value: "310000.00" },
        201,
      );
      const grant = await api<{ id: string }>(
        "POST",
        "/api/grants",
        { name: "Claire", fileIds: [fileId] },
        201,
      );
      const persons = await api<{ items: Array<{ id: string; email: string | null }> }>(
        "GET",
        `/api/client-files/${fileId}/persons`,
      );
      const holder = persons.items.find((p) => p.email === client.email);
      const grantee = await api<{ id: string }>(
        "POST",
        `/api/grants/${grant.id}/grantees`,
        { personId: holder?.id, access: "read_write" },
        201,
      );
      await linkPortalAccount(j.databaseUrl, {
        firmId,
        granteeId: grantee.id,
        login: client,
        language: "fr",
      });
    });
    const { page } = await j.openBrowser("fr-FR");
    await page.setViewportSize(phone);
    await step("sign in and open the account page", async () => {
      await page.goto(`${baseUrl}/portal`);
      await page.getByLabel("Adresse e-mail").fill(client.email);
      await page.getByLabel("Mot de passe", { exact: true }).fill(client.password);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByTestId("account-link").click();
      await page.getByRole("heading", { name: "Votre compte", level: 1 }).waitFor();
      await page.getByRole("heading", { name: "Vos informations" }).waitFor();
      await expectNoHorizontalOverflow(page, "account fr");
      await j.screenshot("phone-fr", page);
    });
    await step("the holder downloads the file's overview as a PDF", async () => {
      await page.goto(portalFileUrl(baseUrl, firmId, fileId));
      const link = page.getByRole("link", { name: "Télécharger la synthèse (PDF)" });
      await link.waitFor();
      await expectNoHorizontalOverflow(page, "overview with report");
      await j.screenshot("overview-report", page);
      const href = await link.getAttribute("href");
      expect(href).toContain("/report.pdf?lang=fr");
      const res = await page.request.get(`${baseUrl}${href}`);
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
      await page.goto(`${baseUrl}/account`);
      await page.getByRole("heading", { name: "Votre compte", level: 1 }).waitFor();
    });
    await step(
      "a blank name is refused on the field; name and language change, the page switches",
      async () => {
        const name = page.getByLabel("Votre nom");
        await name.fill("   ");
        await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
        await page.getByText("Veuillez remplir ce champ.").first().waitFor();
        await name.fill("Claire Martin-Roux");
        await page.getByTestId("profile-details").getByLabel("Langue").selectOption("en");
        await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
        await page.getByText("Your details are saved.").waitFor();
        await page.getByRole("heading", { name: "Your account", level: 1 }).waitFor();
        await page.getByText("Profile changed").first().waitFor();
        await expectNoHorizontalOverflow(page, "account en");
      },
    );
    await step("the export downloads as a ZIP", async () => {
      const link = page.getByRole("link", { name: "Download my data (ZIP)" });
      const href = await link.getAttribute("href");
      expect(href).toBe("/api/account/export?lang=en");
      const res = await page.request.get(`${baseUrl}${href}`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe("application/zip");
      expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
    });
    await step(
      "the firm sees a way to delete the portal account in the Access tab, and can step back",
      async () => {
        await j.page.goto(`${baseUrl}/app/clients/${fileId}`);
        await j.page.getByRole("tab", { name: "Accès", exact: true }).click();
        await j.page.getByTestId("remove-portal-account").first().click();
        const dialog = j.page.getByRole("dialog");
        await dialog.getByText("Le compte du portail", { exact: false }).first().waitFor();
        await j.screenshot("staff-remove-dialog");
        await dialog.getByRole("button", { name: "Annuler" }).click();
        await dialog.waitFor({ state: "hidden" });
      },
    );
    await step("deleting asks for the password and the tick, keeps what was typed, then erases", async () => {
      await page.getByRole("button", { name: "Delete my account…" }).click();
      await page.getByRole("button", { name: "Delete my account now" }).click();
      await page.getByText("Please fill in this field.").first().waitFor();
      await page.getByText("Please tick this box to confirm.").waitFor();
      await page.getByLabel("Your password", { exact: true }).fill("not the password");
      await page.getByLabel("I understand that my account is erased and cannot be restored.").check();
      await page.getByRole("button", { name: "Delete my account now" }).click();
      await page.getByText("This password is not right.", { exact: false }).waitFor();
      expect(
        await page.getByLabel("I understand that my account is erased and cannot be restored.").isChecked(),
      ).toBe(true);
      await j.screenshot("delete-refused", page);
      await page.getByLabel("Your password", { exact: true }).fill(client.password);
      await page.getByRole("button", { name: "Delete my account now" }).click();
      await page.getByText("Your account has been deleted.", { exact: false }).waitFor();
      await expectNoHorizontalOverflow(page, "deleted");
      await j.screenshot("deleted", page);
      expect((await page.request.get(`${baseUrl}/api/me`)).status()).toBe(401);
    });
  });
});
