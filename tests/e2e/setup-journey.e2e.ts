import { describe, expect, it } from "vitest";
import { useJourney } from "./support/journey";

const firmName = "Kanzlei Muster GmbH";
const adminName = "Erika Mustermann";
const adminEmail = "erika.mustermann@kanzlei-muster.example";
const adminPassword = "Herbstlaub über der Brücke 7";

describe("first run: setup, sign-out, sign-in, language", () => {
  const journey = useJourney({ locale: "de-DE", name: "e2e-setup" });

  it("sets up the firm, signs out and in, and keeps the chosen language", async () => {
    const { page, context, baseUrl, step, screenshot, consoleErrors } = journey();
    const textOf = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? "").trim();

    await step("open / and land on setup", async () => {
      await page.goto(`${baseUrl}/`);
      await page.waitForURL(`${baseUrl}/setup`);
      await page.getByRole("heading", { name: "Atrium einrichten" }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("de");
    });

    await step("fill the setup form", async () => {
      await page.getByLabel("Name der Firma").fill(firmName);
      await page.getByLabel("Sprache der Firma").selectOption({ label: "Deutsch" });
      await page.getByLabel("Vollständiger Name").fill(adminName);
      await page.getByLabel("E-Mail-Adresse").fill(adminEmail);
      const password = page.getByLabel("Passwort", { exact: true });
      await password.fill(adminPassword);
      await page.getByRole("button", { name: "Passwort anzeigen" }).click();
      expect(await password.getAttribute("type")).toBe("text");
      await page.getByRole("button", { name: "Passwort anzeigen" }).click();
      expect(await password.getAttribute("type")).toBe("password");
    });

    await step("submit setup and see the shell", async () => {
      await page.getByRole("button", { name: "Firma anlegen und anmelden" }).click();
      await page.waitForURL(`${baseUrl}/app`);
      await page.getByTestId("welcome").filter({ hasText: "Willkommen" }).waitFor();
      expect(await textOf("firm-name")).toBe(firmName);
      expect(await textOf("user-name")).toBe(adminName);
      expect(await textOf("welcome")).toBe(`Willkommen, ${adminName}`);
    });

    await step("the session cookie is HttpOnly", async () => {
      const cookies = await context.cookies(baseUrl);
      const session = cookies.filter((cookie) => /session/i.test(cookie.name));
      expect(
        session.length,
        `session cookies among: ${cookies.map((c) => c.name).join(", ")}`,
      ).toBeGreaterThan(0);
      for (const cookie of session) expect(cookie.httpOnly, `${cookie.name} must be HttpOnly`).toBe(true);
    });

    await step("sign out", async () => {
      await page.getByTestId("logout").click();
      await page.getByRole("heading", { name: "Anmeldung für Mitarbeitende" }).waitFor();
    });

    await step("sign in again", async () => {
      await page.getByLabel("E-Mail-Adresse").fill(adminEmail);
      await page.getByLabel("Passwort", { exact: true }).fill(adminPassword);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await page.getByTestId("welcome").waitFor();
      expect(await textOf("firm-name")).toBe(firmName);
      expect(await textOf("welcome")).toBe(`Willkommen, ${adminName}`);
      await page.getByRole("link", { name: "Übersicht" }).waitFor();
      expect(await page.getByTestId("logout").textContent()).toBe("Abmelden");
      await screenshot("shell");
    });

    await step("switch the language to English", async () => {
      const saved = page.waitForResponse(
        (response) => response.url() === `${baseUrl}/api/me` && response.request().method() === "PATCH",
      );
      await page.getByTestId("language-switch").selectOption({ label: "English" });
      expect((await saved).status()).toBe(200);
      await page.getByTestId("welcome").filter({ hasText: "Welcome" }).waitFor();
      expect(await textOf("welcome")).toBe(`Welcome, ${adminName}`);
      expect(await page.getByTestId("logout").textContent()).toBe("Sign out");
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
    });

    await step("English survives a reload", async () => {
      // Make the browser remember German, so English after the reload can only come from the account.
      await page.evaluate(() => window.localStorage.setItem("atrium.language", "de"));
      await page.reload();
      await page.getByTestId("welcome").filter({ hasText: "Welcome" }).waitFor();
      expect(await textOf("welcome")).toBe(`Welcome, ${adminName}`);
      expect(await textOf("firm-name")).toBe(firmName);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
    });

    await step("setup is done: / and /setup lead to the staff area", async () => {
      await page.goto(`${baseUrl}/setup`);
      await page.waitForURL(`${baseUrl}/app`);
      await page.goto(`${baseUrl}/`);
      await page.waitForURL(`${baseUrl}/app`);
      await page.getByTestId("welcome").filter({ hasText: "Welcome" }).waitFor();
    });

    await step("no script or CSP errors in the console", async () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
