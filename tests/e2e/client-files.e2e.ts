import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { generatedClientFilesCsv } from "../support/factories-imports";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow, expectVisibleInWindow, screens } from "./support/layout";
import { minimalPdf } from "./support/pdf";

const firm = {
  firmName: "Brightwater Advisory Ltd",
  language: "en",
  adminName: "Alice Archer",
  adminEmail: "alice@brightwater.example",
  password: "copper kettles by the harbour 9",
};
const holder = { first: "Hannah", last: "Berger", email: "hannah@berger.example", phone: "0171 2345678" };
const partner = { first: "Paul", last: "Berger", email: "paul@berger.example", phone: "+49 30 1234567" };
const child = { first: "Mia", last: "Berger", email: "mia@berger.example", phone: "0152 11223344" };
const fileName = `${holder.last}, ${holder.first}`;
const documentTitle = "Motor policy 2025";
const importedCount = 50;
const clientsCsv = {
  name: "clients.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(generatedClientFilesCsv(importedCount), "utf8"),
};

/** Each tab of a client file and what must be reachable on it: its primary action, or its heading. */
const fileTabs: Array<{ tab: string; action?: string; heading?: string }> = [
  { tab: "Overview", action: "Save" },
  { tab: "Persons", action: "Add person" },
  { tab: "Contracts", action: "Add contract" },
  { tab: "Assets", action: "Add asset" },
  { tab: "Claims", action: "Add claim" },
  { tab: "Documents", action: "Upload document" },
  { tab: "Addresses", action: "Add address" },
  { tab: "Donations", action: "Add donation" },
  { tab: "Access" },
  { tab: "History", heading: "History" },
];

function openTab(page: Page, name: string) {
  return page.getByRole("tab", { name, exact: true }).click();
}

/** The person card (a list item) of `first last` inside the family-tree group named `group`. */
function personIn(page: Page, group: string, person: { first: string; last: string }) {
  return page
    .getByRole("region", { name: group, exact: true })
    .getByRole("listitem")
    .filter({ hasText: `${person.first} ${person.last}` });
}

