import { describe, expect, it } from "vitest";
import type { BulkInvitationRun } from "../../contracts/bulk-invitations";
import type { CaughtMailSummary } from "../../contracts/dev-mailbox";
import { setUpFirm, useJourney, waitForMail } from "./support/journey";
import { expectNoHorizontalOverflow, expectVisibleInWindow, phone } from "./support/layout";
import { setSecondFactorPolicy } from "./support/second-factor";
import { waitForSmsCode } from "./support/sms";

// PORTAL-1 with a shared address (seed 001: one email for a whole family): a bulk invitation bundled
// two files whose holders share one address into one invitation. The registration page first asks
// which of them is registering; the chosen person is the one the new access is linked to.

const firm = {
  firmName: "Riverside Advisory",
  language: "en",
  adminName: "Alice Archer",
  adminEmail: "alice@riverside.example",
  password: "copper kettles by the harbour 9",
};
const familyEmail = "family@schmidt.example";
const hans = { first: "Hans", last: "Schmidt" };
const jan = { first: "Jan", last: "Schmidt" };
const fullName = (p: { first: string; last: string }) => `${p.first} ${p.last}`;
const fileName = (p: { first: string; last: string }) => `${p.last}, ${p.first}`;
const janPassword = "seven gulls on a blue roof";
const janMobile = { typed: "0151 98765432", e164: "+4915198765432" };
const inviteLink = /http\S+\/invite\/client#token=[A-Za-z0-9_-]{43}/;

describe("registration over a shared address: the page asks who is registering", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-invitation-shared-address" });

  it("Jan chooses his name from the bundle's persons and his access is linked to him", async () => {
    const j = journey();
    const { page, baseUrl, step, request, consoleErrors } = j;
    const fileIds = new Map<typeof hans, string>();
    let link = "";
    const post = async <T>(path: string, data: unknown, status = 201) => {
      const res = await request.post(`${baseUrl}${path}`, { data, headers: { "x-atrium-csrf": "1" } });
      expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(status);
      return (await res.json()) as T;
    };

    await step("two files whose holders share one address, bundled into one invitation", async () => {
      await setUpFirm(j, firm);
      await setSecondFactorPolicy(j, "none");
      for (const holder of [hans, jan]) {
        const file = await post<{ id: string }>("/api/client-files", {
          kind: "private",
          holder: { firstName: holder.first, lastName: holder.last, language: "en", email: familyEmail },
        });
        fileIds.set(holder, file.id);
      }
      await post<BulkInvitationRun>(
        "/api/invitations/bulk",
        { fileIds: [...fileIds.values()], sharedEmails: "bundle" },
        202,
      );
      link = (await waitForMail(j, familyEmail)).match(inviteLink)?.[0] ?? "";
      expect(link).not.toBe("");
      const res = await request.get(`${baseUrl}/api/dev/mailbox`);
      const { mails } = (await res.json()) as { mails: CaughtMailSummary[] };
      expect(mails.filter((m) => m.to.includes(familyEmail))).toHaveLength(1);
    });

    const client = await j.openBrowser("en-US");
    const phonePage = client.page;

    await step(`on a ${phone.width}px phone the link asks who is registering, names only`, async () => {
      await phonePage.setViewportSize({ width: phone.width, height: phone.height });
      await phonePage.goto(link);
      await phonePage.getByRole("heading", { name: "Welcome", exact: true, level: 1 }).waitFor();
      const group = phonePage.getByRole("group", { name: "Who is registering?" });
      await group.waitFor();
      expect(await group.getByRole("radio").count()).toBe(2);
      for (const person of [hans, jan]) await group.getByRole("radio", { name: fullName(person) }).waitFor();
      // The password comes after the choice.
      expect(await phonePage.getByLabel("Choose a password", { exact: true }).count()).toBe(0);
      await phonePage.getByRole("button", { name: "Continue" }).click();
      await phonePage.getByText("Please choose your name.").waitFor();
      // Focus lands on the choice that is missing.
      expect(await phonePage.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
        "radio",
      );
      await expectNoHorizontalOverflow(phonePage, "who is registering, on a phone");
      await expectVisibleInWindow(phonePage, "who is registering, on a phone", [
        group.getByRole("radio", { name: fullName(jan) }),
        phonePage.getByRole("button", { name: "Continue" }),
      ]);
      await j.screenshot("phone-who", phonePage);
    });

    await step("he chooses Jan: the form greets him and holds his name; he registers", async () => {
      await phonePage.getByRole("radio", { name: fullName(jan) }).check();
      await phonePage.getByRole("button", { name: "Continue" }).click();
      await phonePage.getByRole("heading", { name: `Welcome, ${fullName(jan)}`, level: 1 }).waitFor();
      expect(await phonePage.getByLabel("Your name").inputValue()).toBe(fullName(jan));
      await phonePage.getByRole("button", { name: `Not ${fullName(jan)}? Choose again` }).waitFor();
      await phonePage.getByLabel("Choose a password", { exact: true }).fill(janPassword);
      await phonePage.getByRole("button", { name: "Set up my access" }).click();
      await phonePage.getByRole("heading", { name: "Confirm your mobile number", level: 1 }).waitFor();
      await phonePage.getByLabel("Country", { exact: true }).selectOption("DE");
      await phonePage.getByLabel("Your mobile number", { exact: true }).fill(janMobile.typed);
      const since = new Date(Date.now() - 1_000);
      await phonePage.getByRole("button", { name: "Send code" }).click();
      const code = phonePage.getByLabel("Code from the text message", { exact: true });
      await code.waitFor();
      await code.fill((await waitForSmsCode(j, janMobile.e164, since)).code);
      await phonePage.getByRole("button", { name: "Confirm", exact: true }).click();
      await phonePage.getByTestId("logout").waitFor();
    });

    await step(
      "staff see Jan joined on his file; Hans's file shows the access as Jan's, not Hans's",
      async () => {
        await page.goto(`${baseUrl}/app/clients/${fileIds.get(jan)}`);
        await page.getByRole("heading", { name: fileName(jan), level: 1 }).waitFor();
        await page.getByRole("tab", { name: "Access", exact: true }).click();
        await page
          .getByRole("list", { name: `Access of ${fullName(jan)}` })
          .getByTestId("invitation-status")
          .filter({ hasText: /^Joined the portal on / })
          .waitFor();
        await page.goto(`${baseUrl}/app/clients/${fileIds.get(hans)}`);
        await page.getByRole("heading", { name: fileName(hans), level: 1 }).waitFor();
        await page.getByRole("tab", { name: "Access", exact: true }).click();
        await page.getByRole("button", { name: `Preview as ${fullName(jan)}` }).waitFor();
        expect(await page.getByRole("button", { name: `Preview as ${fullName(hans)}` }).count()).toBe(0);
        await j.screenshot("hans-file-access");
      },
    );

    await step("no script or CSP errors in any console", async () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
