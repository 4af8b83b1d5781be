import { describe, expect, it } from "vitest";
import { fieldErrorOf } from "./support/fields";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow } from "./support/layout";
import { minimalPdf } from "./support/pdf";
import { linkPortalAccount, type PortalLogin } from "./support/portal-accounts";
import { signInToPortal } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";

// Issue 6 "done when": a client reports a claim without a contract on a phone, the case lands in the
// handler's inbox on a desktop, the handler replies, and the client reads the reply.

const firm = {
  firmName: "Lakeside Brokers",
  language: "en",
  adminName: "Alice Archer",
  adminEmail: "alice@lakeside.example",
  password: "copper kettles by the harbour 9",
};
const client: PortalLogin = {
  name: "Greta Lindqvist",
  email: "greta@lindqvist.example",
  password: "a quiet garden behind the mill",
};
/** The phone of the journey. */
const phoneSize = { width: 390, height: 844 };
/** A valid 1×1 PNG: the server sniffs attachments, so the bytes must be an image. */
const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const whatHappened = "A storm broke the kitchen window and rain soaked the wooden floor.";
const answer = "Thank you, Mrs Lindqvist. We have opened the claim; a loss adjuster will call you tomorrow.";

describe("cases: a claim without a contract, from the client's phone to the handler's inbox and back", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-cases" });

  it("reports a claim on a phone, answers it from the inbox, and the client reads the answer", async () => {
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

    await step(
      "set up the firm, Greta's file and a grant that lets her report claims without a contract",
      async () => {
        await setUpFirm(j, firm);
        await setSecondFactorPolicy(j, "none");
        const me = await api<{ user: { id: string }; firm: { id: string } }>("GET", "/api/me");
        const file = await api<{ id: string }>(
          "POST",
          "/api/client-files",
          {
            kind: "private",
            holder: { firstName: "Greta", lastName: "Lindqvist", email: client.email, language: "en" },
          },
          201,
        );
        fileId = file.id;
        const grant = await api<{ id: string }>(
          "POST",
          "/api/grants",
          {
            name: "Greta",
            fileIds: [fileId],
            settings: {
              features: [
                "messages",
                "claim_reporting",
                "claim_reporting_without_contract",
                "contract_capture",
                "quote_requests",
                "client_uploads",
              ],
              caseHandlerId: me.user.id,
              showCaseHandler: true,
            },
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
      },
    );

    const phone = await j.openBrowser();
    const phonePage = phone.page;
    await phonePage.setViewportSize(phoneSize);

    await step("on her phone, Greta reports a claim without naming a contract", async () => {
      await signInToPortal(phonePage, baseUrl, client);
      await phonePage.getByRole("heading", { name: "Lindqvist, Greta", level: 1 }).waitFor();
      await phonePage.getByRole("link", { name: /^Messages & requests/ }).click();
      await phonePage.getByRole("heading", { name: "Messages & requests", level: 1 }).waitFor();
      await phonePage.getByText("Your contact person: Alice Archer.").waitFor();
      await expectNoHorizontalOverflow(phonePage, "messages & requests on a phone");
      await j.screenshot("phone-actions", phonePage);
      await phonePage.getByRole("link", { name: /^Report a claim/ }).click();
      await phonePage.getByRole("heading", { name: "Report a claim", level: 1 }).waitFor();
      await expectNoHorizontalOverflow(phonePage, "claim form on a phone");
      await j.screenshot("phone-claim-form", phonePage);

      // Sent empty, the form says on each field what is missing.
      await phonePage.getByRole("button", { name: "Send" }).click();
      const what = phonePage.getByLabel("What happened?");
      await expect.poll(() => what.getAttribute("aria-invalid")).toBe("true");

      await phonePage
        .getByLabel("Which contract is affected?")
        .selectOption({ label: "I don’t know / no contract" });
      const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
      await phonePage.getByLabel("When did it happen?").fill(yesterday);
      await phonePage.getByLabel("Where did it happen? (optional)").fill("At home, kitchen");
      await what.fill(whatHappened);
      await phonePage.getByLabel("Estimated damage (optional)").fill("1200");
      await phonePage.getByRole("button", { name: "Send" }).click();
      await phonePage.getByText("Thank you — your claim report has been received.").waitFor();
      await phonePage.getByText("Alice Archer will take care of it and answer you here.").waitFor();
      await phonePage.getByTestId("case-details").getByText(whatHappened).waitFor();
      await expectNoHorizontalOverflow(phonePage, "the sent claim on a phone");
    });

    await step("the claim lands in the handler's inbox on the desktop, marked unread", async () => {
      await page.goto(`${baseUrl}/app/inbox`);
      await page.getByRole("heading", { name: "Inbox", level: 1 }).waitFor();
      await expect.poll(async () => (await page.getByTestId("inbox-nav").textContent()) ?? "").toContain("1");
      const row = page.getByTestId("inbox-row").filter({ hasText: "Lindqvist, Greta" });
      await row.getByTestId("unread").waitFor();
      await expect.poll(() => row.textContent()).toContain("Assigned to Alice Archer");
      await j.screenshot("desktop-inbox");
      await row.getByRole("link", { name: /^Claim report of/ }).click();
      await page.getByRole("heading", { name: /^Claim report of/, level: 1 }).waitFor();
      await page.getByTestId("case-details").getByText(whatHappened).waitFor();
      await page.getByTestId("case-details").getByText("No contract chosen").waitFor();
    });

    await step("the handler replies; the case then waits for the client", async () => {
      await page.getByLabel("Your message").fill(answer);
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.getByText("Your message has been sent.").waitFor();
      await page.getByTestId("case-thread").getByText(answer).waitFor();
      await expect
        .poll(() => page.getByTestId("case-status").first().textContent())
        .toBe("Waiting for client");
      await j.screenshot("desktop-case");
    });

    await step("the inbox and the case also work on a small phone", async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.reload();
      await page.getByRole("heading", { name: /^Claim report of/, level: 1 }).waitFor();
      await expectNoHorizontalOverflow(page, "a case in the back office on a phone");
      await page.getByRole("link", { name: "← Inbox" }).click();
      await page.getByRole("heading", { name: "Inbox", level: 1 }).waitFor();
      // Answered, the case has left the open ones and waits for the client.
      await page.getByText("No cases match these filters.").waitFor();
      await page.getByText(/^Waiting for client/).click();
      await page.getByTestId("inbox-row").filter({ hasText: "Lindqvist, Greta" }).waitFor();
      await expectNoHorizontalOverflow(page, "the inbox on a phone");
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    await step("Greta sees the new answer on her phone and reads it", async () => {
      await phonePage.getByRole("link", { name: "← Back to messages & requests" }).click();
      await phonePage.reload();
      const item = phonePage.getByTestId("portal-case").first();
      await item.getByTestId("unread").waitFor();
      await expect.poll(() => item.textContent()).toContain("Your answer is needed");
      await item.getByRole("link").click();
      await phonePage.getByTestId("case-thread").getByText(answer).waitFor();
      await expectNoHorizontalOverflow(phonePage, "the answered claim on a phone");
      await j.screenshot("phone-answer", phonePage);
    });

    await step(
      "a message with a file the server refuses keeps the text and says why on the files",
      async () => {
        await phonePage.getByRole("link", { name: "← Back to messages & requests" }).click();
        await phonePage.getByRole("link", { name: /^Write to us/ }).click();
        await phonePage.getByRole("heading", { name: "Write to us", level: 1 }).waitFor();
        await phonePage.getByLabel("Subject").fill("Photos of the window");
        await phonePage.getByLabel("Your message").fill("Here is the glazier's estimate.");
        const picker = phonePage.getByLabel("Choose files");
        // Named like a PDF, but its bytes are a program: the server's sniffing refuses it (SEC-15).
        await picker.setInputFiles({
          name: "estimate.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from("MZ\x90\x00 not a pdf"),
        });
        await phonePage.getByRole("button", { name: "Send" }).click();
        await expect.poll(() => picker.getAttribute("aria-invalid")).toBe("true");
        expect(await fieldErrorOf(phonePage, picker)).not.toBe("");
        expect(await phonePage.getByLabel("Your message").inputValue()).toBe(
          "Here is the glazier's estimate.",
        );

        await phonePage.getByRole("button", { name: "Remove estimate.pdf" }).click();
        await picker.setInputFiles({
          name: "estimate.pdf",
          mimeType: "application/pdf",
          buffer: minimalPdf("Estimate"),
        });
        await phonePage.getByRole("button", { name: "Send" }).click();
        await phonePage.getByText("Thank you — your message has been sent.").waitFor();
        const thread = phonePage.getByTestId("case-thread");
        await thread.getByText("Here is the glazier's estimate.").waitFor();
        await thread.getByRole("link", { name: "Download estimate.pdf" }).waitFor();
      },
    );

    await step(
      "the other requests: a contract held elsewhere with a photo, a quote request, documents",
      async () => {
        const start = async (action: RegExp, heading: string) => {
          await phonePage.getByRole("link", { name: "← Back to messages & requests" }).click();
          await phonePage.getByRole("link", { name: action }).click();
          await phonePage.getByRole("heading", { name: heading, level: 1 }).waitFor();
        };
        await start(/^Add a contract held elsewhere/, "Add a contract held elsewhere");
        await phonePage
          .getByLabel("Take a photo")
          .setInputFiles({ name: "policy.png", mimeType: "image/png", buffer: onePixelPng });
        await phonePage.getByLabel("Insurance company or provider").fill("Nordic Mutual");
        await phonePage.getByLabel("What is insured? (optional)").fill("Household contents");
        await phonePage.getByLabel("Premium (optional)").fill("180,50");
        await phonePage.getByLabel("Paid").selectOption({ label: "per year" });
        await phonePage.getByRole("button", { name: "Send" }).click();
        await phonePage.getByText("Thank you — we have received your contract.").waitFor();
        await phonePage.getByTestId("case-details").getByText("Nordic Mutual").waitFor();

        await start(/^Ask for a quote/, "Ask for a quote");
        await phonePage.getByLabel("What should be insured?").fill("A new electric car");
        await phonePage.getByLabel("What is important to you?").fill("Full cover, low deductible.");
        await phonePage.getByRole("button", { name: "Send" }).click();
        await phonePage.getByText("Thank you — your quote request has been received.").waitFor();

        await start(/^Send documents/, "Send documents");
        // Without a file the form says so on the files, before anything is sent.
        await phonePage.getByRole("button", { name: "Send" }).click();
        await phonePage.getByText("Please choose at least one file.").waitFor();
        await phonePage
          .getByLabel("Choose files")
          .setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: minimalPdf("Invoice") });
        await phonePage.getByRole("button", { name: "Send" }).click();
        await phonePage.getByText("Thank you — your documents have been received.").waitFor();
        await phonePage.getByRole("link", { name: "Download invoice.pdf" }).waitFor();
      },
    );

    await step("the inbox lists all five, newest activity first", async () => {
      await page.goto(`${baseUrl}/app/inbox?status=all`);
      const rows = page.getByTestId("inbox-row");
      await expect.poll(() => rows.count()).toBe(5);
      await expect.poll(() => rows.first().textContent()).toContain("Documents");
      await page.getByLabel("Kind").selectOption({ label: "Contract held elsewhere" });
      await expect.poll(() => rows.count()).toBe(1);
    });

    expect(consoleErrors).toEqual([]);
  });
});
