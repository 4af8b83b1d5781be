import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PersonList } from "../../contracts/clients";
import type { GrantDetail } from "../../contracts/grants";
import { fieldErrorOf } from "./support/fields";
import { setUpFirm, useJourney, waitForMail } from "./support/journey";
import { expectNoHorizontalOverflow, expectVisibleInWindow, phone } from "./support/layout";
import { openSection } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";
import {
  createSeed004World,
  documentTitles,
  klara,
  max,
  type Seed004World,
  seed004Firm,
  staffGet,
} from "./support/seed-004-world";
import { waitForSmsCode, wrongCode } from "./support/sms";

const grantName = "Klara Muster — household";
const personalMessage = "Dear Mrs Muster, as promised on the phone: your documents are now online. — Alice";
/** Klara's mobile number as she types it (German, without the country code), and as the SMS goes out. */
const klaraMobile = { typed: "0151 23456789", e164: "+4915123456789", masked: "+49 •••• ••89" };
/** The number she changes to on her account page (French, without the country code). */
const frenchMobile = { typed: "06 12 34 56 78", e164: "+33612345678", masked: "+33 •••• ••78" };

/** A person's card on the Access tab (the list of that person's entries is named after them). */
function accessEntry(page: Page, name: string) {
  return page
    .getByRole("list", { name: `Access of ${name}` })
    .getByRole("listitem")
    .first();
}

async function openAccessTab(page: Page, url: string, fileName: string) {
  await page.goto(url);
  await page.getByRole("heading", { name: fileName, level: 1 }).waitFor();
  await page.getByRole("tab", { name: "Access", exact: true }).click();
}

