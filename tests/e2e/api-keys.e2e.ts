import { describe, expect, it } from "vitest";
import { setUpFirm, useJourney } from "./support/journey";

const firm = {
  firmName: "Harbourside Brokers Ltd",
  language: "en",
  adminName: "Ada Admin",
  adminEmail: "ada@harbourside.example",
  password: "lanterns along the quay 42",
};

describe("API keys: an administrator gives the management system a key and takes it back", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-api-keys" });

  it("creates a key in the settings, copies it, syncs with it, revokes it and it stops working", async () => {
    const j = journey();
    const { page, baseUrl, step, request, context, consoleErrors } = j;
    let secret = "";
    const sync = (method: "GET" | "PUT", path: string, data?: unknown) =>
      request.fetch(`${baseUrl}/api/sync/v1${path}`, {
        method,
        data,
        headers: { authorization: `Bearer ${secret}` },
      });

    await step("set up the firm (signs the admin in)", async () => {
      await setUpFirm(j, firm);
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    });

    await step("create a key with read and write scopes in the settings", async () => {
      await page.goto(`${baseUrl}/app/settings/profile`);
      await page.getByRole("link", { name: "API keys" }).click();
      await page.getByRole("heading", { name: "Create an API key" }).waitFor();
      await page.getByLabel("Name").fill("ERP production");
      await page.getByRole("checkbox", { name: /Write/ }).check();
      await page.getByRole("button", { name: "Create key" }).click();
      await page.getByRole("heading", { name: "The key “ERP production” is ready" }).waitFor();
      await page.getByText("This is the only time the key is shown.", { exact: false }).waitFor();
    });

    await step("copy the key, shown this once", async () => {
      await page.getByRole("button", { name: "Copy key" }).click();
      await page.getByText("The key is copied to the clipboard.").waitFor();
      secret = await page.evaluate(() => navigator.clipboard.readText());
      expect(secret).toMatch(/^atr_[0-9a-f]{64}_[A-Za-z0-9_-]{43}$/);
      expect(await page.getByLabel("API key").inputValue()).toBe(secret);
      await page.getByRole("button", { name: "Done, I stored the key" }).click();
      await expect.poll(() => page.getByText(secret).count()).toBe(0);
      const list = page.getByRole("listitem").filter({ hasText: "ERP production" });
      await list.getByText("Read, Write").waitFor();
    });

    await step("the management system writes and reads through the sync API with the key", async () => {
      const put = await sync("PUT", "/client-files", {
        items: [{ externalId: "ERP-1", displayName: "Quay, Quentin" }],
      });
      expect(put.status(), await put.text()).toBe(200);
      expect((await put.json()).results[0].status).toBe("created");
      const get = await sync("GET", "/client-files/ERP-1");
      expect(get.status()).toBe(200);
      expect((await get.json()).displayName).toBe("Quay, Quentin");
    });

    await step("revoke the key after confirming", async () => {
      await page.reload();
      const item = page.getByRole("listitem").filter({ hasText: "ERP production" });
      await item.getByText("Last used:", { exact: false }).waitFor();
      await item.getByRole("button", { name: "Revoke" }).click();
      const dialog = page.getByRole("dialog", { name: "Revoke the key “ERP production”?" });
      await dialog.getByRole("button", { name: "Revoke key" }).click();
      await dialog.waitFor({ state: "hidden" });
      await item.getByText("Revoked on", { exact: false }).waitFor();
      expect(await item.getByRole("button", { name: "Revoke" }).count()).toBe(0);
    });

    await step("the revoked key is refused at once, even beside the admin's session cookie", async () => {
      const refused = await sync("GET", "/client-files/ERP-1");
      expect(refused.status()).toBe(401);
      expect((await refused.json()).error.code).toBe("unauthorized");
      expect(consoleErrors).toEqual([]);
    });
  });
});
