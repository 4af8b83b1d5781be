import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningAtrium, startAtrium } from "./support/atrium-process";
import { launchBrowser } from "./support/browser";
import { freePort } from "./support/ports";
import { createScratchDatabase, type ScratchDatabase } from "./support/scratch-database";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const screenshotDir = path.join(repoRoot, ".tmp");

const firmName = "Kanzlei Muster GmbH";
const adminName = "Erika Mustermann";
const adminEmail = "erika.mustermann@kanzlei-muster.example";
const adminPassword = "Herbstlaub über der Brücke 7";

let tempDirs: string[] = [];
let database: ScratchDatabase | undefined;
let atrium: RunningAtrium | undefined;
let context: BrowserContext | undefined;
let page: Page;
let startFailure: unknown;
const consoleErrors: string[] = [];

/** Runs one named step; a failure names the step and keeps a screenshot of the page. */
async function step(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await page
      ?.screenshot({ path: path.join(screenshotDir, "e2e-failure.png"), fullPage: true })
      .catch(() => {});
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Step "${name}" failed at ${page?.url()}: ${detail}\n--- app output ---\n${atrium?.output()}`,
    );
  }
}

async function textOf(testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? "").trim();
}

describe("first run: setup, sign-out, sign-in, language", () => {
  // A failed start is reported by the test itself, so it counts as failed rather than skipped.
  beforeAll(async () => {
    try {
      await startEverything();
    } catch (error) {
      startFailure = error;
    }
  });

  async function startEverything(): Promise<void> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-data-"));
    const profileDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-profile-"));
    tempDirs = [dataDir, profileDir];
    await mkdir(screenshotDir, { recursive: true });

    // Check the browser first: no point starting the app when the journey cannot run.
    context = await launchBrowser(profileDir, "de-DE");
    if (process.env.DATABASE_URL) database = await createScratchDatabase(process.env.DATABASE_URL);
    atrium = await startAtrium({
      port: await freePort(),
      embeddedPgPort: await freePort(),
      dataDir,
      databaseUrl: database?.url,
    });

    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    // CSP violations and script errors surface here; failed 401 fetches are expected and not errors.
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        consoleErrors.push(message.text());
      }
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
  }

  afterAll(async () => {
    await context?.close().catch(() => {});
    await atrium?.stop();
    await database
      ?.drop()
      .catch((error: unknown) => console.warn(`Could not drop database ${database?.name}:`, error));
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("sets up the firm, signs out and in, and keeps the chosen language", async () => {
    if (startFailure) throw startFailure;
    if (!atrium || !context) throw new Error("the app or the browser did not start");
    const baseUrl = atrium.baseUrl;

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
      const cookies = await context?.cookies(baseUrl);
      const session = cookies?.filter((cookie) => /session/i.test(cookie.name)) ?? [];
      expect(
        session.length,
        `session cookies among: ${cookies?.map((c) => c.name).join(", ")}`,
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
      await page.screenshot({ path: path.join(screenshotDir, "e2e-shell.png"), fullPage: true });
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