describe("client invitation: invite by email with a preview, register from the link, confirm the mobile number, land in the portal", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-client-invitation" });

  it("staff invite Klara, she registers on a phone and sees her file; a withdrawn link is gone", async () => {
    const j = journey();
    const { page, baseUrl, step, request, consoleErrors } = j;
    let world = {} as Seed004World;
    let klaraLink = "";
    let maxLink = "";
    /** A link to a second grant (Musterfirma), made before Klara has an account. */
    let companyLink = "";
    const klaraFileUrl = () => `${baseUrl}/app/clients/${world.klaraFile.id}`;
    const post = async <T = { id: string }>(path: string, data: unknown) => {
      const res = await request.post(`${baseUrl}${path}`, { data, headers: { "x-atrium-csrf": "1" } });
      expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(201);
      return (await res.json()) as T;
    };

    await step(
      "set up the firm, Klara's file and a grant shared with Klara and Max (staff API)",
      async () => {
        await setUpFirm(j, seed004Firm);
        world = await createSeed004World(j);
        // The firm asks for a second factor (the default policy): registration ends by setting it up.
        await setSecondFactorPolicy(j, "any");
        const grant = await post("/api/grants", { name: grantName, fileIds: [world.klaraFile.id] });
        const persons = await staffGet<PersonList>(j, `/api/client-files/${world.klaraFile.id}/persons`);
        for (const who of [klara, max]) {
          const person = persons.items.find((p) => p.email === who.email);
          expect(person, who.name).toBeDefined();
          await post(`/api/grants/${grant.id}/grantees`, { personId: person?.id, access: "read" });
        }
        const saved = await staffGet<GrantDetail>(j, `/api/grants/${grant.id}`);
        expect(saved.grantees.map((g) => g.status)).toEqual(["pending", "pending"]);
        // Musterfirma shared with Klara's email too, by a link sent personally before she registers.
        const company = await post("/api/grants", { name: "Musterfirma", fileIds: [world.companyFile.id] });
        const outsider = await post(`/api/grants/${company.id}/grantees`, {
          email: klara.email,
          name: klara.name,
        });
        const link = await post<{ url: string }>(
          `/api/grants/${company.id}/grantees/${outsider.id}/invitation-link`,
          {},
        );
        companyLink = link.url;
        expect(companyLink).toMatch(/\/invite\/client#token=[A-Za-z0-9_-]{43}$/);
      },
    );

    await step("Access tab: Klara is not invited yet", async () => {
      await openAccessTab(page, klaraFileUrl(), world.klaraFile.name);
      await accessEntry(page, klara.name)
        .getByTestId("invitation-status")
        .filter({ hasText: "Not invited yet." })
        .waitFor();
    });

    await step(
      "invite Klara by email: the preview shows the mail and follows the personal message",
      async () => {
        await accessEntry(page, klara.name)
          .getByRole("button", { name: `Invite by email for ${klara.name}` })
          .click();
        const dialog = page.getByRole("dialog", { name: `Invite ${klara.name} by email` });
        // Preset to Klara's language and salutation (her person record: English, formal).
        expect(await dialog.getByLabel("Language").locator("option:checked").textContent()).toBe("English");
        expect(await dialog.getByLabel("Form of address").inputValue()).toBe("formal");
        const subject = dialog.getByTestId("invitation-preview-subject");
        await subject
          .filter({ hasText: `${seed004Firm.firmName} invites you to its client portal` })
          .waitFor();
        const text = dialog.getByTestId("invitation-preview-text");
        expect(await text.textContent()).toContain(`Hello ${klara.name}`);
        expect(await text.textContent()).not.toContain(personalMessage);
        await dialog.getByLabel("Personal message (optional)").fill(personalMessage);
        await text.filter({ hasText: personalMessage }).waitFor();
        await j.screenshot("invitation-dialog");
        await dialog.getByRole("button", { name: "Send invitation" }).click();
        await dialog.waitFor({ state: "hidden" });
        const entry = accessEntry(page, klara.name);
        await entry.getByText(`The invitation was sent to ${klara.email}.`).waitFor();
        const status = (await entry.getByTestId("invitation-status").textContent()) ?? "";
        expect(status).toMatch(
          new RegExp(
            `^Invited on .+ by ${seed004Firm.adminName} · next reminder on .+ · link valid until .+$`,
          ),
        );
        expect(await entry.getByRole("button", { name: `Stop reminders for ${klara.name}` }).count()).toBe(1);
        expect(await entry.getByRole("button", { name: `Resend for ${klara.name}` }).count()).toBe(1);
      },
    );

    await step("the invitation mail arrives with the personal message and its link", async () => {
      const text = await waitForMail(j, klara.email);
      expect(text).toContain(personalMessage);
      klaraLink = text.match(/(http\S+\/invite\/client#token=[A-Za-z0-9_-]{43})/)?.[1] ?? "";
      expect(klaraLink).not.toBe("");
    });

    await step("Max: copy an invitation link, then withdraw it", async () => {
      const entry = accessEntry(page, max.name);
      await entry.getByRole("button", { name: `Copy invitation link for ${max.name}` }).click();
      const dialog = page.getByRole("dialog", { name: `Invitation link for ${max.name}` });
      await dialog.getByText("A new link replaces the older ones", { exact: false }).waitFor();
      await dialog.getByRole("button", { name: "Make link" }).click();
      const field = dialog.getByLabel("Invitation link", { exact: true });
      await field.waitFor();
      maxLink = await field.inputValue();
      expect(maxLink).toMatch(/\/invite\/client#token=[A-Za-z0-9_-]{43}$/);
      await dialog.getByRole("button", { name: "Copy link" }).click();
      await dialog
        .getByRole("status")
        .filter({ hasText: /Copied|Copying was not possible/ })
        .waitFor();
      await dialog.getByRole("button", { name: "Done" }).click();
      await dialog.waitFor({ state: "hidden" });
      await entry
        .getByTestId("invitation-status")
        .filter({ hasText: `Invitation link made on` })
        .filter({ hasText: "to send personally" })
        .waitFor();

      await entry.getByRole("button", { name: `Withdraw for ${max.name}` }).click();
      const confirm = page.getByRole("dialog", { name: "Withdraw the invitation?" });
      await confirm.getByRole("button", { name: "Withdraw" }).click();
      await confirm.waitFor({ state: "hidden" });
      await entry.getByTestId("invitation-status").filter({ hasText: "Invitation withdrawn" }).waitFor();
    });

    const client = await j.openBrowser("en-US");
    const phonePage = client.page;

    await step("the withdrawn link opens a friendly page that says what to do", async () => {
      await phonePage.goto(maxLink);
      await phonePage
        .getByRole("heading", { name: "This invitation link no longer works", level: 1 })
        .waitFor();
      await phonePage.getByText("Please ask your advisor for a new invitation.", { exact: false }).waitFor();
      expect(phonePage.url()).toBe(`${baseUrl}/invite/client`);
    });

    await step(
      `Klara opens her link on a ${phone.width}px phone: the token leaves the address bar`,
      async () => {
        await phonePage.setViewportSize({ width: phone.width, height: phone.height });
        await phonePage.goto(klaraLink);
        await phonePage.getByRole("heading", { name: `Welcome, ${klara.name}`, level: 1 }).waitFor();
        expect(phonePage.url()).toBe(`${baseUrl}/invite/client`);
        expect(phonePage.url()).not.toContain("token");
        await phonePage.getByTestId("invitation-firm").filter({ hasText: seed004Firm.firmName }).waitFor();
        await phonePage.getByText(klara.email, { exact: true }).waitFor();
        expect(await phonePage.getByLabel("Your name").inputValue()).toBe(klara.name);
        await expectNoHorizontalOverflow(phonePage, "registration page on a phone");
        await expectVisibleInWindow(phonePage, "registration page on a phone", [
          phonePage.getByLabel("Choose a password", { exact: true }),
          phonePage.getByRole("button", { name: "Set up my access" }),
          phonePage.getByTestId("language-switch"),
        ]);
        const button = await phonePage.getByRole("button", { name: "Set up my access" }).boundingBox();
        expect(button?.height ?? 0).toBeGreaterThanOrEqual(44);
        await j.screenshot("phone-registration", phonePage);
      },
    );

    await step(
      "a common password is refused under the field; a good one registers and asks for her mobile number",
      async () => {
        const password = phonePage.getByLabel("Choose a password", { exact: true });
        await password.fill("password123");
        await phonePage.getByRole("button", { name: "Set up my access" }).click();
        await phonePage.locator('input[aria-invalid="true"][autocomplete="new-password"]').waitFor();
        const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
        const errorId = describedBy.split(" ").find((id) => id.endsWith("-error")) ?? "";
        expect(errorId).not.toBe("");
        expect((await phonePage.locator(`[id="${errorId}"]`).textContent())?.length ?? 0).toBeGreaterThan(10);
        await expectNoHorizontalOverflow(phonePage, "registration page with a field error");

        await password.fill(klara.password);
        await phonePage.getByRole("button", { name: "Show password" }).click();
        expect(await password.getAttribute("type")).toBe("text");
        await phonePage.getByRole("button", { name: "Set up my access" }).click();
        await phonePage.getByRole("heading", { name: "Confirm your mobile number", level: 1 }).waitFor();
        expect(phonePage.url()).toBe(`${baseUrl}/invite/client`);
      },
    );

    await step(
      "step 2 on the phone: the number field (country from the invitation's language, nothing prefilled, no 'later')",
      async () => {
        await phonePage.getByTestId("invitation-firm").filter({ hasText: seed004Firm.firmName }).waitFor();
        // Her invitation is in English: the country starts as the United Kingdom.
        expect(await phonePage.getByLabel("Country", { exact: true }).inputValue()).toBe("GB");
        const number = phonePage.getByLabel("Your mobile number", { exact: true });
        expect(await number.inputValue()).toBe("");
        expect(await number.getAttribute("type")).toBe("tel");
        expect(await number.getAttribute("autocomplete")).toBe("tel");
        expect(await number.getAttribute("inputmode")).toBe("tel");
        // Seed 003: email and phone are both needed to sign in, so the step cannot be put off.
        expect(await phonePage.getByRole("link", { name: /later|skip/i }).count()).toBe(0);
        expect(await phonePage.getByRole("button", { name: /later|skip/i }).count()).toBe(0);
        await expectNoHorizontalOverflow(phonePage, "mobile number step on a phone");
        await expectVisibleInWindow(phonePage, "mobile number step on a phone", [
          number,
          phonePage.getByRole("button", { name: "Send code" }),
          phonePage.getByTestId("language-switch"),
        ]);
        const button = await phonePage.getByRole("button", { name: "Send code" }).boundingBox();
        expect(button?.height ?? 0).toBeGreaterThanOrEqual(44);
        await j.screenshot("phone-number-step", phonePage);

        // A number that cannot be one: the server's message (with an example) under the field.
        await number.fill("123");
        await phonePage.getByRole("button", { name: "Send code" }).click();
        await phonePage.locator('input[aria-invalid="true"][autocomplete="tel"]').waitFor();
        await phonePage.getByText("This is not a valid phone number.", { exact: false }).waitFor();
        await expectNoHorizontalOverflow(phonePage, "mobile number step with a field error");
      },
    );

    await step(
      "she sends a code to her German number; a wrong code is refused under the field, the right one opens the portal",
      async () => {
        await phonePage.getByLabel("Country", { exact: true }).selectOption("DE");
        await phonePage.getByLabel("Your mobile number", { exact: true }).fill(klaraMobile.typed);
        const since = new Date(Date.now() - 1_000);
        await phonePage.getByRole("button", { name: "Send code" }).click();

        const code = phonePage.getByLabel("Code from the text message", { exact: true });
        await code.waitFor();
        expect(await code.getAttribute("inputmode")).toBe("numeric");
        expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
        await phonePage.getByTestId("phone-code-target").filter({ hasText: klaraMobile.masked }).waitFor();
        await phonePage.getByText("The code works until", { exact: false }).waitFor();
        // "Send a new code" waits 30 seconds, and says so.
        const resend = phonePage.getByRole("button", { name: /^Send a new code/ });
        expect(await resend.isDisabled()).toBe(true);
        expect(await resend.textContent()).toMatch(/^Send a new code \(in \d+ s\)$/);
        await phonePage.getByText("After 30 seconds you can ask for a new code.", { exact: false }).waitFor();
        await expectNoHorizontalOverflow(phonePage, "code step on a phone");

        const sms = await waitForSmsCode(j, klaraMobile.e164, since);
        expect(sms.message.text).toContain("valid for 10 minutes");

        await code.fill(wrongCode(sms.code));
        await phonePage.getByRole("button", { name: "Confirm", exact: true }).click();
        await phonePage.locator('input[aria-invalid="true"][autocomplete="one-time-code"]').waitFor();
        expect(await fieldErrorOf(phonePage, code)).toContain("This code is not right.");
        await expectNoHorizontalOverflow(phonePage, "code step with a wrong code");
        await j.screenshot("phone-code-step", phonePage);

        await code.fill(sms.code);
        await phonePage.getByRole("button", { name: "Confirm", exact: true }).click();
        // Then the sign-in protection the firm asks for: SMS codes to the number just confirmed.
        await phonePage.getByRole("heading", { name: "Protect your sign-in", level: 1 }).waitFor();
        await expectNoHorizontalOverflow(phonePage, "sign-in protection step");
        await phonePage.getByRole("button", { name: "Send me a code by SMS at each sign-in" }).click();
        await phonePage.waitForURL(new RegExp(`/portal/${world.firmId}/${world.klaraFile.id}/?$`));
        await phonePage.getByRole("heading", { name: world.klaraFile.name, level: 1 }).waitFor();
        await phonePage.getByTestId("logout").waitFor();
      },
    );

    await step("Klara sees the shared file: its documents", async () => {
      await openSection(phonePage, "Documents");
      await phonePage.getByRole("heading", { name: documentTitles.hrv }).waitFor();
      await expectNoHorizontalOverflow(phonePage, "portal documents after registering");
    });

    await step("her account page shows the confirmed number, masked, with 'Change number'", async () => {
      await phonePage.goto(`${baseUrl}/account`);
      const section = phonePage.getByRole("region", { name: "Mobile number" });
      await section.getByTestId("account-phone-number").filter({ hasText: klaraMobile.masked }).waitFor();
      await section.getByRole("button", { name: "Change number" }).click();
      // The same two steps as at registration; the country follows the page's language (English).
      const number = section.getByLabel("Your mobile number", { exact: true });
      expect(await number.inputValue()).toBe("");
      expect(await section.getByLabel("Country", { exact: true }).inputValue()).toBe("GB");
      await expectNoHorizontalOverflow(phonePage, "account page changing the number");
      await section.getByRole("button", { name: "Cancel" }).click();
      await section.getByRole("button", { name: "Change number" }).waitFor();
    });

    await step(
      "she changes it to her French number with her password: a used-up code asks for a new one, which works at once",
      async () => {
        const section = phonePage.getByRole("region", { name: "Mobile number" });
        await section.getByRole("button", { name: "Change number" }).click();
        await section.getByLabel("Country", { exact: true }).selectOption("FR");
        await section.getByLabel("Your mobile number", { exact: true }).fill(frenchMobile.typed);
        // Sign-in codes go to this number: replacing it asks for her password, named under its field.
        await section.getByRole("button", { name: "Send code" }).click();
        await section
          .getByText("To change your mobile number, please enter the password you sign in with.")
          .waitFor();
        await section.getByLabel("Your password", { exact: true }).fill(klara.password);
        let since = new Date(Date.now() - 1_000);
        await section.getByRole("button", { name: "Send code" }).click();
        await section.getByTestId("phone-code-target").filter({ hasText: frenchMobile.masked }).waitFor();
        const first = await waitForSmsCode(j, frenchMobile.e164, since);

        // Five wrong codes use the attempt up: its message says to ask again, and that works at once.
        const code = section.getByLabel("Code from the text message", { exact: true });
        for (let attempt = 1; attempt <= 5; attempt += 1) {
          await code.fill(wrongCode(first.code));
          await section.getByRole("button", { name: "Confirm", exact: true }).click();
          await section
            .getByText(attempt < 5 ? "This code is not right." : "Please request a new code.", {
              exact: false,
            })
            .waitFor();
        }
        const resend = section.getByRole("button", { name: "Send a new code", exact: true });
        expect(await resend.isEnabled()).toBe(true);
        since = new Date(Date.now() - 1_000);
        await resend.click();
        await section.getByText("We have sent you a new code to this number.", { exact: false }).waitFor();
        const second = await waitForSmsCode(j, frenchMobile.e164, since);
        expect(await code.inputValue()).toBe("");
        await code.fill(second.code);
        await section.getByRole("button", { name: "Confirm", exact: true }).click();
        await section.getByText("Your mobile number is confirmed.").waitFor();
        await section.getByTestId("account-phone-number").filter({ hasText: frenchMobile.masked }).waitFor();
        await expectNoHorizontalOverflow(phonePage, "account page with the changed number");
        await j.screenshot("account-phone", phonePage);
      },
    );

    await step("the used link no longer works", async () => {
      await phonePage.goto(klaraLink);
      await phonePage
        .getByRole("heading", { name: "This invitation link no longer works", level: 1 })
        .waitFor();
    });

    await step(
      "the second link finds her account: it asks for her password and her SMS code, and adds Musterfirma",
      async () => {
        await phonePage.goto(companyLink);
        await phonePage.getByRole("heading", { name: `Welcome, ${klara.name}`, level: 1 }).waitFor();
        expect(phonePage.url()).toBe(`${baseUrl}/invite/client`);
        await phonePage.getByRole("heading", { name: "You already have an access" }).waitFor();
        expect(await phonePage.getByLabel("Your name").count()).toBe(0);
        const password = phonePage.getByLabel("Your password", { exact: true });
        await password.fill("not her password at all");
        await phonePage.getByRole("button", { name: "Add to my access" }).click();
        await phonePage.locator('input[aria-invalid="true"][autocomplete="current-password"]').waitFor();
        await password.fill(klara.password);
        const since = new Date(Date.now() - 1_000);
        await phonePage.getByRole("button", { name: "Add to my access" }).click();
        // Her sign-in is protected by SMS codes (set up at registration), to her new number: the code first (SEC-8).
        await phonePage.getByText(frenchMobile.masked, { exact: false }).waitFor();
        const sms = await waitForSmsCode(j, frenchMobile.e164, since);
        await phonePage.getByLabel("Code", { exact: true }).fill(sms.code);
        await phonePage.getByRole("button", { name: "Confirm and sign in" }).click();
        await phonePage.waitForURL(new RegExp(`${baseUrl}/portal/?$`));
        await phonePage.getByTestId("portal-file-link").filter({ hasText: world.companyFile.name }).waitFor();
        expect(await phonePage.getByTestId("portal-file-link").count()).toBe(2);
        await expectNoHorizontalOverflow(phonePage, "portal home with two files");
      },
    );

    await step("back in the staff tab: Klara is active and shows as joined", async () => {
      await openAccessTab(page, klaraFileUrl(), world.klaraFile.name);
      const entry = accessEntry(page, klara.name);
      await entry.getByText("Active", { exact: true }).waitFor();
      await entry
        .getByTestId("invitation-status")
        .filter({ hasText: /^Joined the portal on / })
        .waitFor();
      expect(await entry.getByRole("button", { name: `Resend for ${klara.name}` }).count()).toBe(0);
      await j.screenshot("access-tab-after");
    });

    await step("no script or CSP errors in any console", async () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
