import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { setUpFirm, useJourney, waitForMail } from "./support/journey";
import { expectNoHorizontalOverflow } from "./support/layout";
import { minimalPdf } from "./support/pdf";
import { linkPortalAccount, type PortalLogin } from "./support/portal-accounts";
import { signInToPortal } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";

// Issue 6 "done when" (PORTAL-5, seed 000): on a desktop the advisor asks for a confirmation of
// receipt from the document, the client confirms on a phone, and the advisor downloads the certificate.

const firm = {
  firmName: "Harbour Advisers",
  language: "en",
  adminName: "Hanna Hill",
  adminEmail: "hanna@harbour.example",
  password: "seven lanterns over the quay 4",
};
const client: PortalLogin = {
  name: "Oskar Berg",
  email: "oskar@berg.example",
  password: "a long walk along the river",
};
const title = "Advice record 2026";
const phoneSize = { width: 375, height: 812 };

describe("confirmation of receipt: asked on the desktop, confirmed on a phone, certificate downloaded", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-confirmations" });

  it("requests a confirmation from a document, the client confirms it, and the certificate downloads", async () => {
    const j = journey();
    const { page, baseUrl, step, request } = j;
    const api = async <T>(method: "GET" | "POST", path: string, data?: unknown, expected = 200) => {
      const res = await request.fetch(`${baseUrl}${path}`, {
        method,
        headers: { "x-atrium-csrf": "1" },
        ...(data === undefined ? {} : { data }),
      });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(expected);
      return (await res.json()) as T;
    };
    let fileId = "";

    await step(
      "set up the firm, Oskar's file with portal access that includes confirmations, and a document",
      async () => {
        await setUpFirm(j, firm);
        await setSecondFactorPolicy(j, "none");
        const me = await api<{ firm: { id: string } }>("GET", "/api/me");
        fileId = (
          await api<{ id: string }>(
            "POST",
            "/api/client-files",
            {
              kind: "private",
              holder: { firstName: "Oskar", lastName: "Berg", email: client.email, language: "en" },
            },
            201,
          )
        ).id;
        const grant = await api<{ id: string }>(
          "POST",
          "/api/grants",
          { name: "Oskar", fileIds: [fileId], settings: { features: ["document_confirmations"] } },
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
          { personId: holder?.id, access: "read" },
          201,
        );
        await linkPortalAccount(j.databaseUrl, { firmId: me.firm.id, granteeId: grantee.id, login: client });
        const { categories } = await api<{ categories: Array<{ id: string; key: string }> }>(
          "GET",
          `/api/client-files/${fileId}/documents`,
        );
        const uploaded = await request.fetch(`${baseUrl}/api/client-files/${fileId}/documents`, {
          method: "POST",
          headers: { "x-atrium-csrf": "1" },
          multipart: {
            title,
            categoryId: categories.find((c) => c.key === "advice_record")?.id ?? categories[0]?.id ?? "",
            file: { name: "advice-record.pdf", mimeType: "application/pdf", buffer: minimalPdf(title) },
          },
        });
        expect(uploaded.status(), await uploaded.text()).toBe(201);
      },
    );

    await step("on the document, the advisor asks Oskar to confirm, editing the mail first", async () => {
      await page.goto(`${baseUrl}/app/clients/${fileId}`);
      await page.getByRole("tab", { name: "Documents", exact: true }).click();
      await page.getByRole("button", { name: title, exact: true }).click();
      await page.getByRole("button", { name: "Request confirmation via the portal" }).click();
      const dialog = page.getByRole("dialog", { name: `Request confirmation: ${title}` });
      await expect
        .poll(() => dialog.getByRole("checkbox", { name: /Berg, Oskar|Oskar Berg/ }).isChecked())
        .toBe(true);
      await expect
        .poll(() => dialog.getByTestId("confirmation-preview-subject").textContent())
        .toBe(`Please confirm receipt: ${title}`);
      await dialog.getByLabel("Subject").fill("Your advice record – please confirm");
      await expect
        .poll(() => dialog.getByTestId("confirmation-preview-subject").textContent())
        .toBe("Your advice record – please confirm");
      await j.screenshot("desktop-dialog");
      await dialog.getByRole("button", { name: "Send request" }).click();
      await page.getByText("The request was sent to 1 person.").waitFor();
      await page
        .getByTestId("confirmation-request")
        .getByText("Waiting for confirmation", { exact: false })
        .waitFor();
      const mail = await waitForMail(j, client.email);
      expect(mail).toMatch(/advice record/i);
    });

    const phone = await j.openBrowser();
    const phonePage = phone.page;
    await phonePage.setViewportSize(phoneSize);

    await step(
      "on his phone, Oskar sees the request at once, and confirms after ticking the statement",
      async () => {
        await signInToPortal(phonePage, baseUrl, client);
        const banner = phonePage.getByTestId("confirmation-banner");
        await banner.getByRole("heading", { name: "Please confirm 1 document" }).waitFor();
        await banner.getByText(title).waitFor();
        await expectNoHorizontalOverflow(phonePage, "the confirmation banner on a phone");
        await j.screenshot("phone-banner", phonePage);
        await banner.getByRole("button", { name: "Confirm" }).click();
        const statement = banner.getByLabel("I confirm that I have received and read this document.");
        await expect.poll(() => statement.getAttribute("aria-invalid")).toBe("true");
        await statement.check();
        await banner.getByRole("button", { name: "Confirm" }).click();
        await banner.getByTestId("confirmation-receipt").waitFor();
        await expect.poll(() => banner.getByTestId("confirmation-receipt").textContent()).toContain(title);
        await j.screenshot("phone-receipt", phonePage);
      },
    );

    await step("the advisor sees who confirmed when, and downloads the certificate", async () => {
      await page.reload();
      await page.getByRole("tab", { name: "Documents", exact: true }).click();
      await page.getByRole("button", { name: title, exact: true }).click();
      const item = page.getByTestId("confirmation-request");
      await item.getByText("Confirmed", { exact: false }).first().waitFor();
      await item.getByText(client.email).first().waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        item.getByTestId("confirmation-certificate").click(),
      ]);
      const file = await download.path();
      const bytes = await readFile(file ?? "");
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      await j.screenshot("desktop-confirmed");
    });

    await step(
      "in the inbox, the request is a confirmation case, done, with the certificate at hand",
      async () => {
        await page.goto(`${baseUrl}/app/inbox?kind=confirmation&status=all`);
        await page.getByRole("link", { name: new RegExp(`Read confirmation: ${title}`) }).click();
        await page.getByRole("heading", { name: "Read confirmation", exact: true }).waitFor();
        await page.getByText("Confirmed", { exact: false }).first().waitFor();
        await page.getByRole("link", { name: "Download certificate (PDF)" }).waitFor();
        await page.getByText("the client sees the request in the portal, not this conversation").waitFor();
        await j.screenshot("desktop-confirmation-case");
      },
    );
  });
});
