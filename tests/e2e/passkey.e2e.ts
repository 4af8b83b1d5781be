import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow, phone } from "./support/layout";
import { portalClientOfFirm } from "./support/portal-accounts";
import { signOutOfPortal } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";
import { waitForSmsCode } from "./support/sms";

const admin = {
  firmName: "Kanzlei Muster GmbH",
  language: "en",
  adminName: "Erika Mustermann",
  adminEmail: "erika@kanzlei-muster.example",
  password: "Herbstlaub über der Brücke 7",
};
const client = { name: "Klara Muster", email: "klara@muster.example", password: "a quiet harbour at night" };
const newcomer = {
  name: "Mia Muster",
  email: "mia@muster.example",
  password: "seven lanterns over the harbour",
  mobile: "0151 98765432",
  e164: "+4915198765432",
};

/**
 * Gives the browser a platform authenticator through Chromium's DevTools protocol (a virtual one:
 * resident keys, user verification that succeeds), as a phone's or laptop's screen lock would be.
 */
async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function credentialsOn(authenticator: { cdp: CDPSession; authenticatorId: string }) {
  const { credentials } = await authenticator.cdp.send("WebAuthn.getCredentials", {
    authenticatorId: authenticator.authenticatorId,
  });
  return credentials;
}

/** The password step of the portal's sign-in. */
async function signInWithPassword(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/portal`);
  await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
  await page.getByLabel("Email address").fill(client.email);
  await page.getByLabel("Password", { exact: true }).fill(client.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

describe("passkeys (PORTAL-1, FIRM-3): a firm that asks for a passkey, and signing in with one", () => {
  // WebAuthn needs a host name for its relying party: the app is reached at localhost, not 127.0.0.1.
  const journey = useJourney({ locale: "en-US", name: "e2e-passkey", publicHost: "localhost" });

  it("a client without a passkey is asked for one before the portal opens, then signs in with it", async () => {
    const j = journey();
    const { baseUrl, step } = j;
    let page = j.page;
    let authenticator: Awaited<ReturnType<typeof addVirtualAuthenticator>> | undefined;
    let grantId = "";

    await step("setup: a firm that asks for passkeys and a portal client who has none", async () => {
      await setUpFirm(j, admin);
      await setSecondFactorPolicy(j, "passkey");
      ({ grantId } = await portalClientOfFirm(j, client, "en"));
      const opened = await j.openBrowser("en-US");
      page = opened.page;
      await page.setViewportSize(phone);
      authenticator = await addVirtualAuthenticator(opened.context, page);
    });

    await step("signed in with her password, she is asked for a passkey instead of the portal", async () => {
      await signInWithPassword(page, baseUrl);
      const gate = page.getByTestId("required-protection");
      await gate.getByText("Your advisor's firm asks for a passkey at each sign-in.").waitFor();
      // The portal API itself refuses until then, naming what is missing.
      const refused = await page.request.get(`${baseUrl}/api/portal/me`);
      expect(refused.status()).toBe(403);
      expect((await refused.json()).error).toMatchObject({
        code: "second_factor_required",
        details: { required: ["passkey"] },
      });
      await expectNoHorizontalOverflow(page, "passkey required");
      await j.screenshot("passkey-required", page);
    });

    await step("she creates a passkey with her password, and the portal opens straight on", async () => {
      const gate = page.getByTestId("required-protection");
      await gate.getByLabel("Name of the passkey").fill("My phone");
      await gate.getByLabel("Your password", { exact: true }).fill(client.password);
      await gate.getByRole("button", { name: "Create passkey" }).click();
      await page.getByTestId("logout").waitFor();
      expect(authenticator ? await credentialsOn(authenticator) : []).toHaveLength(1);
    });

    await step("the account page lists the passkey by name", async () => {
      await page.goto(`${baseUrl}/account`);
      const section = page.getByRole("region", { name: "Passkeys" });
      await section.getByText("My phone", { exact: true }).waitFor();
      await page
        .getByTestId("second-factor-state")
        .filter({ hasText: "Each sign-in asks for one of your passkeys." })
        .waitFor();
      await expectNoHorizontalOverflow(page, "account page with a passkey");
      await j.screenshot("account-passkeys", page);
    });

    await step("signed out and in again: the password, then the passkey", async () => {
      await page.goto(`${baseUrl}/portal`);
      await signOutOfPortal(page);
      await signInWithPassword(page, baseUrl);
      const secondFactor = page.getByTestId("second-factor");
      await secondFactor.getByText("Confirm it is you with your passkey", { exact: false }).waitFor();
      // Only the passkey completes this sign-in: the account has no code method.
      expect(await secondFactor.getByLabel("Code", { exact: true }).count()).toBe(0);
      await j.screenshot("sign-in-passkey", page);
      await secondFactor.getByRole("button", { name: "Use my passkey" }).click();
      await page.getByTestId("logout").waitFor();
      const [credential] = authenticator ? await credentialsOn(authenticator) : [];
      expect(credential?.signCount ?? 0).toBeGreaterThan(0);
    });

    await step("removing the passkey (with her password) closes the portal until she adds one", async () => {
      await page.goto(`${baseUrl}/account`);
      const section = page.getByRole("region", { name: "Passkeys" });
      await section.getByRole("button", { name: "Remove" }).click();
      await section.getByLabel("Your password", { exact: true }).fill(client.password);
      await section.getByRole("button", { name: "Remove passkey" }).click();
      await section.getByText("The passkey is removed.").waitFor();
      await section.getByText("You have no passkey yet.").waitFor();
      await page.goto(`${baseUrl}/portal`);
      await page.getByTestId("required-protection").waitFor();
    });

    await step(
      "a new client registers from an invitation and adds her passkey in its last step",
      async () => {
        const grantee = await j.request.post(`${baseUrl}/api/grants/${grantId}/grantees`, {
          data: { email: newcomer.email, name: newcomer.name },
          headers: { "x-atrium-csrf": "1" },
        });
        expect(grantee.status(), await grantee.text()).toBe(201);
        const link = await j.request.post(
          `${baseUrl}/api/grants/${grantId}/grantees/${(await grantee.json()).id}/invitation-link`,
          { data: {}, headers: { "x-atrium-csrf": "1" } },
        );
        expect(link.status(), await link.text()).toBe(201);
        const opened = await j.openBrowser("en-US");
        const newPage = opened.page;
        await newPage.setViewportSize(phone);
        const hers = await addVirtualAuthenticator(opened.context, newPage);
        await newPage.goto((await link.json()).url);
        await newPage.getByRole("heading", { name: `Welcome, ${newcomer.name}`, level: 1 }).waitFor();
        await newPage.getByLabel("Choose a password", { exact: true }).fill(newcomer.password);
        await newPage.getByRole("button", { name: "Set up my access" }).click();
        await newPage.getByRole("heading", { name: "Confirm your mobile number", level: 1 }).waitFor();
        await newPage.getByLabel("Country", { exact: true }).selectOption("DE");
        await newPage.getByLabel("Your mobile number", { exact: true }).fill(newcomer.mobile);
        const since = new Date(Date.now() - 1_000);
        await newPage.getByRole("button", { name: "Send code" }).click();
        const sms = await waitForSmsCode(j, newcomer.e164, since);
        await newPage.getByLabel("Code from the text message", { exact: true }).fill(sms.code);
        await newPage.getByRole("button", { name: "Confirm", exact: true }).click();
        await newPage.getByRole("heading", { name: "Protect your sign-in", level: 1 }).waitFor();
        await newPage.getByText("asks for a passkey when you sign in", { exact: false }).waitFor();
        // The firm asks for a passkey: no SMS codes or app offered instead.
        expect(
          await newPage.getByRole("button", { name: "Send me a code by SMS at each sign-in" }).count(),
        ).toBe(0);
        await expectNoHorizontalOverflow(newPage, "registration's passkey step");
        await j.screenshot("registration-passkey", newPage);
        await newPage.getByRole("button", { name: "Create a passkey on this device" }).click();
        await newPage.waitForURL(new RegExp(`${baseUrl}/portal/?$`));
        await newPage.getByTestId("logout").waitFor();
        expect(await newPage.getByTestId("required-protection").count()).toBe(0);
        expect(await credentialsOn(hers)).toHaveLength(1);
      },
    );

    expect(j.consoleErrors.filter((e) => !e.includes("403"))).toEqual([]);
  });
});
