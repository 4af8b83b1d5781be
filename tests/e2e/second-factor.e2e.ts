import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fieldErrorOf } from "./support/fields";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow, phone } from "./support/layout";
import { portalClientOfFirm } from "./support/portal-accounts";
import { signInToPortal, signOutOfPortal } from "./support/portal-pages";
import { appCode, setSecondFactorPolicy } from "./support/second-factor";
import { waitForSmsCode, wrongCode } from "./support/sms";

const admin = {
  firmName: "Kanzlei Muster GmbH",
  language: "en",
  adminName: "Erika Mustermann",
  adminEmail: "erika@kanzlei-muster.example",
  password: "Herbstlaub über der Brücke 7",
};
const client = { name: "Klara Muster", email: "klara@muster.example", password: "a quiet harbour at night" };
const mobile = { typed: "0151 23456789", e164: "+4915123456789", masked: "+49 •••• ••89" };

/** The password step of the portal's sign-in; the second step (when any) follows in the same form. */
async function signInWithPassword(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/portal`);
  await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
  await page.getByLabel("Email address").fill(client.email);
  await page.getByLabel("Password", { exact: true }).fill(client.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("second-factor").waitFor();
}

/** The account page's "Sign-in protection" with its current state. */
async function protection(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/account`);
  const section = page.getByRole("region", { name: "Sign-in protection" });
  await section.getByTestId("second-factor-state").waitFor();
  return section;
}

