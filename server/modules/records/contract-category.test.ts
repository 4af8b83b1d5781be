import { describe, expect, it } from "vitest";
import { contractStatuses } from "../../../contracts/records.js";
import { type CategoryInput, contractCategory } from "./contract-category.js";

const none = { offerDate: null, applicationDate: null, documentDate: null };
const day = "2025-06-01";

describe("contractCategory (the seed-004 rules)", () => {
  it.each([
    ["request", none, "request"],
    ["offer", none, "offer"],
    ["foreign", none, "foreign"],
    ["partly_foreign", none, "partly_foreign"],
    ["locked", none, "locked"],
    ["info", none, "info"],
    ["dormant", none, "dormant"],
    ["cancelled", none, "cancelled"],
    ["own", none, "own"],
    ["own", { ...none, applicationDate: day }, "application"],
    ["own", { ...none, documentDate: day }, "policy"],
    ["own", { ...none, applicationDate: day, documentDate: day }, "policy"],
    ["own", { ...none, offerDate: day }, "own"],
    ["offer", { ...none, offerDate: day }, "own"],
    ["offer", { ...none, applicationDate: day, documentDate: day }, "offer"],
  ] as const)("%s with %o is %s", (status, dates, expected) => {
    expect(contractCategory({ status, ...dates } as CategoryInput)).toBe(expected);
  });

  it("keeps every status other than own and offer as its category, whatever the dates", () => {
    const all = { offerDate: day, applicationDate: day, documentDate: day };
    for (const status of contractStatuses.filter((s) => s !== "own" && s !== "offer")) {
      expect(contractCategory({ status, ...all })).toBe(status);
      expect(contractCategory({ status, ...none })).toBe(status);
    }
  });
});
