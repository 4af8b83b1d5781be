import { describe, expect, it } from "vitest";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow, expectVisibleInWindow, phone } from "./support/layout";
import { portalClientOfFirm } from "./support/portal-accounts";
import { setSecondFactorPolicy } from "./support/second-factor";

const admin = {
  firmName: "Kanzlei Muster GmbH",
  language: "de",
  adminName: "Erika Mustermann",
  adminEmail: "erika@kanzlei-muster.example",
  password: "Herbstlaub über der Brücke 7",
};
const client = { name: "Klara Muster", email: "klara@muster.example", password: "a quiet harbour at night" };

/** Opens a page of the app by its address, as a link from a mail or a typed address does. */
async function open(page: import("playwright-core").Page, baseUrl: string, path: string) {
  await page.goto(`${baseUrl}${path}`);
}

describe("password reset and own sessions (PORTAL-1)", () => {
  const journey = useJourney({ locale: "de-DE", name: "account-reset" });
  it("a staff member and a client see their sessions, sign out elsewhere, and reset a forgotten password from the mail", async () => {
    const j = journey();
    const { page, baseUrl, step } = j;
    await step("setup", async () => {
      await setUpFirm(j, admin);
      // The portal's own pages are what this journey is about: the firm asks for no second factor.
      await setSecondFactorPolicy(j, "none");
      await portalClientOfFirm(j, client, "fr");
    });
    await step("account page as staff", async () => {
      await page.setViewportSize(phone);
      await open(page, baseUrl, "/account");
      await page.getByRole("heading", { name: "Ihr Konto", level: 1 }).waitFor();
      await page.getByText("Dieses Gerät", { exact: true }).waitFor();
      await expectNoHorizontalOverflow(page, "account");
      await j.screenshot("account-staff");
    });
    await step("portal client on a phone: header link, account page, other sessions", async () => {
      const other = await j.openBrowser("fr-FR");
      await other.page.goto(`${baseUrl}/portal`);
      await other.page.getByLabel("Adresse e-mail").fill(client.email);
      await other.page.getByLabel("Mot de passe", { exact: true }).fill(client.password);
      await other.page.getByRole("button", { name: "Se connecter" }).click();
      const phoneB = await j.openBrowser("fr-FR");
      await phoneB.page.setViewportSize(phone);
      await phoneB.page.goto(`${baseUrl}/portal`);
      await phoneB.page.getByLabel("Adresse e-mail").fill(client.email);
      await phoneB.page.getByLabel("Mot de passe", { exact: true }).fill(client.password);
      await phoneB.page.getByRole("button", { name: "Se connecter" }).click();
      const link = phoneB.page.getByTestId("account-link");
      await expectVisibleInWindow(phoneB.page, "portal header", [link, phoneB.page.getByTestId("logout")]);
      await expectNoHorizontalOverflow(phoneB.page, "portal");
      await j.screenshot("portal-phone", phoneB.page);
      await link.click();
      await phoneB.page.getByRole("heading", { name: "Votre compte", level: 1 }).waitFor();
      await phoneB.page.getByText("Cet appareil", { exact: true }).waitFor();
      await expectNoHorizontalOverflow(phoneB.page, "account fr");
      await j.screenshot("account-client", phoneB.page);
      await phoneB.page.getByRole("button", { name: "Me déconnecter partout ailleurs" }).click();
      await phoneB.page.getByText("Autres sessions terminées : 1.").waitFor();
      await j.screenshot("account-client-after", phoneB.page);
    });
    await step("forgot password from staff sign-in", async () => {
      await open(page, baseUrl, "/account");
      await page.getByRole("button", { name: "Hier abmelden" }).click();
      await page.goto(`${baseUrl}/app`);
      await page.getByRole("link", { name: "Passwort vergessen?" }).click();
      await page.getByRole("heading", { name: "Passwort vergessen?" }).waitFor();
      expect(page.url()).toBe(`${baseUrl}/forgot-password?from=app`);
      await expectNoHorizontalOverflow(page, "forgot");
      await j.screenshot("forgot");
      await page.getByLabel("Ihre E-Mail-Adresse").fill(admin.adminEmail);
      await page.getByRole("button", { name: "Link senden" }).click();
      await page.getByRole("heading", { name: "Bitte sehen Sie in Ihre E-Mails" }).waitFor();
      await j.screenshot("forgot-sent");
    });
    await step("reset from the mail", async () => {
      const signIn = await j.request.post(`${baseUrl}/api/session`, {
        data: { email: admin.adminEmail, password: admin.password },
        headers: { "x-atrium-csrf": "1" },
      });
      expect(signIn.status()).toBe(200);
      let link = "";
      await expect
        .poll(
          async () => {
            const { mails } = (await (await j.request.get(`${baseUrl}/api/dev/mailbox`)).json()) as {
              mails: Array<{ id: string }>;
            };
            for (const m of mails) {
              const text = (
                (await (await j.request.get(`${baseUrl}/api/dev/mailbox/${m.id}`)).json()) as { text: string }
              ).text;
              link = text.match(/(http\S+\/reset-password#token=[A-Za-z0-9_-]{43})/)?.[1] ?? link;
            }
            return link;
          },
          { timeout: 20_000 },
        )
        .not.toBe("");
      expect(link).not.toBe("");
      await open(page, baseUrl, link.slice(link.indexOf("/reset-password")));
      await page.getByRole("heading", { name: "Neues Passwort wählen" }).waitFor();
      expect(page.url()).toBe(`${baseUrl}/reset-password`);
      await page.getByText("Für das Konto e***@kanzlei-muster.example.").waitFor();
      await expectNoHorizontalOverflow(page, "reset");
      const pw = page.getByLabel("Neues Passwort", { exact: true });
      await pw.fill("password1");
      await page.getByRole("button", { name: "Neues Passwort speichern" }).click();
      await page.getByText("meistgenutzten").waitFor();
      await j.screenshot("reset-weak");
      await pw.fill("sieben Drachen über der Mühle");
      await page.getByRole("button", { name: "Passwort anzeigen" }).click();
      expect(await pw.getAttribute("type")).toBe("text");
      await page.getByRole("button", { name: "Neues Passwort speichern" }).click();
      await page.getByText("Ihr Passwort wurde geändert. Melden Sie sich damit an.").waitFor();
      await j.screenshot("reset-done");
      await page.goto(`${baseUrl}/app`);
      await open(page, baseUrl, link.slice(link.indexOf("/reset-password")));
      await page.getByRole("heading", { name: "Dieser Link funktioniert nicht mehr" }).waitFor();
      await j.screenshot("reset-gone");
    });
    expect(j.consoleErrors).toEqual([]);
  });
});