describe("client files: a household with persons, a contract, a document, and a CSV import", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-client-files" });

  it("creates a family of three, adds a contract and a shared document, and imports 50 clients", async () => {
    const j = journey();
    const { page, baseUrl, step, request, consoleErrors } = j;
    let fileUrl = "";
    let fileId = "";

    await step("set up an English-speaking firm (signs the admin in)", async () => {
      await setUpFirm(j, firm);
    });

    await step("create a private household from the client list", async () => {
      await page.goto(`${baseUrl}/app/clients`);
      await page.getByRole("heading", { name: "Clients", level: 1 }).waitFor();
      await page.getByText("There are no client files yet.", { exact: false }).waitFor();
      await page.getByRole("button", { name: "New client file" }).click();
      const dialog = page.getByRole("dialog", { name: "New client file" });
      await dialog.getByRole("radio", { name: "Private" }).check();
      await dialog.getByLabel("First name").fill(holder.first);
      await dialog.getByLabel("Last name").fill(holder.last);
      await dialog.getByLabel("Case owner").selectOption({ label: firm.adminName });
      await dialog.getByRole("button", { name: "Create" }).click();
      await page.waitForURL(/\/app\/clients\/[0-9a-f-]{36}$/);
      await page.getByRole("heading", { name: fileName, level: 1 }).waitFor();
      fileUrl = page.url();
      fileId = fileUrl.split("/").pop() ?? "";
    });

    await step("the list shows the new file; it opens from there", async () => {
      await page.getByRole("link", { name: "All clients" }).click();
      await page.getByRole("link", { name: fileName }).click();
      await page.waitForURL(fileUrl);
      await page.getByRole("heading", { name: fileName, level: 1 }).waitFor();
      // The overview: the case owner is the only staff member, so the team has nobody to add.
      await page.getByRole("group", { name: "Team" }).getByText("Nobody besides the case owner.").waitFor();
    });

    await step("persons: the holder gets an email and a phone", async () => {
      await openTab(page, "Persons");
      await personIn(page, "Holders", holder).waitFor();
      await page.getByRole("button", { name: `Edit ${holder.first} ${holder.last}` }).click();
      const dialog = page.getByRole("dialog", { name: "Edit person" });
      await dialog.getByLabel("Email").fill(holder.email);
      await dialog.getByLabel("Phone", { exact: true }).fill(holder.phone);
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      await personIn(page, "Holders", holder).filter({ hasText: holder.email }).waitFor();
    });

    for (const [person, role, group] of [
      [partner, "Partner", "Partner"],
      [child, "Child", "Children"],
    ] as const) {
      await step(`persons: add the ${role.toLowerCase()}`, async () => {
        await page.getByRole("button", { name: "Add person" }).click();
        const dialog = page.getByRole("dialog", { name: "Add person" });
        await dialog.getByLabel("Role").selectOption({ label: role });
        await dialog.getByLabel("First name").fill(person.first);
        await dialog.getByLabel("Last name").fill(person.last);
        await dialog.getByLabel("Email").fill(person.email);
        await dialog.getByLabel("Phone", { exact: true }).fill(person.phone);
        await dialog.getByRole("button", { name: "Save" }).click();
        await dialog.waitFor({ state: "hidden" });
        await personIn(page, group, person).filter({ hasText: person.email }).waitFor();
      });
    }

    await step("persons: the family tree holds a family of three, phones in international form", async () => {
      for (const [group, person, e164] of [
        ["Holders", holder, "+491712345678"],
        ["Partner", partner, "+49301234567"],
        ["Children", child, "+4915211223344"],
      ] as const) {
        const members = page.getByRole("region", { name: group, exact: true }).getByRole("listitem");
        expect(await members.count(), `members of ${group}`).toBe(1);
        expect(await personIn(page, group, person).textContent()).toContain(e164);
      }
    });

    await step("contracts: add a motor contract and see it in the table", async () => {
      await openTab(page, "Contracts");
      await page.getByText("No contracts yet.").waitFor();
      await page.getByRole("button", { name: "Add contract" }).click();
      const dialog = page.getByRole("dialog", { name: "New contract" });
      await dialog.getByLabel("Insurer").fill("Allianz");
      await dialog.getByLabel("Contract number").fill("KFZ-4711");
      await dialog.getByLabel("Line of business").selectOption({ label: "KFZ – Motor" });
      await dialog.getByLabel("Status", { exact: true }).selectOption({ label: "Own" });
      await dialog.getByLabel("Start", { exact: true }).fill("2025-01-01");
      await dialog.getByLabel("End", { exact: true }).fill("2025-12-31");
      await dialog.getByLabel("Premium", { exact: true }).fill("480.00");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      const row = page.getByRole("table", { name: "Contracts of this client file" }).getByRole("row", {
        name: /Allianz/,
      });
      await row.waitFor();
      const text = (await row.textContent()) ?? "";
      for (const part of ["KFZ", "Motor", "KFZ-4711", "Own", "2025"]) expect(text).toContain(part);
    });

    await step("documents: upload a PDF with a category", async () => {
      await openTab(page, "Documents");
      await page.getByRole("button", { name: "Upload document" }).click();
      await page.getByRole("heading", { name: "Upload a document" }).waitFor();
      // The drop zone is a group named "File" around the file input of the same name.
      const dropZone = page.getByRole("group", { name: "File", exact: true });
      await dropZone.getByLabel("File", { exact: true }).setInputFiles({
        name: `${documentTitle}.pdf`,
        mimeType: "application/pdf",
        buffer: minimalPdf(documentTitle),
      });
      await expect.poll(() => page.getByLabel("Title", { exact: true }).inputValue()).toBe(documentTitle);
      await page.getByLabel("Category", { exact: true }).selectOption({ label: "Policy" });
      await page
        .getByLabel("Contract", { exact: true })
        .selectOption({ label: "Allianz · KFZ-4711 · Motor" });
      await page.getByRole("button", { name: "Upload", exact: true }).click();
      await page.getByText(`“${documentTitle}” was uploaded.`).waitFor();
      const row = page.getByRole("row", { name: new RegExp(documentTitle) });
      await row.waitFor();
      expect(await row.getByRole("cell").nth(1).textContent()).toBe("Policy");
      expect(await row.textContent()).toContain(`${documentTitle}.pdf`);
    });

    const shareSwitch = page.getByRole("switch", { name: `Share “${documentTitle}” in the client portal` });
    await step("documents: share it in the portal with one click", async () => {
      expect(await shareSwitch.getAttribute("aria-checked")).toBe("false");
      const saved = page.waitForResponse(
        (res) => res.url().endsWith("/share") && res.request().method() === "POST",
      );
      await shareSwitch.click();
      expect((await saved).status()).toBe(200);
      await expect.poll(() => shareSwitch.getAttribute("aria-checked")).toBe("true");
    });

    await step("documents: the share flag survives a reload, and the API agrees", async () => {
      await page.reload();
      await page.getByRole("heading", { name: fileName, level: 1 }).waitFor();
      await openTab(page, "Documents");
      await expect.poll(() => shareSwitch.getAttribute("aria-checked")).toBe("true");
      const res = await request.get(`${baseUrl}/api/client-files/${fileId}/documents`);
      expect(res.status()).toBe(200);
      const list = (await res.json()) as {
        items: Array<{ title: string; sharedToPortal: boolean; category: { name: string } }>;
      };
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ title: documentTitle, sharedToPortal: true });
      expect(list.items[0]?.category.name).toBe("Policy");
    });

    await step(`import: preview and run a CSV of ${importedCount} client files`, async () => {
      await page.getByRole("link", { name: "Import", exact: true }).click();
      await page.getByRole("heading", { name: "CSV import", level: 1 }).waitFor();
      expect(await page.getByLabel("What the file contains").inputValue()).toBe("client_files");
      await page.getByLabel("CSV file").setInputFiles(clientsCsv);
      await page.getByRole("button", { name: "Show preview" }).click();
      await page
        .getByRole("heading", { name: new RegExp(`^First rows as read \\(\\d+ of ${importedCount}\\)$`) })
        .waitFor();
      await page.getByText("No errors found.").waitFor();
      // Codes read from the file ("privat") show in words, as the client list will.
      await page.getByRole("row", { name: "2 GEN-1 Private Muster1 Klara GEN-N-1", exact: true }).waitFor();
      await page.getByRole("button", { name: `Import the valid rows (${importedCount})` }).click();
      await page.getByRole("heading", { name: "Import finished" }).waitFor({ timeout: 90_000 });
      const created = page.getByRole("term").filter({ hasText: "Created" }).locator("xpath=..");
      expect(await created.getByRole("definition").textContent()).toBe(String(importedCount));
      await page.getByText(`${importedCount} of ${importedCount} rows (100 %)`).waitFor();
    });

    await step("the client list shows the imported files", async () => {
      await page.getByRole("link", { name: "Clients", exact: true }).click();
      await page.getByRole("heading", { name: "Clients", level: 1 }).waitFor();
      const table = page.getByRole("table", { name: "Clients" });
      // One page holds 50 files: with the household there are 51, so "Load more" appears.
      await page.getByRole("button", { name: "Load more" }).waitFor();
      expect(await table.getByRole("row").count()).toBe(1 + 50);
      await page.getByRole("button", { name: "Select all matching" }).click();
      await page
        .getByTestId("selection-count")
        .filter({ hasText: `Selected: ${importedCount + 1}` })
        .waitFor();
      await page.getByRole("button", { name: "Clear selection" }).click();
      await page.getByRole("searchbox", { name: "Search" }).fill("Muster37");
      await table.getByRole("link", { name: "Muster37, Klara" }).waitFor();
      await expect.poll(() => table.getByRole("row").count()).toBe(1 + 1);
      await page.getByRole("searchbox", { name: "Search" }).fill("");
      await page.getByRole("button", { name: "Load more" }).click();
      await expect.poll(() => table.getByRole("row").count()).toBe(1 + importedCount + 1);
    });

    await step("history: the file's History tab lists what was done", async () => {
      await page.getByRole("link", { name: fileName }).click();
      await page.getByRole("heading", { name: fileName, level: 1 }).waitFor();
      await openTab(page, "History");
      const history = page.getByRole("list", { name: "History" });
      await history.waitFor();
      const headlines = await history.getByRole("heading", { level: 3 }).allTextContents();
      // Newest first; same-instant events (the file and its holder) may come in either order.
      expect(headlines).toHaveLength(8);
      expect(headlines.slice(1).sort()).toEqual(
        [
          "Client file created",
          "Person created",
          "Person changed",
          "Person created",
          "Person created",
          "Contract created",
          "Document created",
        ].sort(),
      );
      // The newest entry is the share; its change reads "shared to portal: No → Yes".
      const share = history.getByRole("listitem").first();
      expect(await share.getByRole("heading", { level: 3 }).textContent()).toMatch(/^Document/);
      const change = share.getByRole("row", { name: /shared to portal/i });
      expect(await change.getByRole("cell").allTextContents()).toEqual(["No", "Yes"]);
      expect(await share.textContent()).toContain(`by ${firm.adminName}`);
    });

    for (const screen of screens) {
      await step(
        `${screen.name} ${screen.width}×${screen.height}: client list, file tabs, import`,
        async () => {
          await page.setViewportSize({ width: screen.width, height: screen.height });
          const where = (what: string) => `${screen.name}, ${what}`;

          await page.goto(`${baseUrl}/app/clients`);
          await page.getByRole("table", { name: "Clients" }).waitFor();
          await expectNoHorizontalOverflow(page, where("client list"));
          await expectVisibleInWindow(page, where("client list"), [
            page.getByRole("button", { name: "New client file" }),
            page.getByRole("searchbox", { name: "Search" }),
            page.getByRole("link", { name: fileName }),
          ]);
          await j.screenshot(`${screen.name}-clients`);

          await page.goto(fileUrl);
          await page.getByRole("heading", { name: fileName, level: 1 }).waitFor();
          for (const { tab, action, heading } of fileTabs) {
            await openTab(page, tab);
            const panel = page.getByRole("tabpanel", { name: tab, exact: true });
            await panel.waitFor();
            const visible = [page.getByRole("tab", { name: tab, exact: true })];
            if (action) visible.push(panel.getByRole("button", { name: action, exact: true }));
            if (heading) visible.push(panel.getByRole("heading", { name: heading, exact: true }));
            // Waits for the panel's content, then measures the page with it.
            await expectVisibleInWindow(page, where(`file tab ${tab}`), visible);
            await panel.getByRole("status").filter({ hasText: "Loading" }).waitFor({ state: "detached" });
            await expectNoHorizontalOverflow(page, where(`file tab ${tab}`));
            await j.screenshot(`${screen.name}-file-${tab.toLowerCase()}`);
          }

          await page.goto(`${baseUrl}/app/imports`);
          await page.getByRole("heading", { name: "CSV import", level: 1 }).waitFor();
          await page.getByRole("heading", { name: "Recent imports" }).waitFor();
          await expectNoHorizontalOverflow(page, where("imports"));
          await expectVisibleInWindow(page, where("imports"), [
            page.getByLabel("CSV file"),
            page.getByRole("button", { name: "Show preview" }),
          ]);
          await j.screenshot(`${screen.name}-imports`);

          // The preview of the same file again: wide tables scroll inside their cards, not the page.
          await page.getByLabel("CSV file").setInputFiles(clientsCsv);
          await page.getByRole("button", { name: "Show preview" }).click();
          const run = page.getByRole("button", { name: `Import the valid rows (${importedCount})` });
          await run.waitFor();
          await expectNoHorizontalOverflow(page, where("import preview"));
          await expectVisibleInWindow(page, where("import preview"), [
            run,
            page.getByRole("button", { name: "New import" }),
            page.getByLabel("Separator"),
          ]);
          // The run only previewed is listed without counts: it has changed nothing.
          await page.getByRole("cell", { name: "Not started yet" }).first().waitFor();
          await j.screenshot(`${screen.name}-import-preview`);
        },
      );
    }

    await step("no script or CSP errors in the console", async () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
