import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpFirm, useJourney } from "./support/journey";
import { expectNoHorizontalOverflow } from "./support/layout";
import { minimalPdf } from "./support/pdf";
import { linkPortalAccount, type PortalLogin } from "./support/portal-accounts";
import { portalFileUrl, signInToPortal } from "./support/portal-pages";
import { setSecondFactorPolicy } from "./support/second-factor";

// PORTAL-11 and PORTAL-4 on the phone of issue 6: the portal is installable (manifest and icons
// served and linked), fits a 390 px screen, and its document mailbox shows what is new until the
// client opens it or marks it read.

const firm = {
  firmName: "Harbour Advisory",
  language: "en",
  adminName: "Hanna Harbour",
  adminEmail: "hanna@harbour.example",
  password: "lanterns along the quay at dusk 4",
};
const client: PortalLogin = {
  name: "Jonas Berg",
  email: "jonas@berg.example",
  password: "a blue boat under the old bridge",
};
const phoneSize = { width: 390, height: 844 };
const titles = { statement: "Annual statement 2025", policy: "Home insurance policy" };

/** Fails when a control the viewer taps in `scope` is lower than 44 px (WCAG 2.5.5's target size). */
async function expectTapTargets(page: Page, scope: string, where: string) {
  const small = await page.evaluate((selector) => {
    const out: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(`${selector} a, ${selector} button`)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown (e.g. the phone hides the nav)
      if (box.height < 43.5) out.push(`${element.textContent?.trim()} (${Math.round(box.height)} px)`);
    }
    return out;
  }, scope);
  expect(small, `${where}: controls below 44 px`).toEqual([]);
}

