import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { GrantDetail } from "../../contracts/grants";
import { PREVIEW_HEADER } from "../../contracts/portal";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow, expectVisibleInWindow, phone, screens } from "./support/layout";
import { linkPortalAccount } from "./support/portal-accounts";
import {
  contractNumbersShown,
  openPortalFile,
  openSection,
  portalFileUrl,
  portalPatch,
  signInToPortal,
  signOutOfPortal,
  switchFile,
} from "./support/portal-pages";
import {
  banker,
  contractNumbers,
  createSeed004World,
  documentTitles,
  grantName,
  klara,
  max,
  type Seed004World,
  savings,
  seed004Firm,
  staffGet,
} from "./support/seed-004-world";

const people = { klara, max, banker } as const;
type Who = keyof typeof people;

// The server's refusals (access.messages.ts), word for word: they must say why.
const readOnlyMessage =
  "Your access to this file is read-only. Ask your advisor if you need to change something.";
const roleMessage =
  "Your access lets you change persons, assets and donations only. Ask the firm to change anything else.";
const previewMessage = "This is a preview of what the client sees. Nothing can be changed here.";

function openTab(page: Page, name: string) {
  return page.getByRole("tab", { name, exact: true }).click();
}

/** A person's card on the Access tab (the list of that person's entries is named after them). */
function accessEntries(page: Page, name: string) {
  return page.getByRole("list", { name: `Access of ${name}` });
}

