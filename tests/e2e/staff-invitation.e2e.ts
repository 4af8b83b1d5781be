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

let tempDirs: string[] = [];
let database: ScratchDatabase | undefined;
let atrium: RunningAtrium | undefined;
let context: BrowserContext | undefined;
let page: Page;
let startFailure: unknown;
const consoleErrors: string[] = [];

async function step(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await page
      ?.screenshot({ path: path.join(screenshotDir, "e2e-staff-failure.png"), fullPage: true })
      .catch(() => {});
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Step "${name}" failed at ${page?.url()}: ${detail}\n--- app output ---\n${atrium?.output()}`,
    );
  }
}

describe("staff invitation: invite, mail, accept, read-only team page", () => {
  beforeAll(async () => {
    try {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-data-"));
      const profileDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-profile-"));
      tempDirs = [dataDir, profileDir];
      await mkdir(screenshotDir, { recursive: true });
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
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          consoleErrors.push(message.text());
        }
      });
      page.on("pageerror", (error) => consoleErrors.push(error.message));
    } catch (error) {
      startFailure = error;
    }
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await atrium?.stop();
    await database?.drop().catch(() => {});
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("an admin invites a colleague who joins from the emailed link and lands in the back office", async () => {
    if (startFailure) throw startFailure;
    if (!atrium || !context) throw new Error("the app or the browser did not start");
    const baseUrl = atrium.baseUrl;
    const request = context.request;
    let link = "";

    await step("set up the firm (signs the admin in)", async () => {
      const res = await request.post(`${baseUrl}/api/setup`, {
        data: admin,
        headers: { "x-atrium-csrf": "1" },
      });
      expect(res.status()).toBe(201);
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
      await expect
        .poll(
          async () => {
            const list = (await (await request.get(`${baseUrl}/api/dev/mailbox`)).json()) as {
              mails: Array<{ id: string; to: string }>;
            };
            return list.mails.find((m) => m.to.includes(invitee.email))?.id ?? "";
          },
          { timeout: 20_000 },
        )
        .not.toBe("");
      const list = (await (await request.get(`${baseUrl}/api/dev/mailbox`)).json()) as {
        mails: Array<{ id: string; to: string }>;
      };
      const id = list.mails.find((m) => m.to.includes(invitee.email))?.id;
      const mail = (await (await request.get(`${baseUrl}/api/dev/mailbox/${id}`)).json()) as { text: string };
      link = mail.text.match(/(http\S+\/invite\/staff#token=[A-Za-z0-9_-]{43})/)?.[1] ?? "";
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
      await page.screenshot({ path: path.join(screenshotDir, "e2e-staff-team.png"), fullPage: true });
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
