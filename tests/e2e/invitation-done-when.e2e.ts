import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CaughtMailSummary } from "../../contracts/dev-mailbox";
import type { DocumentCategory, FirmPolicies } from "../../contracts/settings";
import { dayMs } from "./support/clock";
import { setUpFirm, useJourney, waitForMail } from "./support/journey";
import { waitForQuietMail } from "./support/mail-queue";
import { minimalPdf } from "./support/pdf";
import { openSection } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";
import { waitForSmsCode } from "./support/sms";

// Issue 5's "Done when": staff bulk-invite three files (one holder without email: the dialog asks for
// it), the mails arrive at the SMTP sink, one client registers from her link (phone code, second
// factor) and sees the documents shared with her; staff stop the reminders of another. The server's
// clock then moves to day 2 and day 7 (ATRIUM_TEST_CLOCK_FILE) and the real cron sweep runs: the one
// still pending gets exactly one reminder each time, the accepted and the stopped ones none.

const firm = {
  firmName: "Northgate Insurance Brokers",
  language: "en",
  adminName: "Alice Archer",
  adminEmail: "alice@northgate.example",
  password: "copper kettles by the harbour 9",
};

interface Holder {
  first: string;
  last: string;
  /** The address on the person; null: the bulk dialog asks for it. */
  email: string | null;
}
/** Registers from her invitation. */
const anna: Holder = { first: "Anna", last: "Adler", email: "anna@adler.example" };
/** Staff stop his reminders. */
const bruno: Holder = { first: "Bruno", last: "Berg", email: "bruno@berg.example" };
/** Has no address on file: filled in the dialog; stays pending and gets the reminders. */
const clara: Holder = { first: "Clara", last: "Conrad", email: null };
const claraEmail = "clara@conrad.example";
const addressOf = (h: Holder) => h.email ?? claraEmail;
const fileName = (h: Holder) => `${h.last}, ${h.first}`;
const personName = (h: Holder) => `${h.first} ${h.last}`;

const annaPassword = "lanterns over the quiet canal 4";
const annaMobile = { typed: "0151 23456789", e164: "+4915123456789" };
const sharedTitle = "Household contents policy 2025";
const internalTitle = "Internal file note 2025";

const subjects = {
  invitation: `${firm.firmName} invites you to its client portal`,
  firstReminder: `Reminder: your access to the ${firm.firmName} client portal is waiting for you`,
  laterReminder: `Once more: your invitation to the ${firm.firmName} client portal is still open`,
};
const inviteLink = /http\S+\/invite\/client#token=[A-Za-z0-9_-]{43}/;

/** pg-boss runs the reminder sweep once a minute: a reminder is due within two of its ticks. */
const sweepTimeoutMs = 150_000;

function accessEntry(page: Page, name: string) {
  return page
    .getByRole("list", { name: `Access of ${name}` })
    .getByRole("listitem")
    .first();
}

