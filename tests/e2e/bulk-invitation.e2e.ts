import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { BulkInvitationRun } from "../../contracts/bulk-invitations";
import type { PersonList } from "../../contracts/clients";
import type { CaughtMailSummary } from "../../contracts/dev-mailbox";
import type { DocumentCategory, FirmPolicies } from "../../contracts/settings";
import { setUpFirm, useJourney, waitForMail } from "./support/journey";
import { expectNoHorizontalOverflow, expectVisibleInWindow, screens } from "./support/layout";

// INV-3 (seed 001's "Sammeleinladung"): staff select client files on the client list, invite them to
// the portal in one go, fill in the address a holder lacks, follow the run's progress; sending the same
// selection again invites no one twice.

const firm = {
  firmName: "Lakeside Brokers Ltd",
  language: "en",
  adminName: "Alice Archer",
  adminEmail: "alice@lakeside.example",
  password: "copper kettles by the harbour 9",
};

interface Holder {
  first: string;
  last: string;
  email: string | null;
}
const anna: Holder = { first: "Anna", last: "Adler", email: "anna@adler.example" };
const bruno: Holder = { first: "Bruno", last: "Berg", email: "bruno@berg.example" };
/** The holder without an address: the dialog asks for it. */
const clara: Holder = { first: "Clara", last: "Conrad", email: null };
const claraEmail = "clara@conrad.example";
/** Used by two households at once (seed 001: the access is made per address). */
const familyEmail = "family@dahl.example";
/** On the list but not selected: never invited. */
const zoe: Holder = { first: "Zoe", last: "Zeller", email: "zoe@zeller.example" };

const fileName = (h: Holder) => `${h.last}, ${h.first}`;
const personName = (h: Holder) => `${h.first} ${h.last}`;
const invited = [anna, bruno, clara];
const inviteLink = /http\S+\/invite\/client#token=[A-Za-z0-9_-]{43}/;

/** The dialog's buttons and fields must be inside the window, the page must not scroll sideways. */
async function expectDialogFits(page: Page, dialog: Locator, where: string, controls: Locator[]) {
  await expectNoHorizontalOverflow(page, where);
  const box = await dialog.boundingBox();
  const width = await page.evaluate(() => window.innerWidth);
  expect(box, `${where}: the dialog has no box`).not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width + 1, where).toBe(true);
  // Nothing inside the dialog scrolls sideways either.
  const sideways = await dialog.evaluate((el) =>
    [el, ...el.querySelectorAll("*")].some(
      (node) =>
        !["INPUT", "TEXTAREA", "SELECT"].includes(node.tagName) &&
        getComputedStyle(node).overflowX !== "visible" &&
        node.scrollWidth > node.clientWidth + 1,
    ),
  );
  expect(sideways, `${where}: something in the dialog scrolls sideways`).toBe(false);
  await expectVisibleInWindow(page, where, controls);
}

