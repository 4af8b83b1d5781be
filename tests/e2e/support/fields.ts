import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** The text of a field's error, found through its aria-describedby (the id ending in "-error"). */
export async function fieldErrorOf(page: Page, field: Locator): Promise<string> {
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error")) ?? "";
  expect(errorId, "the field names an error with aria-describedby").not.toBe("");
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? "";
}