describe("issue 5, done when: bulk invitation, registration, reminders on day 2 and 7", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-invitation-done-when", movableClock: true });

  it("invites three files, one registers, one is stopped: only the pending one is reminded, once per day", async () => {
    const j = journey();
    const { page, baseUrl, step, request, consoleErrors } = j;
    const fileIds = new Map<Holder, string>();
    let annaLink = "";
    const api = async <T>(method: "GET" | "POST", path: string, data?: unknown, status = 200) => {
      const res = await request.fetch(`${baseUrl}${path}`, {
        method,
        headers: { "x-atrium-csrf": "1" },
        ...(data === undefined ? {} : { data }),
      });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(status);
      return (await res.json()) as T;
    };
    /** The subjects of the mails the sink caught for one address, oldest first. */
    const subjectsTo = async (address: string) =>
      (await api<{ mails: CaughtMailSummary[] }>("GET", "/api/dev/mailbox")).mails
        .filter((m) => m.to.includes(address))
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
        .map((m) => m.subject);
    /** The plain text of the mail to `address` with `subject`. */
    const mailText = async (address: string, subject: string) => {
      const { mails } = await api<{ mails: CaughtMailSummary[] }>("GET", "/api/dev/mailbox");
      const found = mails.find((m) => m.to.includes(address) && m.subject === subject);
      expect(found, `"${subject}" to ${address}`).toBeDefined();
      return (await api<{ text: string }>("GET", `/api/dev/mailbox/${found?.id}`)).text;
    };
    const waitForSubject = async (address: string, subject: string) =>
      expect
        .poll(async () => (await subjectsTo(address)).includes(subject), {
          timeout: sweepTimeoutMs,
          interval: 1_000,
          message: `"${subject}" to ${address}`,
        })
        .toBe(true);

    await step(
      "set up the firm (reminders on days 2 and 7, a second factor asked) and three files",
      async () => {
        await setUpFirm(j, firm);
        await setSecondFactorPolicy(j, "any");
        const policies = await api<FirmPolicies>("GET", "/api/firm/policies");
        expect(policies.reminderDays).toEqual([2, 7]);
        for (const holder of [anna, bruno, clara]) {
          const file = await api<{ id: string }>(
            "POST",
            "/api/client-files",
            {
              kind: "private",
              holder: {
                firstName: holder.first,
                lastName: holder.last,
                language: "en",
                ...(holder.email ? { email: holder.email } : {}),
              },
            },
            201,
          );
          fileIds.set(holder, file.id);
        }
        const categories = await api<DocumentCategory[]>("GET", "/api/firm/document-categories");
        const categoryId = categories.find((c) => c.active)?.id ?? "";
        for (const [title, shared] of [
          [sharedTitle, "true"],
          [internalTitle, "false"],
        ] as const) {
          const res = await request.post(`${baseUrl}/api/client-files/${fileIds.get(anna)}/documents`, {
            headers: { "x-atrium-csrf": "1" },
            multipart: {
              file: { name: `${title}.pdf`, mimeType: "application/pdf", buffer: minimalPdf(title) },
              title,
              categoryId,
              sharedToPortal: shared,
            },
          });
          expect(res.status(), await res.text()).toBe(201);
        }
      },
    );

    await step(
      "bulk invite from the client list: Clara's address is asked for, three invitations go",
      async () => {
        await page.goto(`${baseUrl}/app/clients`);
        const table = page.getByRole("table", { name: "Clients" });
        await table.getByRole("link", { name: fileName(clara) }).waitFor();
        for (const holder of [anna, bruno, clara])
          await page.getByRole("checkbox", { name: `Select ${fileName(holder)}` }).check();
        await page.getByTestId("selection-count").filter({ hasText: "Selected: 3" }).waitFor();
        await page.getByRole("button", { name: "Invite to the portal" }).click();
        const dialog = page.getByRole("dialog", { name: "Invite to the portal" });
        const allShared = dialog.getByRole("radio", { name: "All documents marked as shared" });
        await allShared.waitFor();
        expect(await allShared.isChecked()).toBe(true);
        await dialog.getByRole("button", { name: "Continue" }).click();
        await dialog.getByTestId("plan-ready").filter({ hasText: "2 files ready to invite" }).waitFor();
        await dialog.getByLabel(`${personName(clara)} — ${fileName(clara)}`).fill(claraEmail);
        await dialog.getByRole("button", { name: "Continue" }).click();
        await dialog.getByTestId("send-ready").filter({ hasText: "3 invitations go out now." }).waitFor();
        await dialog.getByRole("button", { name: "Send 3 invitations" }).click();
        await dialog.getByTestId("run-invited").filter({ hasText: "3 invited" }).waitFor({ timeout: 60_000 });
        await dialog.getByRole("heading", { name: "All done" }).waitFor();
        await dialog.getByRole("button", { name: "Done" }).click();
        await dialog.waitFor({ state: "hidden" });
      },
    );

    await step("the three invitation mails arrive at the SMTP sink, one each, with a link", async () => {
      for (const holder of [anna, bruno, clara]) {
        const text = await waitForMail(j, addressOf(holder));
        expect(text, personName(holder)).toMatch(inviteLink);
        if (holder === anna) annaLink = text.match(inviteLink)?.[0] ?? "";
      }
      await waitForQuietMail(j);
      for (const holder of [anna, bruno, clara])
        expect(await subjectsTo(addressOf(holder)), personName(holder)).toEqual([subjects.invitation]);
    });

    const client = await j.openBrowser("en-US");
    const annaPage = client.page;

    await step("Anna registers from her link: password, phone code, SMS as second factor", async () => {
      await annaPage.goto(annaLink);
      await annaPage.getByRole("heading", { name: `Welcome, ${personName(anna)}`, level: 1 }).waitFor();
      expect(annaPage.url()).toBe(`${baseUrl}/invite/client`);
      await annaPage.getByLabel("Choose a password", { exact: true }).fill(annaPassword);
      await annaPage.getByRole("button", { name: "Set up my access" }).click();
      await annaPage.getByRole("heading", { name: "Confirm your mobile number", level: 1 }).waitFor();
      await annaPage.getByLabel("Country", { exact: true }).selectOption("DE");
      await annaPage.getByLabel("Your mobile number", { exact: true }).fill(annaMobile.typed);
      const since = new Date(Date.now() - 1_000);
      await annaPage.getByRole("button", { name: "Send code" }).click();
      const code = annaPage.getByLabel("Code from the text message", { exact: true });
      await code.waitFor();
      await code.fill((await waitForSmsCode(j, annaMobile.e164, since)).code);
      await annaPage.getByRole("button", { name: "Confirm", exact: true }).click();
      await annaPage.getByRole("heading", { name: "Protect your sign-in", level: 1 }).waitFor();
      await annaPage.getByRole("button", { name: "Send me a code by SMS at each sign-in" }).click();
      await annaPage.waitForURL(new RegExp(`/portal/[0-9a-f-]{36}/${fileIds.get(anna)}/?$`));
      await annaPage.getByRole("heading", { name: fileName(anna), level: 1 }).waitFor();
    });

    await step("she sees the document shared with her, not the internal one", async () => {
      await openSection(annaPage, "Documents");
      await annaPage.getByRole("heading", { name: sharedTitle }).waitFor();
      expect(await annaPage.getByText(internalTitle).count()).toBe(0);
    });

    await step("staff stop Bruno's reminders on his file's Access tab", async () => {
      await page.goto(`${baseUrl}/app/clients/${fileIds.get(bruno)}`);
      await page.getByRole("heading", { name: fileName(bruno), level: 1 }).waitFor();
      await page.getByRole("tab", { name: "Access", exact: true }).click();
      const entry = accessEntry(page, personName(bruno));
      await entry.getByRole("button", { name: `Stop reminders for ${personName(bruno)}` }).click();
      await entry.getByTestId("invitation-status").filter({ hasText: "reminders stopped on" }).waitFor();
      await j.screenshot("stopped");
    });

    await step(
      "day 2: the sweep reminds Clara once; Anna (registered) and Bruno (stopped) get nothing",
      async () => {
        await j.moveClock(2 * dayMs + 60 * 60_000);
        await waitForSubject(claraEmail, subjects.firstReminder);
        await waitForQuietMail(j);
        expect(await subjectsTo(claraEmail)).toEqual([subjects.invitation, subjects.firstReminder]);
        expect(await subjectsTo(addressOf(anna))).toEqual([subjects.invitation]);
        expect(await subjectsTo(addressOf(bruno))).toEqual([subjects.invitation]);
        expect(await mailText(claraEmail, subjects.firstReminder)).toMatch(inviteLink);
      },
    );

    await step("day 7: Clara's second reminder, once; still nothing for Anna and Bruno", async () => {
      await j.moveClock(7 * dayMs + 60 * 60_000);
      await waitForSubject(claraEmail, subjects.laterReminder);
      await waitForQuietMail(j);
      expect(await subjectsTo(claraEmail)).toEqual([
        subjects.invitation,
        subjects.firstReminder,
        subjects.laterReminder,
      ]);
      expect(await subjectsTo(addressOf(anna))).toEqual([subjects.invitation]);
      expect(await subjectsTo(addressOf(bruno))).toEqual([subjects.invitation]);
    });

    await step("Clara's Access tab says both reminders went; the series is over", async () => {
      await page.goto(`${baseUrl}/app/clients/${fileIds.get(clara)}`);
      await page.getByRole("heading", { name: fileName(clara), level: 1 }).waitFor();
      await page.getByRole("tab", { name: "Access", exact: true }).click();
      const entry = accessEntry(page, personName(clara));
      await entry.getByTestId("invitation-status").filter({ hasText: "reminder 2 of 2 sent" }).waitFor();
      expect(
        await entry.getByRole("button", { name: `Stop reminders for ${personName(clara)}` }).count(),
      ).toBe(0);
    });

    await step("no script or CSP errors in any console", async () => {
      expect(consoleErrors).toEqual([]);
    });
  }, 600_000);
});