describe("bulk invitation: invite selected client files from the client list", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-bulk-invitation" });

  it("invites three files, asks for the missing address, and never invites twice", async () => {
    const j = journey();
    const { page, baseUrl, step, request, consoleErrors } = j;
    const fileIds: string[] = [];
    let claraFileId = "";
    let recommended: string[] = [];
    const api = async <T>(method: "GET" | "POST", path: string, data?: unknown, status = 200) => {
      const res = await request.fetch(`${baseUrl}${path}`, {
        method,
        headers: { "x-atrium-csrf": "1" },
        ...(data === undefined ? {} : { data }),
      });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(status);
      return (await res.json()) as T;
    };
    /** Mails to the households (the firm's own mails, e.g. to the administrator, do not count). */
    const mails = async () =>
      (await api<{ mails: CaughtMailSummary[] }>("GET", "/api/dev/mailbox")).mails.filter((m) =>
        [anna.email, bruno.email, zoe.email, claraEmail, familyEmail].some((a) => a && m.to.includes(a)),
      );
    const dialog = page.getByRole("dialog", { name: "Invite to the portal" });
    const openDialog = async () => {
      await page.getByRole("button", { name: "Invite to the portal" }).click();
      await dialog.getByRole("radio", { name: "All documents marked as shared" }).waitFor();
    };

    await step("set up the firm and four households through the API (one holder without email)", async () => {
      await setUpFirm(j, firm);
      for (const holder of [anna, bruno, clara, zoe]) {
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
        if (holder !== zoe) fileIds.push(file.id);
        if (holder === clara) claraFileId = file.id;
      }
      const policies = await api<FirmPolicies>("GET", "/api/firm/policies");
      const categories = await api<DocumentCategory[]>("GET", "/api/firm/document-categories");
      recommended = categories
        .filter((c) => c.active && policies.recommendedCategoryKeys.includes(c.key))
        .map((c) => c.name);
      expect(recommended.length).toBeGreaterThan(0);
      expect(await mails()).toHaveLength(0);
    });

    await step("select three files on the client list; the action appears with the selection", async () => {
      await page.goto(`${baseUrl}/app/clients`);
      const table = page.getByRole("table", { name: "Clients" });
      await table.getByRole("link", { name: fileName(zoe) }).waitFor();
      expect(await page.getByRole("button", { name: "Invite to the portal" }).count()).toBe(0);
      for (const holder of invited)
        await page.getByRole("checkbox", { name: `Select ${fileName(holder)}` }).check();
      await page.getByTestId("selection-count").filter({ hasText: "Selected: 3" }).waitFor();
    });

    await step("step 1, options: chosen categories start with the firm's recommended ones", async () => {
      await openDialog();
      await dialog.getByText("3 client files selected.").waitFor();
      expect(await dialog.getByRole("radio", { name: "All documents marked as shared" }).isChecked()).toBe(
        true,
      );
      expect(await dialog.getByLabel("Form of address").inputValue()).toBe("");
      expect(await dialog.getByLabel("Language of the mails").inputValue()).toBe("");
      await dialog.getByRole("radio", { name: "Only documents of chosen categories" }).check();
      const group = dialog.getByRole("group", { name: "Categories to share" });
      await group.waitFor();
      const checked = group.getByRole("checkbox", { checked: true });
      expect(await checked.count()).toBe(recommended.length);
      for (const name of recommended)
        expect(
          await group.getByRole("checkbox", { name: new RegExp(`^${name} \\(recommended\\)$`) }).isChecked(),
        ).toBe(true);
      // None chosen: the dialog says so instead of asking the server.
      for (const name of recommended)
        await group.getByRole("checkbox", { name: new RegExp(`^${name} `) }).uncheck();
      await dialog.getByRole("button", { name: "Continue" }).click();
      await group.getByText("Choose at least one category, or share all documents.").waitFor();
      await group.getByRole("checkbox", { name: new RegExp(`^${recommended[0]} `) }).check();
      await dialog.getByLabel("Personal message (optional)").fill("Your documents are now online.");
      await expectDialogFits(page, dialog, "laptop, options", [
        dialog.getByRole("button", { name: "Continue" }),
        dialog.getByRole("button", { name: "Cancel" }),
      ]);
      await j.screenshot("laptop-options");
    });

    await step("step 2, check: two files are ready, Clara's address is asked for", async () => {
      await dialog.getByRole("button", { name: "Continue" }).click();
      await dialog.getByTestId("plan-ready").filter({ hasText: "2 files ready to invite" }).waitFor();
      await dialog.getByText("1 person without an email address", { exact: false }).waitFor();
      // Focus moved on to the new step (keyboard users continue there, not at the page's top).
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Check");
      const field = dialog.getByLabel(`${personName(clara)} — ${fileName(clara)}`);
      expect(await field.inputValue()).toBe("");
      await field.fill("clara@");
      await dialog.getByRole("button", { name: "Continue" }).click();
      await dialog.getByText("Please enter a valid email address, e.g. name@example.com.").waitFor();
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("email");
      await field.fill(claraEmail);
      await expectDialogFits(page, dialog, "laptop, check", [
        field,
        dialog.getByRole("button", { name: "Back" }),
      ]);
      await j.screenshot("laptop-check");
    });

    await step("step 3, send: three invitations go out, the progress ends with “3 invited”", async () => {
      await dialog.getByRole("button", { name: "Continue" }).click();
      await dialog.getByTestId("send-ready").filter({ hasText: "3 invitations go out now." }).waitFor();
      // Nothing went out before "Send".
      expect(await mails()).toHaveLength(0);
      await dialog.getByRole("button", { name: "Send 3 invitations" }).click();
      await dialog.getByRole("progressbar").waitFor();
      await dialog.getByTestId("run-invited").filter({ hasText: "3 invited" }).waitFor({ timeout: 60_000 });
      await dialog.getByRole("heading", { name: "All done" }).waitFor();
      expect(await dialog.getByTestId("run-progress").textContent()).toBe("3 of 3 files processed");
      expect(await dialog.getByTestId("run-skipped").textContent()).toBe("0 skipped");
      expect(await dialog.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("3");
      await expectDialogFits(page, dialog, "laptop, summary", [dialog.getByRole("button", { name: "Done" })]);
      await j.screenshot("laptop-summary");
    });

    await step("the three mails arrive, each with its link; the filled-in address was saved", async () => {
      for (const holder of invited) {
        const text = await waitForMail(j, holder.email ?? claraEmail);
        expect(text, personName(holder)).toMatch(inviteLink);
        expect(text).toContain("Your documents are now online.");
      }
      const to = (await mails()).map((m) => m.to).join(" ");
      expect(to).not.toContain(zoe.email);
      expect(await mails()).toHaveLength(3);
      const persons = await api<PersonList>("GET", `/api/client-files/${claraFileId}/persons`);
      expect(persons.items[0]?.email).toBe(claraEmail);
    });

    await step(
      "tablet 768 px: the same selection again — all three already invited, nothing to send",
      async () => {
        const tablet = screens.find((s) => s.name === "tablet") ?? screens[0];
        await dialog.getByRole("button", { name: "Done" }).click();
        await dialog.waitFor({ state: "hidden" });
        await page.setViewportSize({ width: tablet.width, height: tablet.height });
        await page.getByTestId("selection-count").filter({ hasText: "Selected: 3" }).waitFor();
        await openDialog();
        await expectDialogFits(page, dialog, "tablet, options", [
          dialog.getByRole("button", { name: "Continue" }),
        ]);
        await dialog.getByRole("button", { name: "Continue" }).click();
        await dialog
          .getByTestId("plan-already-invited")
          .filter({ hasText: "3 already invited: no second invitation goes out" })
          .waitFor();
        expect(await dialog.getByTestId("plan-ready").textContent()).toBe("0 files ready to invite");
        await dialog.getByText("Nothing to send", { exact: true }).waitFor();
        // Clara has an address now: nobody is asked for one.
        expect(await dialog.getByRole("textbox").count()).toBe(0);
        expect(await dialog.getByRole("button", { name: /^Send/ }).count()).toBe(0);
        await expectDialogFits(page, dialog, "tablet, check", [dialog.getByRole("button", { name: "Done" })]);
        await j.screenshot("tablet-check-again");
        await dialog.getByRole("button", { name: "Done" }).click();
        await dialog.waitFor({ state: "hidden" });
      },
    );

    await step("sending the same selection anyway (API) skips all three and sends no mail", async () => {
      const started = await api<BulkInvitationRun>("POST", "/api/invitations/bulk", { fileIds }, 202);
      let run = started;
      await expect
        .poll(
          async () => {
            run = await api<BulkInvitationRun>("GET", `/api/invitations/bulk/${started.id}`);
            return run.status;
          },
          { timeout: 30_000 },
        )
        .toBe("done");
      expect(run).toMatchObject({ total: 3, processed: 3, invited: 0, notified: 0, skipped: 3 });
      expect(run.skips.map((s) => s.reason)).toEqual([
        "already_invited",
        "already_invited",
        "already_invited",
      ]);
      // Give a wrongly queued mail the time to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await mails()).toHaveLength(3);
    });

    await step(
      "a shared address is flagged; bundled, the two files get one access and one mail",
      async () => {
        for (const first of ["Dora", "Dirk"])
          await api(
            "POST",
            "/api/client-files",
            {
              kind: "private",
              holder: { firstName: first, lastName: "Dahl", email: familyEmail, language: "en" },
            },
            201,
          );
        await page.getByRole("button", { name: "Clear selection" }).click();
        await page.getByRole("searchbox", { name: "Search" }).fill("Dahl");
        const table = page.getByRole("table", { name: "Clients" });
        await expect.poll(() => table.getByRole("row").count()).toBe(1 + 2);
        await page.getByRole("checkbox", { name: "Select all files on this page" }).check();
        await page.getByTestId("selection-count").filter({ hasText: "Selected: 2" }).waitFor();
        await openDialog();
        await dialog.getByRole("button", { name: "Continue" }).click();
        const shared = dialog.getByRole("region", { name: "Addresses used by several persons" });
        await shared.getByText(familyEmail, { exact: true }).waitFor();
        for (const first of ["Dora", "Dirk"])
          await shared.getByText(`${first} Dahl — Dahl, ${first}`).waitFor();
        await shared.getByText("Personal addresses are better", { exact: false }).waitFor();
        const separate = shared.getByRole("radio", { name: /^Invite each one separately \(same address\)/ });
        expect(await separate.isChecked()).toBe(true);
        await shared
          .getByRole("radio", { name: /^One access for all of them \(bundled into one grant\)/ })
          .check();
        await expectDialogFits(page, dialog, "tablet, shared address", [
          dialog.getByRole("button", { name: "Continue" }),
          shared.getByRole("radio", { name: /^One access for all of them/ }),
        ]);
        await j.screenshot("tablet-shared-address");
        await dialog.getByRole("button", { name: "Continue" }).click();
        await dialog.getByRole("button", { name: "Send 2 invitations" }).click();
        await dialog.getByRole("heading", { name: "All done" }).waitFor({ timeout: 60_000 });
        expect(await dialog.getByTestId("run-invited").textContent()).toBe("2 invited");
        await waitForMail(j, familyEmail);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect((await mails()).filter((m) => m.to.includes(familyEmail))).toHaveLength(1);
        await dialog.getByRole("button", { name: "Done" }).click();
        await dialog.waitFor({ state: "hidden" });
      },
    );

    await step("no script or CSP errors in the console", async () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
