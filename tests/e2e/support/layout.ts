import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** The screens a back-office page must work on. */
export const screens = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "tablet", width: 768, height: 1024 },
] as const;

/** A small phone: the width the client portal must work at without scrolling sideways. */
export const phone = { name: "phone", width: 375, height: 812 } as const;

/** Fails when the page scrolls sideways: the document is wider than the window. */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(
    scrollWidth,
    `${where}: document is ${scrollWidth}px wide in a ${innerWidth}px window`,
  ).toBeLessThanOrEqual(innerWidth + 1);
}

/** Fails unless each locator is visible and lies inside the window's width (reachable without scrolling sideways). */
export async function expectVisibleInWindow(page: Page, where: string, locators: Locator[]): Promise<void> {
  const width = await page.evaluate(() => window.innerWidth);
  for (const locator of locators) {
    await locator.waitFor({ state: "visible" });
    const box = await locator.boundingBox();
    expect(box, `${where}: ${locator} has no box`).not.toBeNull();
    if (!box) continue;
    expect(box.x, `${where}: ${locator} starts left of the window`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${where}: ${locator} ends right of the window`).toBeLessThanOrEqual(width + 1);
  }
}
