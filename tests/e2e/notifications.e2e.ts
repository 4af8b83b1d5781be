import { describe, expect, it } from "vitest";
import type { CaughtMailSummary } from "../../contracts/dev-mailbox";
import type { DocumentCategory } from "../../contracts/settings";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow } from "./support/layout";
import { minimalPdf } from "./support/pdf";
import { linkPortalAccount, type PortalLogin } from "./support/portal-accounts";
import { signInToPortal } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";

// Issue 6 "done when": an operational contact receives ONE digest for three events. The firm shares
// three documents with a company's operational contact within minutes; nothing is mailed per event.
// The server's clock then moves past the quiet period and the real cron sweep sends one digest that
// lists all three, in the contact's language, with links into the portal. On her phone she finds her
// notification settings on the account page.

const firm = {
  firmName: "Harbourside Brokers",
  language: "en",
  adminName: "Alice Archer",
  adminEmail: "alice@harbourside.example",
  password: "copper kettles by the harbour 9",
};
const contact: PortalLogin = {
  name: "Olivia Ops",
  email: "olivia@nordwerk.example",
  password: "a quiet garden behind the mill",
};
const titles = ["Fleet policy 2026", "Liability policy 2026", "Claim letter: van NW-42"];
const phoneSize = { width: 375, height: 812 };
/** pg-boss runs the digest sweep once a minute: the digest is out within two of its ticks. */
const sweepTimeoutMs = 150_000;

describe("notifications: one digest for three events", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-notifications", movableClock: true });

  it("shares three documents with an operational contact and mails her exactly one digest listing them", async () => {
    const j = journey();
    const { baseUrl, step, request, consoleErrors } = j;
    const api = async <T>(method: "GET" | "POST", path: string, data?: unknown, expected = 200) => {
      const res = await request.fetch(`${baseUrl}${path}`, {
        method,
        headers: { "x-atrium-csrf": "1" },
        ...(data === undefined ? {} : { data }),
      });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(expected);
      return (await res.json()) as T;
    };
    const mailsToContact = async () => {
      const { mails } = await api<{ mails: CaughtMailSummary[] }>("GET", "/api/dev/mailbox");
      return mails.filter((m) => m.to.includes(contact.email));
    };
    let fileId = "";
    let firmId = "";

    await step(
      "set up the firm and a company file whose operational contact has a portal account",
      async () => {
        await setUpFirm(j, firm);
        await setSecondFactorPolicy(j, "none");
        const me = await api<{ firm: { id: string } }>("GET", "/api/me");
        firmId = me.firm.id;
        fileId = (
          await api<{ id: string }>(
            "POST",
            "/api/client-files",
            { kind: "business", displayName: "Nordwerk GmbH" },
            201,
          )
        ).id;
        const person = await api<{ id: string }>(
          "POST",
          `/api/client-files/${fileId}/persons`,
          {
            role: "contact",
            firstName: "Olivia",
            lastName: "Ops",
            email: contact.email,
            isOperationalContact: true,
            language: "en",
            salutation: "formal",
          },
          201,
        );
        const grant = await api<{ id: string }>(
          "POST",
          "/api/grants",
          { name: "Nordwerk", fileIds: [fileId] },
          201,
        );
        const grantee = await api<{ id: string }>(
          "POST",
          `/api/grants/${grant.id}/grantees`,
          { personId: person.id, access: "read" },
          201,
        );
        await linkPortalAccount(j.databaseUrl, { firmId, granteeId: grantee.id, login: contact });
      },
    );

    await step("three documents are shared within minutes, and no mail goes per event", async () => {
      const categories = await api<DocumentCategory[]>("GET", "/api/firm/document-categories");
      const policy = categories.find((c) => c.key === "policy")?.id ?? "";
      for (const [index, title] of titles.entries()) {
        await j.moveClock(index * 2 * 60_000);
        const res = await request.post(`${baseUrl}/api/client-files/${fileId}/documents`, {
          headers: { "x-atrium-csrf": "1" },
          multipart: {
            file: { name: `${title}.pdf`, mimeType: "application/pdf", buffer: minimalPdf(title) },
            title,
            categoryId: policy,
            sharedToPortal: "true",
          },
        });
        expect(res.status(), await res.text()).toBe(201);
      }
      expect(await mailsToContact()).toHaveLength(0);
    });

    let digestText = "";
    await step("after the quiet period the sweep sends exactly one digest listing all three", async () => {
      await j.moveClock(4 * 60_000 + 11 * 60_000);
      await expect
        .poll(async () => (await mailsToContact()).length, { timeout: sweepTimeoutMs, interval: 1000 })
        .toBe(1);
      const [summary] = await mailsToContact();
      expect(summary?.subject).toBe("Harbourside Brokers: 3 new items in the client portal");
      const res = await request.get(`${baseUrl}/api/dev/mailbox/${summary?.id}`);
      digestText = ((await res.json()) as { text: string }).text;
      for (const title of titles) expect(digestText).toContain(title);
      expect(digestText).toContain("Hello Olivia Ops");
      expect(digestText).toContain(`/portal/${firmId}/${fileId}/documents`);
    });

    await step("on her phone she opens the link and finds her notification settings", async () => {
      const phone = await j.openBrowser("en-US");
      const phonePage = phone.page;
      await phonePage.setViewportSize(phoneSize);
      await signInToPortal(phonePage, baseUrl, contact);
      const link = digestText.match(/http\S+\/documents/)?.[0] ?? "";
      await phonePage.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
      await phonePage
        .getByText(titles[0] ?? "")
        .first()
        .waitFor();
      await phonePage.goto(`${baseUrl}/account`);
      const section = phonePage.getByTestId("notification-settings");
      await section.getByRole("heading", { name: "Notifications by email" }).waitFor();
      const invoices = section.getByRole("checkbox", { name: "Invoices" });
      await expect.poll(() => invoices.isChecked()).toBe(true);
      await invoices.focus();
      await phonePage.keyboard.press("Space");
      await expect.poll(() => invoices.isChecked()).toBe(false);
      await section.getByRole("button", { name: "Save notification settings" }).click();
      await section.getByText("Your notification settings are saved.").waitFor();
      await expectNoHorizontalOverflow(phonePage, "notification settings on a phone");
      await j.screenshot("phone-notification-settings", phonePage);
      await phonePage.reload();
      await expect
        .poll(() =>
          phonePage
            .getByTestId("notification-settings")
            .getByRole("checkbox", { name: "Invoices" })
            .isChecked(),
        )
        .toBe(false);
    });

    expect(consoleErrors).toEqual([]);
  });
});