describe("second factor (PORTAL-1): SMS codes and an authenticator app, switched on from the account page", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-second-factor" });

  it("a portal client protects her sign-in by SMS, then by an app, and signs in with each", async () => {
    const j = journey();
    const { baseUrl, step } = j;
    let page = j.page;

    await step("setup: a firm and a portal client (as the other journeys create accounts)", async () => {
      await setUpFirm(j, admin);
      // The portal's own pages are what this journey is about: the firm asks for no second factor.
      await setSecondFactorPolicy(j, "none");
      await portalClientOfFirm(j, client, "en");
      page = (await j.openBrowser("en-US")).page;
      await page.setViewportSize(phone);
    });

    await step("she confirms her mobile number on the account page", async () => {
      await signInToPortal(page, baseUrl, client);
      const section = await protection(page, baseUrl);
      await section
        .getByTestId("second-factor-state")
        .filter({ hasText: "Only your password protects your account." })
        .waitFor();
      expect(await section.getByRole("button", { name: "Use SMS codes" }).isDisabled()).toBe(true);
      await expectNoHorizontalOverflow(page, "account page without a second factor");
      const phoneSection = page.getByRole("region", { name: "Mobile number" });
      await phoneSection.getByRole("button", { name: "Confirm my number" }).click();
      await phoneSection.getByLabel("Country", { exact: true }).selectOption("DE");
      await phoneSection.getByLabel("Your mobile number", { exact: true }).fill(mobile.typed);
      const since = new Date(Date.now() - 1_000);
      await phoneSection.getByRole("button", { name: "Send code" }).click();
      const sms = await waitForSmsCode(j, mobile.e164, since);
      await phoneSection.getByLabel("Code from the text message", { exact: true }).fill(sms.code);
      await phoneSection.getByRole("button", { name: "Confirm", exact: true }).click();
      await page.getByText("Your mobile number is confirmed.").waitFor();
    });

    await step("she switches on SMS codes: a wrong password is refused under the field", async () => {
      const section = page.getByRole("region", { name: "Sign-in protection" });
      await section.getByRole("button", { name: "Use SMS codes" }).click();
      await section.getByText(`by SMS to ${mobile.masked}`, { exact: false }).waitFor();
      const password = section.getByLabel("Your password", { exact: true });
      await password.fill("not my password at all");
      await section.getByRole("button", { name: "Use SMS codes" }).click();
      await section.locator('input[aria-invalid="true"][autocomplete="current-password"]').waitFor();
      expect((await fieldErrorOf(page, password)).length).toBeGreaterThan(5);
      await expectNoHorizontalOverflow(page, "account page asking the password");
      await j.screenshot("account-sms-password", page);
      await password.fill(client.password);
      await section.getByRole("button", { name: "Use SMS codes" }).click();
      await section.getByText("Done: each sign-in now asks for a code by SMS.").waitFor();
      await section
        .getByTestId("second-factor-state")
        .filter({ hasText: `Each sign-in asks for a code by SMS to ${mobile.masked}.` })
        .waitFor();
    });

    await step("signed out and in again: the password, then the code by SMS", async () => {
      await page.goto(`${baseUrl}/portal`);
      await signOutOfPortal(page);
      const since = new Date(Date.now() - 1_000);
      await signInWithPassword(page, baseUrl);
      await page.getByText(`We sent a code by text message to ${mobile.masked}.`, { exact: false }).waitFor();
      await expectNoHorizontalOverflow(page, "code step");
      await j.screenshot("sign-in-sms-code", page);
      const sms = await waitForSmsCode(j, mobile.e164, since);
      const code = page.getByLabel("Code", { exact: true });
      await code.fill(wrongCode(sms.code));
      await page.getByRole("button", { name: "Confirm and sign in" }).click();
      await page.locator('input[aria-invalid="true"][autocomplete="one-time-code"]').waitFor();
      expect(await fieldErrorOf(page, code)).toContain("This code is not right.");
      await expectNoHorizontalOverflow(page, "code step with a wrong code");
      await code.fill(sms.code);
      await page.getByRole("button", { name: "Confirm and sign in" }).click();
      await page.getByTestId("logout").waitFor();
    });

    let secret = "";
    await step("she sets up an authenticator app instead: the key in blocks, the link, a code", async () => {
      const section = await protection(page, baseUrl);
      await section.getByRole("button", { name: "Use an authenticator app" }).click();
      await section.getByLabel("Your password", { exact: true }).fill(client.password);
      await section.getByRole("button", { name: "Continue" }).click();
      const key = section.getByTestId("totp-secret");
      await key.waitFor();
      const blocks = await key.locator("span").allTextContents();
      expect(blocks.length).toBeGreaterThan(4);
      for (const block of blocks.slice(0, -1)) expect(block).toMatch(/^[A-Z2-7]{4}$/);
      secret = blocks.join("");
      const link = section.getByRole("link", { name: "Open in authenticator app" });
      expect(await link.getAttribute("href")).toMatch(new RegExp(`^otpauth://totp/.*secret=${secret}`));
      await expectNoHorizontalOverflow(page, "account page setting up the app");
      await j.screenshot("account-app-setup", page);
      const code = section.getByLabel("Code from the app", { exact: true });
      await code.fill(wrongCode(appCode(secret)));
      await section.getByRole("button", { name: "Confirm code" }).click();
      await section.locator('input[aria-invalid="true"][autocomplete="one-time-code"]').waitFor();
      expect(await fieldErrorOf(page, code)).toContain("This code is not right.");
      await code.fill(appCode(secret));
      await section.getByRole("button", { name: "Confirm code" }).click();
      await section
        .getByText("Done: each sign-in now asks for a code from your authenticator app.")
        .waitFor();
      await section
        .getByTestId("second-factor-state")
        .filter({ hasText: "Each sign-in asks for a code from your authenticator app." })
        .waitFor();
      await expectNoHorizontalOverflow(page, "account page with the app");
    });

    await step("signed out and in again with a code from the app", async () => {
      await page.goto(`${baseUrl}/portal`);
      await signOutOfPortal(page);
      await signInWithPassword(page, baseUrl);
      await page.getByText("Open your authenticator app", { exact: false }).waitFor();
      await expectNoHorizontalOverflow(page, "app code step");
      // A code works once: the one that confirmed the app is used, the next step's code is not.
      await page.getByLabel("Code", { exact: true }).fill(appCode(secret, 1));
      await page.getByRole("button", { name: "Confirm and sign in" }).click();
      await page.getByTestId("logout").waitFor();
    });

    expect(j.consoleErrors).toEqual([]);
  });
});
