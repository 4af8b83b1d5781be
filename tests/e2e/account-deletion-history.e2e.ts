import { describe, expect, it } from "vitest";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow } from "./support/layout";
import { linkPortalAccount, type PortalLogin } from "./support/portal-accounts";
import { signInToPortal } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";

// Issue 6 "done when": a deleted account's messages remain in the file's history (AUDIT-2). A client
// writes to the firm on a phone, the handler answers on a desktop, the client deletes the account;
// the firm still reads the message under the person's name, and the file's history says what happened.

const firm = {
  firmName: "Harbour Advisors",
  language: "en",
  adminName: "Oscar Olsen",
  adminEmail: "oscar@harbour.example",
  password: "seven gulls over the old pier",
};
const client: PortalLogin = {
  name: "Ingrid Halvorsen",
  email: "ingrid@halvorsen.example",
  password: "blue boats in the winter fjord",
};
/** The phone of the journey. */
const phoneSize = { width: 390, height: 844 };
const subject = "Moving to Bergen";
const question = "We are moving to Bergen on 1 March. Does my household insurance follow me?";
const answer = "Yes, Mrs Halvorsen: just send us the new address and we update the contract.";

describe("account deletion: the client's messages stay in the file's history", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-account-deletion-history" });

  it("keeps a deleted client's message under her name, and the history says the account was deleted", async () => {
    const j = journey();
    const { page, baseUrl, step, request, consoleErrors } = j;
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

    await step("set up the firm, Ingrid's file and a grant that lets her write messages", async () => {
      await setUpFirm(j, firm);
      await setSecondFactorPolicy(j, "none");
      const me = await api<{ user: { id: string }; firm: { id: string } }>("GET", "/api/me");
      fileId = (
        await api<{ id: string }>(
          "POST",
          "/api/client-files",
          {
            kind: "private",
            holder: { firstName: "Ingrid", lastName: "Halvorsen", email: client.email, language: "en" },
          },
          201,
        )
      ).id;
      const grant = await api<{ id: string }>(
        "POST",
        "/api/grants",
        {
          name: "Ingrid",
          fileIds: [fileId],
          settings: { features: ["messages"], caseHandlerId: me.user.id, showCaseHandler: true },
        },
        201,
      );
      const persons = await api<{ items: Array<{ id: string; email: string | null }> }>(
        "GET",
        `/api/client-files/${fileId}/persons`,
      );
      const holder = persons.items.find((p) => p.email === client.email);
      expect(holder).toBeDefined();
      const grantee = await api<{ id: string }>(
        "POST",
        `/api/grants/${grant.id}/grantees`,
        { personId: holder?.id, access: "read_write" },
        201,
      );
      await linkPortalAccount(j.databaseUrl, { firmId: me.firm.id, granteeId: grantee.id, login: client });
    });

    const phone = await j.openBrowser();
    const phonePage = phone.page;
    await phonePage.setViewportSize(phoneSize);

    await step("on her phone, Ingrid writes to the firm", async () => {
      await signInToPortal(phonePage, baseUrl, client);
      await phonePage.getByRole("heading", { name: "Halvorsen, Ingrid", level: 1 }).waitFor();
      await phonePage.getByRole("link", { name: /^Messages & requests/ }).click();
      await phonePage.getByRole("link", { name: /^Write to us/ }).click();
      await phonePage.getByRole("heading", { name: "Write to us", level: 1 }).waitFor();
      await phonePage.getByLabel("Subject").fill(subject);
      await phonePage.getByLabel("Your message").fill(question);
      await phonePage.getByRole("button", { name: "Send" }).click();
      await phonePage.getByText("Thank you — your message has been sent.").waitFor();
      await phonePage.getByTestId("case-thread").getByText(question).waitFor();
      await expectNoHorizontalOverflow(phonePage, "the sent message on a phone");
    });

    await step("on the desktop, the handler answers from the inbox", async () => {
      await page.goto(`${baseUrl}/app/inbox`);
      const row = page.getByTestId("inbox-row").filter({ hasText: "Halvorsen, Ingrid" });
      await row.getByRole("link", { name: subject }).click();
      await page.getByRole("heading", { name: subject, level: 1 }).waitFor();
      await page.getByLabel("Your message").fill(answer);
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.getByText("Your message has been sent.").waitFor();
      await page.getByTestId("case-thread").getByText(answer).waitFor();
    });

    await step("Ingrid reads the answer, then deletes her account from the account page", async () => {
      await phonePage.reload();
      await phonePage.getByTestId("case-thread").getByText(answer).waitFor();
      await phonePage.getByTestId("account-link").click();
      await phonePage.getByRole("heading", { name: "Your account", level: 1 }).waitFor();
      await phonePage.getByRole("button", { name: "Delete my account…" }).click();
      await phonePage.getByLabel("Your password", { exact: true }).fill(client.password);
      await phonePage.getByLabel("I understand that my account is erased and cannot be restored.").check();
      await expectNoHorizontalOverflow(phonePage, "deleting the account on a phone");
      await j.screenshot("phone-delete", phonePage);
      await phonePage.getByRole("button", { name: "Delete my account now" }).click();
      await phonePage.getByText("Your account has been deleted.", { exact: false }).waitFor();
    });

    await step("she can no longer sign in: the portal says so plainly", async () => {
      await phonePage.getByRole("link", { name: "To the start page" }).click();
      await phonePage.goto(`${baseUrl}/portal`);
      await phonePage.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
      await phonePage.getByLabel("Email address").fill(client.email);
      await phonePage.getByLabel("Password", { exact: true }).fill(client.password);
      await phonePage.getByRole("button", { name: "Sign in", exact: true }).click();
      await phonePage.getByText("Email or password is wrong.").waitFor();
      await expect.poll(() => phonePage.getByTestId("logout").count()).toBe(0);
      await j.screenshot("phone-sign-in-refused", phonePage);
    });

    await step("on the desktop, the case still shows her message under her name", async () => {
      await page.goto(`${baseUrl}/app/inbox?status=all`);
      const row = page.getByTestId("inbox-row").filter({ hasText: "Halvorsen, Ingrid" });
      await row.getByRole("link", { name: subject }).click();
      await page.getByRole("heading", { name: subject, level: 1 }).waitFor();
      const thread = page.getByTestId("case-thread");
      const hers = thread.getByRole("article", { name: `Message from ${client.name}` });
      await hers.getByText(question).waitFor();
      expect(await hers.textContent()).toContain(client.name);
      await thread.getByText(answer).waitFor();
      await j.screenshot("desktop-case-after-deletion");
    });

    await step("the file's history keeps her message and says the account was deleted", async () => {
      await page.goto(`${baseUrl}/app/clients/${fileId}`);
      await page.getByRole("heading", { name: "Halvorsen, Ingrid", level: 1 }).waitFor();
      await page.getByRole("tab", { name: "History", exact: true }).click();
      const history = page.getByRole("list", { name: "History" });
      await history.waitFor();
      const entries = history.getByRole("listitem");
      const deleted = entries.filter({ hasText: "Portal account deleted" });
      await deleted.first().waitFor();
      expect(await deleted.first().textContent()).toContain(`by ${client.name}`);
      const wrote = entries.filter({ hasText: "Case opened in the portal" });
      await wrote.first().waitFor();
      expect(await wrote.first().textContent()).toContain(`by ${client.name}`);
      await j.screenshot("desktop-history-after-deletion");
    });

    await step("the firm's audit log records her sign-in and the deletion", async () => {
      await page.goto(`${baseUrl}/app/audit`);
      const log = page.getByRole("list", { name: "Audit log" });
      await log.waitFor();
      await page.getByLabel("What", { exact: true }).selectOption({ label: "Account" });
      const entries = log.getByRole("listitem");
      const deleted = entries.filter({ hasText: "Account deleted" });
      await deleted.first().waitFor();
      expect(await deleted.first().textContent()).toContain(`by ${client.name}`);
      const signedIn = entries.filter({ hasText: "Signed in" }).filter({ hasText: `by ${client.name}` });
      await signedIn.first().waitFor();
      await j.screenshot("desktop-audit-log-account");
    });

    expect(consoleErrors).toEqual([]);
  });
});
