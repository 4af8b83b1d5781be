import { describe, expect, it } from "vitest";
import type { StaffRole } from "../../../contracts/common.js";
import { type FileAction, type FileStanding, type StaffActor, staffCanOnFile } from "./staff.policy.js";

function actor(id: string, role: StaffRole): StaffActor {
  return {
    user: { id, name: id, email: `${id}@example.test`, language: "en" },
    staff: { firmId: "firm", firmName: "Firm", firmLanguage: "de", role },
  };
}

const file: FileStanding = { caseOwnerId: "owner", teamUserIds: ["teammate", "team-assistant"] };
const actions: FileAction[] = [
  "client_file.read",
  "client_file.edit",
  "client_file.delete",
  "client_file.reassign",
];

// Expected answers per standing, in the order of `actions`.
const table: Array<[string, StaffActor, boolean[]]> = [
  ["an admin on no team", actor("someone", "admin"), [true, true, true, true]],
  ["the case owner (advisor)", actor("owner", "advisor"), [true, true, true, true]],
  ["an advisor on the team", actor("teammate", "advisor"), [true, true, false, false]],
  ["an assistant on the team", actor("team-assistant", "assistant"), [true, true, false, false]],
  ["an advisor not on the file", actor("other", "advisor"), [false, false, false, false]],
  ["an assistant not on the file", actor("other", "assistant"), [false, false, false, false]],
];

describe("staffCanOnFile (FIRM-2 file rules)", () => {
  for (const [who, subject, expected] of table) {
    it.each(actions.map((action, i) => [action, expected[i]] as const))(
      `${who}: %s → %s`,
      (action, allowed) => {
        expect(staffCanOnFile(subject, action, file)).toBe(allowed);
      },
    );
  }

  it("a case owner who is an assistant keeps the owner's rights (ownership, not role, decides)", () => {
    const owner = actor("owner", "assistant");
    expect(actions.map((a) => staffCanOnFile(owner, a, file))).toEqual([true, true, true, true]);
  });

  it("a file without a team is reached only by its case owner and admins", () => {
    const lonely: FileStanding = { caseOwnerId: "owner", teamUserIds: [] };
    expect(staffCanOnFile(actor("teammate", "advisor"), "client_file.read", lonely)).toBe(false);
    expect(staffCanOnFile(actor("owner", "advisor"), "client_file.read", lonely)).toBe(true);
    expect(staffCanOnFile(actor("x", "admin"), "client_file.read", lonely)).toBe(true);
  });

  it("whatever the standing, anyone who may delete or reassign may also read and edit", () => {
    for (const [, subject] of table) {
      const can = (a: FileAction) => staffCanOnFile(subject, a, file);
      if (can("client_file.delete") || can("client_file.reassign")) {
        expect(can("client_file.read")).toBe(true);
        expect(can("client_file.edit")).toBe(true);
      }
      if (can("client_file.edit")) expect(can("client_file.read")).toBe(true);
    }
  });
});