describe("the portal shell on a phone: installable, no sideways scrolling, a mailbox with new documents", () => {
  const journey = useJourney({ locale: "en-US", name: "e2e-portal-shell" });

  it("serves and links the manifest, fits 390 px, and a document's badge goes once it is opened", async () => {
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
    let firmId = "";
    let fileId = "";

    await step(
      "set up the firm, Jonas's file with assets and two shared documents, and his grant",
      async () => {
        await setUpFirm(j, firm);
        await setSecondFactorPolicy(j, "none");
        const me = await api<{ firm: { id: string } }>("GET", "/api/me");
        firmId = me.firm.id;
        const file = await api<{ id: string }>(
          "POST",
          "/api/client-files",
          {
            kind: "private",
            holder: { firstName: "Jonas", lastName: "Berg", email: client.email, language: "en" },
          },
          201,
        );
        fileId = file.id;
        for (const asset of [
          { kind: "real_estate", description: "Flat in Hamburg", value: "420000.00" },
          { kind: "bank_account", description: "Savings", value: "38000.00" },
          { kind: "securities", description: "Index fund", value: "52000.00" },
        ])
          await api("POST", `/api/client-files/${fileId}/assets`, asset, 201);
        const categories = await api<Array<{ id: string; name: string }>>(
          "GET",
          "/api/firm/document-categories",
        );
        const categoryId = categories.find((c) => c.name === "Policy")?.id ?? "";
        for (const title of [titles.policy, titles.statement]) {
          const res = await request.post(`${baseUrl}/api/client-files/${fileId}/documents`, {
            headers: { "x-atrium-csrf": "1" },
            multipart: {
              file: { name: `${title}.pdf`, mimeType: "application/pdf", buffer: minimalPdf(title) },
              title,
              categoryId,
              sharedToPortal: "true",
            },
          });
          expect(res.status(), await res.text()).toBe(201);
        }
        const grant = await api<{ id: string }>(
          "POST",
          "/api/grants",
          { name: "Jonas", fileIds: [fileId] },
          201,
        );
        const persons = await api<{ items: Array<{ id: string; email: string | null }> }>(
          "GET",
          `/api/client-files/${fileId}/persons`,
        );
        const holder = persons.items.find((p) => p.email === client.email);
        const grantee = await api<{ id: string }>(
          "POST",
          `/api/grants/${grant.id}/grantees`,
          { personId: holder?.id, access: "read" },
          201,
        );
        await linkPortalAccount(j.databaseUrl, { firmId, granteeId: grantee.id, login: client });
      },
    );

    const phone = await j.openBrowser("en-US");
    const page = phone.page;
    await page.setViewportSize(phoneSize);

    await step("the portal links its manifest and Apple icon; both and every icon are served", async () => {
      await page.goto(`${baseUrl}/portal`);
      const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
      expect(manifestHref).toBe("/manifest.webmanifest");
      const res = await request.get(`${baseUrl}${manifestHref}`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
      const manifest = (await res.json()) as {
        name: string;
        short_name: string;
        start_url: string;
        display: string;
        theme_color: string;
        background_color: string;
        icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
      };
      expect(manifest).toMatchObject({ name: "Atrium", short_name: "Atrium", start_url: "/portal" });
      expect(manifest.display).toBe("standalone");
      expect(manifest.theme_color).toMatch(/^#/);
      expect(manifest.background_color).toMatch(/^#/);
      const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
      expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
        "192x192 any",
        "192x192 maskable",
        "512x512 any",
        "512x512 maskable",
      ]);
      const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
      for (const src of [...pngs.map((icon) => icon.src), apple ?? ""]) {
        const icon = await request.get(`${baseUrl}${src}`);
        expect(icon.status(), src).toBe(200);
        expect(icon.headers()["content-type"], src).toBe("image/png");
        // A PNG signature, not the app's HTML shell.
        expect((await icon.body()).subarray(1, 4).toString("latin1"), src).toBe("PNG");
      }
      expect(await page.locator('meta[name="theme-color"]').getAttribute("content")).toMatch(/^#/);
    });

    await step(
      "on the phone: the overview shows two new documents, the allocation and no sideways scroll",
      async () => {
        await signInToPortal(page, baseUrl, client);
        await page.goto(portalFileUrl(baseUrl, firmId, fileId));
        await page.getByRole("heading", { name: "Berg, Jonas", level: 1 }).waitFor();
        // The skip link is the first thing to tab to, shows when focused and leads to the content.
        expect(
          await page.evaluate(() => document.querySelector("a, button, select, input")?.textContent),
        ).toBe("Skip to main content");
        const skip = page.getByRole("link", { name: "Skip to main content" });
        await skip.focus();
        expect((await skip.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(24);
        await page.keyboard.press("Enter");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
        const news = page.getByTestId("news");
        await news.getByRole("heading", { name: "What is new" }).waitFor();
        await news.getByRole("link", { name: "2 new documents" }).waitFor();
        await news.getByText(titles.statement).waitFor();
        await page.getByRole("img", { name: /^Asset allocation: Real estate 82/ }).waitFor();
        await page.getByRole("table", { name: "Assets by kind" }).waitFor();
        await page.getByRole("region", { name: "What you can look at" }).getByText("2 new").waitFor();
        await expectNoHorizontalOverflow(page, "overview on a phone");
        await expectTapTargets(page, "main", "overview on a phone");
        await j.screenshot("phone-overview", page);
      },
    );

    await step("the documents: both new; opening one takes its badge away, for good", async () => {
      await page
        .getByRole("region", { name: "What you can look at" })
        .getByRole("link", { name: /^Documents/ })
        .click();
      await page.getByRole("heading", { name: "Documents", level: 1 }).waitFor();
      const badges = page.getByTestId("document-unread-badge");
      await expect.poll(() => badges.count()).toBe(2);
      await expectNoHorizontalOverflow(page, "documents on a phone");
      await expectTapTargets(page, "main", "documents on a phone");
      await j.screenshot("phone-documents", page);

      const card = page.getByRole("listitem").filter({ hasText: titles.statement });
      const popup = page.waitForEvent("popup");
      await card.getByRole("link", { name: `Open ${titles.statement} (opens in a new tab)` }).click();
      await (await popup).close();
      await expect.poll(() => card.getByTestId("document-unread-badge").count()).toBe(0);
      await expect.poll(() => badges.count()).toBe(1);
      // The server keeps it: after a reload only the other one is new.
      await page.reload();
      await page.getByRole("heading", { name: "Documents", level: 1 }).waitFor();
      await expect.poll(() => badges.count()).toBe(1);
      await expect.poll(() => card.getByTestId("document-unread-badge").count()).toBe(0);
      // A wider screen shows the sections' navigation, with the count of new documents beside its entry.
      await page.setViewportSize({ width: 1280, height: 800 });
      const nav = page.getByRole("navigation", { name: "Sections of this file" });
      await nav.getByRole("link", { name: "Documents 1 new" }).waitFor();
      await page.setViewportSize(phoneSize);
    });

    await step("“New only”, then “Mark as read” without opening: nothing is new any more", async () => {
      await page.getByRole("button", { name: "New only (1)" }).click();
      const policy = page.getByRole("listitem").filter({ hasText: titles.policy });
      await policy.getByRole("button", { name: `Mark ${titles.policy} as read` }).click();
      await expect.poll(() => page.getByTestId("document-unread-badge").count()).toBe(0);
      await page.getByRole("button", { name: "New only (0)" }).waitFor();
      await page.getByRole("link", { name: "← Back to the overview" }).click();
      const news = page.getByTestId("news");
      await news.getByRole("heading", { name: "What is new" }).waitFor();
      await expect.poll(() => news.getByRole("link", { name: /new document/ }).count()).toBe(0);
      await expectNoHorizontalOverflow(page, "overview after reading on a phone");
    });

    await step("every section of the file fits the phone without scrolling sideways", async () => {
      const sections: Array<[string, string]> = [
        ["contracts", "Contracts"],
        ["assets", "Assets"],
        ["persons", "People"],
        ["documents", "Documents"],
      ];
      for (const [section, heading] of sections) {
        await page.goto(portalFileUrl(baseUrl, firmId, fileId, section));
        await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
        await expectNoHorizontalOverflow(page, `${heading} on a phone`);
      }
    });

    expect(consoleErrors).toEqual([]);
  });
});
