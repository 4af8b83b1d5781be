import { describe, expect, it } from "vitest";
import type { PortalContract } from "../../../contracts/portal.js";
import { fromCents, toCents, totalsByCurrency } from "./portal.presenter.js";
import { currentCover } from "./portal-overview.service.js";

function contract(over: Partial<PortalContract>): PortalContract {
  return {
    id: "c",
    number: null,
    insurer: "Allianz",
    productName: null,
    risk: null,
    lineOfBusiness: null,
    status: "own",
    category: "own",
    offerDate: null,
    applicationDate: null,
    documentDate: null,
    startDate: null,
    endDate: null,
    premium: null,
    premiumFrequency: null,
    currency: "EUR",
    editable: false,
    ...over,
  };
}

describe("the private view's current cover (PORTAL-3)", () => {
  const today = "2026-03-02";

  it("keeps contracts in force today, grouped by risk, with exact yearly premiums per currency", () => {
    const cover = currentCover(
      [
        contract({ risk: "Home", premium: "10.10", premiumFrequency: "monthly" }),
        contract({ risk: "Home", premium: "33.33", premiumFrequency: "quarterly", status: "foreign" }),
        contract({ risk: "Home", premium: "100.00", premiumFrequency: "yearly", currency: "CHF" }),
        contract({ risk: "Home", premium: "999.00", premiumFrequency: "once" }),
        contract({ risk: "Car", premium: "50.00" }),
        contract({ risk: "Ended", endDate: "2026-03-01" }),
        contract({ risk: "Not yet", startDate: "2026-03-03" }),
        contract({ risk: "Offer", status: "offer" }),
        contract({ risk: "Cancelled", status: "cancelled" }),
      ],
      false,
      today,
    );
    expect(cover).toEqual([
      { label: "Car", contracts: 1, annualPremiums: [{ currency: "EUR", value: "50.00" }] },
      {
        label: "Home",
        contracts: 4,
        annualPremiums: [
          { currency: "CHF", value: "100.00" },
          { currency: "EUR", value: "254.52" },
        ],
      },
    ]);
  });

  it("labels by product name when the grant says so, falling back to risk, line and insurer", () => {
    const line = { id: "l", code: "HRV", name: "Household contents" };
    const labels = (showProductName: boolean) =>
      currentCover(
        [
          contract({ risk: "Home", productName: "Komfort" }),
          contract({ risk: "Liability" }),
          contract({ lineOfBusiness: line }),
          contract({ insurer: "HUK" }),
        ],
        showProductName,
        today,
      ).map((g) => g.label);
    expect(labels(true)).toEqual(["Household contents", "HUK", "Komfort", "Liability"]);
    expect(labels(false)).toEqual(["Home", "Household contents", "HUK", "Liability"]);
  });

  it("sums money in exact cents", () => {
    expect(toCents("1250.5")).toBe(125050n);
    expect(fromCents(toCents("0.10") + toCents("0.20"))).toBe("0.30");
    expect(fromCents(-5n)).toBe("-0.05");
    expect(
      totalsByCurrency([
        { currency: "EUR", cents: 1n },
        { currency: "EUR", cents: 2n },
      ]),
    ).toEqual([{ currency: "EUR", value: "0.03" }]);
  });
});
