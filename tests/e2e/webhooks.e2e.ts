import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { setUpFirm, useJourney } from "./support/journey";
import { linkPortalAccount, type PortalLogin } from "./support/portal-accounts";
import { signInToPortal } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";

// API-1 in the browser: an admin registers a webhook to a receiver on this machine, a client opens a
// case, the delivery log shows it delivered (signed with the secret shown once), and resend works.

const firm = {
  firmName: "Harbour Brokers",
  language: "en",
  adminName: "Hanna Hook",
  adminEmail: "hanna@harbour.example",
  password: "lanterns along the quay at dusk 7",
};
const client: PortalLogin = {
  name: "Piet Jansen",
  email: "piet@jansen.example",
  password: "tulips in the window box 42",
};

describe("webhooks: registered in the settings, delivered, visible in the log, resent", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-webhooks" });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver?.stop());

  it("an admin registers a webhook; a client's new case arrives signed; the log shows it; resend works", async () => {
    const j = journey();
    const { page, baseUrl, step, request } = j;
    const api = async <T>(path: string, data?: unknown, expected = 200) => {
      const res = await request.fetch(`${baseUrl}${path}`, {
        method: data === undefined ? "GET" : "POST",
        headers: { "x-atrium-csrf": "1" },
        ...(data === undefined ? {} : { data }),
      });
      expect(res.status(), `${path}: ${await res.text()}`).toBe(expected);
      return (await res.json()) as T;
    };
    let firmId = "";
    let fileId = "";
    let secret = "";

    await step("set up the firm, Piet's file and a grant that lets him write messages", async () => {
      await setUpFirm(j, firm);
      await setSecondFactorPolicy(j, "none");
      const me = await api<{ user: { id: string }; firm: { id: string } }>("/api/me");
      firmId = me.firm.id;
      const file = await api<{ id: string }>(
        "/api/client-files",
        {
          kind: "private",
          holder: { firstName: "Piet", lastName: "Jansen", email: client.email, language: "en" },
        },
        201,
      );
      fileId = file.id;
      const grant = await api<{ id: string }>(
        "/api/grants",
        { name: "Piet", fileIds: [fileId], settings: { features: ["messages"], caseHandlerId: me.user.id } },
        201,
      );
      const persons = await api<{ items: Array<{ id: string; email: string | null }> }>(
        `/api/client-files/${fileId}/persons`,
      );
      const holder = persons.items.find((p) => p.email === client.email);
      const grantee = await api<{ id: string }>(
        `/api/grants/${grant.id}/grantees`,
        { personId: holder?.id, access: "read_write" },
        201,
      );
      await linkPortalAccount(j.databaseUrl, { firmId, granteeId: grantee.id, login: client });
    });

    await step("the admin registers a webhook and copies the secret shown once", async () => {
      await page.goto(`${baseUrl}/app/settings`);
      await page.getByRole("link", { name: "Webhooks" }).click();
      await page.getByRole("heading", { name: "Register a webhook" }).waitFor();
      await page.getByLabel("Address (URL)").fill(receiver.url("/atrium"));
      await page.getByLabel("Description (optional)").fill("Management system");
      await page.getByRole("button", { name: "Register webhook" }).click();
      await page.getByText("Copy the secret now").waitFor();
      secret = await page.getByTestId("webhook-secret").inputValue();
      expect(secret).toMatch(/^whsec_/);
      await j.screenshot("secret");
      await page.getByRole("button", { name: "Done, I stored the secret" }).click();
      await page.getByTestId("webhook-endpoint").getByText(receiver.url("/atrium")).waitFor();
    });

    await step(
      "Piet opens a case in the portal: the receiver gets case.created, correctly signed",
      async () => {
        const phone = await j.openBrowser();
        await signInToPortal(phone.page, baseUrl, client);
        const res = await phone.page.request.fetch(
          `${baseUrl}/api/portal/firms/${firmId}/files/${fileId}/cases`,
          {
            method: "POST",
            headers: { "x-atrium-csrf": "1" },
            data: { kind: "message", subject: "New address", message: "We moved." },
          },
        );
        expect(res.status(), await res.text()).toBe(201);
        await expect.poll(() => receiver.on("/atrium").length, { timeout: 15_000 }).toBeGreaterThan(0);
        const got = receiver.on("/atrium")[0];
        expect(got?.headers["atrium-event"]).toBe("case.created");
        const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(got?.headers["atrium-signature"])) ?? [];
        expect(createHmac("sha256", secret).update(`${t}.${got?.body}`).digest("hex")).toBe(v1);
      },
    );

    await step("the delivery log shows it delivered; resend sends it again and shows that too", async () => {
      const endpoint = page.getByTestId("webhook-endpoint").first();
      await endpoint.getByRole("button", { name: "Show deliveries" }).click();
      const row = endpoint.getByTestId("webhook-delivery").filter({ hasText: "case.created" }).first();
      await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain("Delivered");
      await expect.poll(() => row.textContent()).toContain("HTTP 200");
      await j.screenshot("log");
      await row.getByRole("button", { name: "Resend" }).click();
      await expect
        .poll(() => endpoint.getByTestId("webhook-delivery").filter({ hasText: "Sent again" }).count())
        .toBe(1);
      const resent = endpoint.getByTestId("webhook-delivery").filter({ hasText: "Sent again" });
      await expect.poll(() => resent.textContent(), { timeout: 15_000 }).toContain("Delivered");
      expect(receiver.on("/atrium")).toHaveLength(2);
      const [first, second] = receiver.on("/atrium");
      expect(JSON.parse(second?.body ?? "{}").id).toBe(JSON.parse(first?.body ?? "{}").id);
      expect(j.consoleErrors).toEqual([]);
    });
  });
});