describe("seed 004: Klara's grant bundles her file and Musterfirma; explain and preview agree with the portal", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-seed-004" });

  it("shares HRV and KFZ, not RS; read changes nothing; the banker edits an asset, not a contract", async () => {
    const j = journey();
    const { page, baseUrl, step, request, consoleErrors } = j;
    let world = {} as Seed004World;
    let grantId = "";
    const granteeIds = {} as Record<Who, string>;
    /** What Klara saw in the portal: contract numbers per file name. */
    const klaraSaw: Record<string, string[]> = {};
    const klaraFileUrl = () => `${baseUrl}/app/clients/${world.klaraFile.id}`;
    /** A portal API address of Klara's file. */
    const apiUrl = (rest: string) =>
      `${baseUrl}/api/portal/firms/${world.firmId}/files/${world.klaraFile.id}/${rest}`;

    await step("set up an English-speaking firm and the seed-004 client data (staff API)", async () => {
      await setUpFirm(j, seed004Firm);
      world = await createSeed004World(j);
    });

    await step("Access tab: create the grant from the profile “Household — full”", async () => {
      await page.goto(klaraFileUrl());
      await page.getByRole("heading", { name: world.klaraFile.name, level: 1 }).waitFor();
      await openTab(page, "Access");
      await page.getByText("Nothing from this file is shared yet.", { exact: false }).waitFor();
      await page.getByRole("button", { name: "New grant", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "New grant" });
      await dialog.getByLabel("Name of the grant").fill(grantName);
      await dialog.getByRole("radio", { name: /^Household — full/ }).check();
      await dialog.getByRole("button", { name: "Save" }).click();
      await page.waitForURL(/\/app\/grants\/[0-9a-f-]{36}$/);
      grantId = page.url().split("/").pop() ?? "";
      await page.getByRole("heading", { name: grantName, level: 1 }).waitFor();
    });

    await step("grant editor: bundle Musterfirma with Klara's file", async () => {
      const files = page.getByRole("region", { name: "Client files bundled" });
      await files.getByRole("searchbox", { name: "Add a client file" }).fill("Musterfirma");
      await files.getByRole("button", { name: `Add ${world.companyFile.name}` }).click();
      await files.getByRole("link", { name: world.companyFile.name }).waitFor();
      await files.getByRole("link", { name: world.klaraFile.name }).waitFor();
    });

    await step("grant editor: contracts automatically, own/application/policy of HRV and KFZ", async () => {
      const sharing = page.getByRole("region", { name: "What is shared" });
      const automatic = sharing.getByRole("radio", { name: /^Contracts automatically by category/ });
      expect(await automatic.isChecked()).toBe(true);
      const categories = sharing.getByRole("group", { name: "Categories shared" });
      for (const name of ["Request", "Offer"]) {
        await categories.getByRole("checkbox", { name: new RegExp(`^${name} Status`) }).uncheck();
      }
      for (const name of ["Own", "Application", "Policy"]) {
        expect(
          await categories.getByRole("checkbox", { name: new RegExp(`^${name} Status`) }).isChecked(),
        ).toBe(true);
      }
      const lines = sharing.getByRole("group", { name: "Only these lines of business (optional)" });
      await lines.getByRole("checkbox", { name: "HRV · Household contents" }).check();
      await lines.getByRole("checkbox", { name: "KFZ · Motor" }).check();
      expect(await lines.getByRole("checkbox", { name: "RS · Legal expenses" }).isChecked()).toBe(false);
    });

    await step("grant editor: review what changes for whom, then save", async () => {
      await page.getByRole("status").filter({ hasText: "You have unsaved changes." }).waitFor();
      await page.getByRole("button", { name: "Review and save" }).click();
      const dialog = page.getByRole("dialog", { name: "What changes for whom" });
      await dialog
        .getByText("The grant is not shared with anyone yet, so nobody sees a difference.")
        .waitFor();
      await dialog.getByRole("button", { name: "Save changes" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByText("The grant was saved.").waitFor();
      const saved = await staffGet<GrantDetail>(j, `/api/grants/${grantId}`);
      expect(saved.files.map((f) => f.id).sort()).toEqual([world.klaraFile.id, world.companyFile.id].sort());
      expect(saved.settings.contractCategories.sort()).toEqual(["application", "own", "policy"]);
      expect(saved.settings.lineOfBusinessIds.sort()).toEqual([world.lines.HRV, world.lines.KFZ].sort());
    });

    await step("Access tab: give Klara and the banker read and write, Max read", async () => {
      await page.getByRole("link", { name: `← Back to ${world.klaraFile.name}` }).click();
      await page.getByRole("heading", { name: world.klaraFile.name, level: 1 }).waitFor();
      await openTab(page, "Access");
      for (const who of ["klara", "max", "banker"] as const) {
        const { name } = people[who];
        await page.getByRole("button", { name: `Give access ${name}` }).click();
        const dialog = page.getByRole("dialog", { name: "Give access" });
        await dialog.getByText(`Through the grant ${grantName}`).waitFor();
        expect(
          await dialog.getByLabel("Person", { exact: true }).locator("option:checked").textContent(),
        ).toMatch(new RegExp(`^${name} \\(`));
        await dialog.getByLabel("Access", { exact: true }).selectOption({ label: people[who].level });
        await dialog.getByRole("button", { name: "Save" }).click();
        await dialog.waitFor({ state: "hidden" });
        const entry = accessEntries(page, name).getByRole("listitem");
        await entry.filter({ hasText: people[who].level }).filter({ hasText: "Pending" }).waitFor();
        expect(await entry.getByRole("link", { name: grantName }).count()).toBe(1);
      }
    });

    await step("portal accounts for the three (tests create accounts until invitations exist)", async () => {
      const grant = await staffGet<GrantDetail>(j, `/api/grants/${grantId}`);
      for (const who of ["klara", "max", "banker"] as const) {
        const grantee = grant.grantees.find((g) => g.name === people[who].name);
        expect(grantee, `grantee ${people[who].name}`).toBeDefined();
        granteeIds[who] = grantee?.id ?? "";
        await linkPortalAccount(j.databaseUrl, {
          firmId: world.firmId,
          granteeId: granteeIds[who],
          login: people[who],
        });
      }
      await page.reload();
      await page.getByRole("heading", { name: world.klaraFile.name, level: 1 }).waitFor();
      await openTab(page, "Access");
      for (const who of ["klara", "max", "banker"] as const) {
        await accessEntries(page, people[who].name)
          .getByRole("listitem")
          .filter({ hasText: "Active" })
          .waitFor();
      }
    });

    const portal = await j.openBrowser();
    const client = portal.page;

    await step("Klara signs in: two files, contracts of HRV and KFZ, not RS", async () => {
      await signInToPortal(client, baseUrl, klara);
      await client.getByRole("heading", { name: `Welcome, ${klara.name}` }).waitFor();
      await client.getByTestId("portal-file-link").filter({ hasText: world.companyFile.name }).waitFor();
      expect(await client.getByTestId("portal-file-link").count()).toBe(2);
      await openPortalFile(client, world.klaraFile.name);
      await openSection(client, "Contracts");
      klaraSaw[world.klaraFile.name] = await contractNumbersShown(client);
      expect(klaraSaw[world.klaraFile.name]).toEqual([contractNumbers.hrv]);
      await switchFile(client, world.companyFile.name);
      await openSection(client, "Contracts");
      klaraSaw[world.companyFile.name] = await contractNumbersShown(client);
      expect(klaraSaw[world.companyFile.name]).toEqual([contractNumbers.kfz]);
    });

    await step("Klara: the shared document of HRV shows, the one tied to RS stays hidden", async () => {
      await switchFile(client, world.klaraFile.name);
      await openSection(client, "Documents");
      await client.getByRole("heading", { name: documentTitles.hrv }).waitFor();
      expect(await client.getByText(documentTitles.rs).count()).toBe(0);
    });

    await step(`Klara's portal on a ${phone.width}px phone: no sideways scrolling`, async () => {
      await client.setViewportSize({ width: phone.width, height: phone.height });
      for (const section of [undefined, "contracts", "assets", "documents"]) {
        await client.goto(portalFileUrl(baseUrl, world.firmId, world.klaraFile.id, section));
        await client.getByRole("heading", { level: 1 }).first().waitFor();
        await client.getByRole("status").filter({ hasText: "Loading" }).waitFor({ state: "detached" });
        await expectNoHorizontalOverflow(client, `portal ${section ?? "overview"} on a phone`);
        await j.screenshot(`phone-portal-${section ?? "overview"}`, client);
      }
      await expectVisibleInWindow(client, "portal on a phone", [
        client.getByTestId("logout"),
        client.getByLabel("Your files"),
      ]);
      await client.setViewportSize({ width: 1280, height: 800 });
      await signOutOfPortal(client);
    });

    await step("Max (read): no edit actions anywhere, and a write through the API answers 403", async () => {
      await signInToPortal(client, baseUrl, max);
      await openPortalFile(client, world.klaraFile.name);
      await client
        .getByText("You can look at everything here. To change something, please contact your advisor.")
        .waitFor();
      await openSection(client, "Assets");
      await client.getByRole("heading", { name: savings.description }).waitFor();
      expect(await client.getByRole("button", { name: /^(Add asset|Change|Remove)/ }).count()).toBe(0);
      await openSection(client, "Contracts");
      expect(await contractNumbersShown(client)).toEqual([contractNumbers.hrv]);
      expect(await client.getByRole("button", { name: /^Change/ }).count()).toBe(0);
      const asset = apiUrl(`assets/${world.savingsId}`);
      const refused = await portalPatch(portal.context.request, asset, { value: "1.00" });
      expect(refused).toEqual({ status: 403, message: readOnlyMessage });
      await signOutOfPortal(client);
    });

    await step("the banker (read_write) changes the asset, not a contract", async () => {
      await signInToPortal(client, baseUrl, banker);
      await openPortalFile(client, world.klaraFile.name);
      await openSection(client, "Assets");
      await client.getByRole("button", { name: `Change ${savings.description}` }).click();
      const dialog = client.getByRole("dialog", { name: "Change asset" });
      await dialog.getByLabel("Value", { exact: true }).fill("26500.00");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      await client.getByRole("list", { name: "Assets" }).getByText("€26,500.00").waitFor();
      const assets = await staffGet<{ assets: Array<{ id: string; value: string }> }>(
        j,
        `/api/client-files/${world.klaraFile.id}/assets`,
      );
      expect(assets.assets.find((a) => a.id === world.savingsId)?.value).toBe("26500.00");

      await openSection(client, "Contracts");
      expect(await contractNumbersShown(client)).toEqual([contractNumbers.hrv]);
      expect(await client.getByRole("button", { name: /^Change/ }).count()).toBe(0);
      const contract = apiUrl(`contracts/${world.contracts.hrv}`);
      const refused = await portalPatch(portal.context.request, contract, { insurer: "Elsewhere" });
      expect(refused).toEqual({ status: 403, message: roleMessage });
      await signOutOfPortal(client);
    });

    await step("explain: RS and its document hidden from Klara by the line", async () => {
      await page.goto(klaraFileUrl());
      await page.getByRole("heading", { name: world.klaraFile.name, level: 1 }).waitFor();
      const hidden = `${klara.name} does not see this through “${grantName}”.`;
      const cases = [
        [
          "Contracts",
          `${contractNumbers.rs} (ARAG)`,
          hidden,
          "Not met: Its line of business RS (Legal expenses) is not among the grant's lines.",
        ],
        [
          "Contracts",
          `${contractNumbers.hrv} (Allianz)`,
          `${klara.name} sees this through “${grantName}”.`,
          "Met: Its line of business HRV (Household contents) is among the grant's lines.",
        ],
        [
          "Documents",
          documentTitles.rs,
          hidden,
          `Not met: It belongs to the contract RS ARAG ${contractNumbers.rs}, which the grant hides.`,
        ],
      ] as const;
      for (const [tab, record, verdict, reason] of cases) {
        await openTab(page, tab);
        const title = `Who sees “${record}” in the portal?`;
        await page.getByRole("button", { name: title }).click();
        const dialog = page.getByRole("dialog", { name: title });
        await dialog
          .getByLabel("Person with access")
          .selectOption({ label: `${klara.name} — ${grantName} (Active)` });
        await dialog.getByText(verdict).waitFor();
        await dialog.getByRole("listitem").filter({ hasText: reason }).waitFor();
        await dialog.getByRole("button", { name: "Close" }).click();
        await dialog.waitFor({ state: "hidden" });
      }
    });

    await step("preview as Klara: the banner, exactly the contracts she saw, nothing to change", async () => {
      await openTab(page, "Access");
      const opened = page.context().waitForEvent("page");
      await accessEntries(page, klara.name)
        .getByRole("button", { name: `Preview as ${klara.name} (opens in a new tab)` })
        .click();
      const preview = await opened;
      await preview.waitForURL(/\/portal\/?$/);
      const banner = preview.getByTestId("preview-banner");
      await banner.getByText(`Preview: you see the portal as ${klara.name} sees it — read-only.`).waitFor();
      await preview.getByRole("heading", { name: `Welcome, ${klara.name}` }).waitFor();
      expect(await preview.getByTestId("portal-file-link").count()).toBe(2);
      await openPortalFile(preview, world.companyFile.name);
      for (const file of [world.companyFile, world.klaraFile]) {
        if (file !== world.companyFile) await switchFile(preview, file.name);
        await openSection(preview, "Contracts");
        expect(await contractNumbersShown(preview), `preview of ${file.name}`).toEqual(klaraSaw[file.name]);
        expect(await preview.getByRole("button", { name: /^Change/ }).count()).toBe(0);
      }
      // The rest on a phone: the banner stays whole on screen, and nothing scrolls sideways.
      await preview.setViewportSize({ width: phone.width, height: phone.height });
      await openSection(preview, "Assets");
      await preview.getByRole("heading", { name: savings.description }).waitFor();
      expect(await preview.getByRole("button", { name: /^(Add asset|Change|Remove)/ }).count()).toBe(0);
      await expectNoHorizontalOverflow(preview, "preview of the assets on a phone");
      await expectVisibleInWindow(preview, "preview on a phone", [
        banner.getByRole("button", { name: "End preview" }),
      ]);
      const asPreview = { [PREVIEW_HEADER]: granteeIds.klara };
      const write = await portalPatch(
        request,
        apiUrl(`assets/${world.savingsId}`),
        { value: "1" },
        asPreview,
      );
      expect(write).toEqual({ status: 403, message: previewMessage });
      await j.screenshot("phone-preview-assets", preview);
      await banner.getByRole("button", { name: "End preview" }).click();
      await preview.waitForURL(klaraFileUrl());
      await preview.close();
    });

    await step("grant editor: the impact of also sharing RS, discarded", async () => {
      await page.goto(`${baseUrl}/app/grants/${grantId}`);
      await page.getByRole("heading", { name: grantName, level: 1 }).waitFor();
      await page.getByRole("checkbox", { name: "RS · Legal expenses" }).check();
      await page.getByRole("button", { name: "Review and save" }).click();
      const dialog = page.getByRole("dialog", { name: "What changes for whom" });
      await dialog.getByText("Saving changes what these persons see in the portal:").waitFor();
      for (const person of Object.values(people)) {
        const entry = dialog
          .getByRole("listitem")
          .filter({ has: page.getByText(person.name, { exact: true }) });
        await entry.getByRole("heading", { name: "Gains 2 records" }).waitFor();
        const gains = await entry.getByRole("listitem").allTextContents();
        expect(gains.sort()).toEqual([
          `+Contract: ARAG ${contractNumbers.rs}`,
          `+Document: ${documentTitles.rs}`,
        ]);
        expect(await entry.getByRole("heading", { name: /^Loses/ }).count()).toBe(0);
      }
      await dialog.getByRole("button", { name: "Back to editing" }).click();
      await page.getByRole("button", { name: "Discard changes" }).click();
      await page.getByRole("button", { name: "Review and save" }).waitFor({ state: "detached" });
      expect(await page.getByRole("checkbox", { name: "RS · Legal expenses" }).isChecked()).toBe(false);
    });

    for (const screen of screens) {
      await step(`${screen.name} ${screen.width}×${screen.height}: Access tab and grant editor`, async () => {
        await page.setViewportSize({ width: screen.width, height: screen.height });
        await page.goto(klaraFileUrl());
        await openTab(page, "Access");
        const panel = page.getByRole("tabpanel", { name: "Access", exact: true });
        await accessEntries(page, klara.name).waitFor();
        await expectNoHorizontalOverflow(page, `${screen.name}, Access tab`);
        await expectVisibleInWindow(page, `${screen.name}, Access tab`, [
          panel.getByRole("button", { name: "New grant", exact: true }),
          panel.getByRole("button", { name: `Give access ${banker.name}` }),
        ]);
        await j.screenshot(`${screen.name}-access-tab`);
        await page.goto(`${baseUrl}/app/grants/${grantId}`);
        await page.getByRole("heading", { name: grantName, level: 1 }).waitFor();
        const sharedWith = page.getByRole("region", { name: "Shared with" });
        await sharedWith
          .getByRole("button", { name: `Preview as ${max.name} (opens in a new tab)` })
          .waitFor();
        await expectNoHorizontalOverflow(page, `${screen.name}, grant editor`);
        await expectVisibleInWindow(page, `${screen.name}, grant editor`, [
          page.getByRole("searchbox", { name: "Add a client file" }),
          page.getByRole("checkbox", { name: "HRV · Household contents" }),
          page.getByRole("button", { name: "Delete grant" }),
        ]);
        await j.screenshot(`${screen.name}-grant-editor`);
      });
    }

    await step("no script or CSP errors in any console", async () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
