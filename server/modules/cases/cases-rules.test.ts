import { describe, expect, it } from "vitest";
import {
  type CaseGrantFacts,
  type CaseStanding,
  chooseAssignee,
  creatableKinds,
  mayReplyToCase,
  mayReportClaimWithoutContract,
  requireCreating,
  seesAllCasesOfFile,
  viewerSeesCase,
} from "../access/cases.js";

// The pure case rules of access/cases.ts: assignment (CASE-1), features and the primary-contact rule.

const active = new Set(["handler", "owner", "other"]);

function grant(overrides: Partial<CaseGrantFacts> = {}): CaseGrantFacts {
  return {
    grantId: "g1",
    granteeId: "ge1",
    personId: "p1",
    role: "holder",
    access: "read_write",
    features: ["messages"],
    caseHandlerId: null,
    isPrimaryContact: false,
    casesPrimaryContactsOnly: false,
    isOperationalContact: false,
    isEmployee: false,
    ...overrides,
  };
}

function standing(grants: CaseGrantFacts[], overrides: Partial<CaseStanding> = {}): CaseStanding {
  return {
    fileId: "f1",
    fileKind: "private",
    caseOwnerId: "owner",
    preview: false,
    accountId: "acc1",
    grants,
    ...overrides,
  };
}

describe("chooseAssignee (CASE-1)", () => {
  it("takes the grant's case handler when active", () => {
    expect(
      chooseAssignee({ caseHandlerIds: ["handler"], caseOwnerId: "owner", activeStaff: active }),
    ).toEqual({
      assigneeUserId: "handler",
      reason: "case_handler",
    });
  });

  it("skips a handler who left and takes the next grant's active handler", () => {
    expect(
      chooseAssignee({ caseHandlerIds: ["gone", null, "other"], caseOwnerId: "owner", activeStaff: active }),
    ).toEqual({ assigneeUserId: "other", reason: "case_handler" });
  });

  it("falls back to the file's case owner without an active handler", () => {
    expect(
      chooseAssignee({ caseHandlerIds: [null, "gone"], caseOwnerId: "owner", activeStaff: active }),
    ).toEqual({
      assigneeUserId: "owner",
      reason: "case_owner",
    });
  });

  it("leaves it to the admins when neither is active", () => {
    expect(chooseAssignee({ caseHandlerIds: ["gone"], caseOwnerId: "left", activeStaff: active })).toEqual({
      assigneeUserId: null,
      reason: "admins",
    });
  });
});

describe("case features and the primary-contact rule", () => {
  it("offers the kinds of the enabled features to read_write grantees; `read` writes nothing (SEC-13)", () => {
    const s = standing([grant({ features: ["messages", "client_uploads", "document_confirmations"] })]);
    expect(creatableKinds(s)).toEqual(["message", "upload"]);
    const read = standing([grant({ access: "read" })]);
    expect(creatableKinds(read)).toEqual([]);
    expect(() => requireCreating(read, "message")).toThrow(
      expect.objectContaining({ messageKey: "access.read_only" }),
    );
    expect(mayReplyToCase(read, { createdByAccountId: "acc1", createdByPersonId: null })).toBe(false);
  });

  it("a grant for primary contacts only offers nothing to others, and says why", () => {
    const s = standing([grant({ casesPrimaryContactsOnly: true })]);
    expect(creatableKinds(s)).toEqual([]);
    expect(() => requireCreating(s, "message")).toThrow(
      expect.objectContaining({ code: "forbidden", messageKey: "cases.primary_contact_only" }),
    );
    const primary = standing([grant({ casesPrimaryContactsOnly: true, isPrimaryContact: true })]);
    expect(creatableKinds(primary)).toEqual(["message"]);
  });

  it("a feature that is off is a 403 naming it; a preview never creates", () => {
    expect(() => requireCreating(standing([grant()]), "quote_request")).toThrow(
      expect.objectContaining({ messageKey: "cases.feature_off" }),
    );
    expect(() => requireCreating(standing([grant()], { preview: true }), "message")).toThrow(
      expect.objectContaining({ messageKey: "access.preview_read_only" }),
    );
  });

  it("a claim without contract needs both features on a grant the viewer may use", () => {
    expect(mayReportClaimWithoutContract(standing([grant({ features: ["claim_reporting"] })]))).toBe(false);
    const both = grant({ features: ["claim_reporting", "claim_reporting_without_contract"] });
    expect(mayReportClaimWithoutContract(standing([both]))).toBe(true);
    expect(mayReportClaimWithoutContract(standing([{ ...both, casesPrimaryContactsOnly: true }]))).toBe(
      false,
    );
  });
});

describe("who sees and answers a case", () => {
  const byOther = { createdByAccountId: "acc2", createdByPersonId: "p2" };
  const byMe = { createdByAccountId: "acc1", createdByPersonId: null };

  it("household holders and partners see every case; external advisors and employees only theirs", () => {
    expect(seesAllCasesOfFile(standing([grant({ role: "partner" })]))).toBe(true);
    expect(seesAllCasesOfFile(standing([grant({ role: "external_advisor" })]))).toBe(false);
    const business = standing([grant({ role: "contact" })], { fileKind: "business" });
    expect(seesAllCasesOfFile(business)).toBe(false);
    expect(seesAllCasesOfFile(standing([grant({ role: "contact", isOperationalContact: true })]))).toBe(true);
    expect(
      seesAllCasesOfFile(
        standing([grant({ role: "contact", isOperationalContact: true, isEmployee: true })]),
      ),
    ).toBe(false);
    expect(viewerSeesCase(standing([grant({ role: "external_advisor" })]), byOther)).toBe(false);
    expect(viewerSeesCase(standing([grant({ role: "external_advisor" })]), byMe)).toBe(true);
  });

  it("the one who opened a case may always answer; others need a case feature; a preview never", () => {
    const noFeatures = standing([grant({ features: [] })]);
    expect(mayReplyToCase(noFeatures, byMe)).toBe(true);
    expect(mayReplyToCase(noFeatures, byOther)).toBe(false);
    expect(mayReplyToCase(standing([grant()]), byOther)).toBe(true);
    expect(mayReplyToCase(standing([grant()], { preview: true }), byMe)).toBe(false);
  });

  it("a confirmation case is the firm's own: no one sees or answers it in the portal, not even the person asked", () => {
    const holder = standing([grant()]);
    expect(viewerSeesCase(holder, { ...byMe, kind: "confirmation" })).toBe(false);
    expect(viewerSeesCase(holder, { ...byOther, kind: "confirmation" })).toBe(false);
    expect(mayReplyToCase(holder, { ...byMe, kind: "confirmation" })).toBe(false);
    expect(viewerSeesCase(holder, { ...byMe, kind: "message" })).toBe(true);
    expect(creatableKinds(standing([grant({ features: ["messages", "document_confirmations"] })]))).toEqual([
      "message",
    ]);
  });
});
