import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientFilePage, ClientFileSelection } from "../../../contracts/clients.js";
import { createFirm } from "../../../tests/support/factories.js";
import { insertClientFile, signedInStaff } from "../../../tests/support/factories-clients.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";

interface ErrorBody {
  error: { code: string; details?: { fields?: Array<{ field: string }> } };
}
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

describe("the client list", () => {
  let t: TestApp;
  let firmId: string;
  let admin: Staff;
  let advisor: Staff;
  let otherAdvisor: Staff;
  let foreign: Staff;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    ({ firmId } = await createFirm(t.deps));
    admin = await signedInStaff(t, firmId, "admin");
    advisor = await signedInStaff(t, firmId, "advisor");
    otherAdvisor = await signedInStaff(t, firmId, "advisor");
    const other = await createFirm(t.deps);
    foreign = await signedInStaff(t, other.firmId, "admin");
    await insertClientFile(t.deps, other.firmId, {
      caseOwnerId: foreign.userId,
      displayName: "Muster, Fremd",
      persons: [{ firstName: "Fremd", lastName: "Muster", email: "klara@example.de" }],
    });

    const base = new Date("2024-01-01T00:00:00Z").getTime();
    const add = async (key: string, input: Parameters<typeof insertClientFile>[2]) => {
      const { id } = await insertClientFile(t.deps, firmId, input);
      names[id] = key;
      return id;
    };
    await add("klara", {
      caseOwnerId: advisor.userId,
      displayName: "Muster, Klara",
      number: "K-000001",
      persons: [{ firstName: "Klara", lastName: "Muster", email: "klara@example.de" }],
      updatedAt: new Date(base + 1000),
    });
    await add("firma", {
      caseOwnerId: advisor.userId,
      kind: "business",
      displayName: "Musterfirma GmbH",
      number: "K-000002",
      externalId: "CRM-4711",
      updatedAt: new Date(base + 2000),
    });
    await add("percent", {
      caseOwnerId: otherAdvisor.userId,
      displayName: "100% Sicher AG",
      kind: "business",
      number: "K-000003",
      updatedAt: new Date(base + 3000),
    });
    await add("team", {
      caseOwnerId: otherAdvisor.userId,
      displayName: "Zander, Paul",
      number: "K-000004",
      teamUserIds: [advisor.userId],
      persons: [{ firstName: "Paul", lastName: "Zander", email: "paul@zander.example" }],
      updatedAt: new Date(base + 4000),
    });
    // Twelve files with the same name: pages must neither skip nor repeat any of them.
    for (let i = 0; i < 12; i++)
      await add(`same${i}`, {
        caseOwnerId: otherAdvisor.userId,
        displayName: "Schmidt, Anna",
        number: `S-${String(i).padStart(3, "0")}`,
        updatedAt: new Date(base + 10_000),
      });
    // Half of them microseconds apart, half at the same instant: the cursor must be exact for both.
    await inFirm(t.deps.database, firmId, (tx) =>
      tx.client.query(
        `update client_files set updated_at = updated_at + make_interval(secs => substring(number from 3)::int / 1000000.0)
          where display_name = 'Schmidt, Anna' and number < 'S-006'`,
      ),
    );
  });
  afterAll(() => t?.close());

  const list = (who: Staff, query: string) => who.client.get<ClientFilePage>(`/api/client-files?${query}`);
  const keys = (page: ClientFilePage) => page.items.map((i) => names[i.id]);

  /** Follows every cursor to the end and returns all keys in order. */
  async function walk(who: Staff, query: string) {
    const all: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof list>> = await list(
        who,
        `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(res.status).toBe(200);
      all.push(...keys(res.body).map(String));
      expect(res.body.hasMore).toBe(res.body.nextCursor !== null);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    return { all, pages };
  }

  it("sorts by name for an admin, with every file of the firm and none of another firm", async () => {
    const res = await list(admin, "limit=100");
    expect(res.status).toBe(200);
    expect(res.body.hasMore).toBe(false);
    expect(res.body.nextCursor).toBeNull();
    const got = keys(res.body);
    expect(got).toHaveLength(16);
    expect(got.slice(0, 1)).toEqual(["percent"]);
    expect(got.at(-1)).toBe("team");
    expect(res.body.items[0]).toMatchObject({
      kind: "business",
      number: "K-000003",
      caseOwner: { userId: otherAdvisor.userId },
    });
  });

  it("keyset pages through equal names without skipping or repeating, in both directions", async () => {
    for (const dir of ["asc", "desc"]) {
      const { all, pages } = await walk(admin, `limit=5&sort=name&dir=${dir}`);
      expect(pages).toBe(4);
      expect(all).toHaveLength(16);
      expect(new Set(all).size).toBe(16);
    }
  });

  it("sorts by number and by last change, and pages by them exactly", async () => {
    const byNumber = await walk(admin, "limit=3&sort=number&dir=desc");
    expect(byNumber.all.slice(0, 3)).toEqual(["same11", "same10", "same9"]);
    expect(new Set(byNumber.all).size).toBe(16);
    const byUpdated = await walk(admin, "limit=4&sort=updated&dir=asc");
    expect(byUpdated.all.slice(0, 4)).toEqual(["klara", "firma", "percent", "team"]);
    expect(new Set(byUpdated.all).size).toBe(16);
  });

  it("searches names, emails, numbers and external ids of files and their persons", async () => {
    expect(keys((await list(admin, "q=klara%40example")).body)).toEqual(["klara"]);
    expect(keys((await list(admin, "q=ZANDER")).body)).toEqual(["team"]);
    expect(keys((await list(admin, "q=crm-4711")).body)).toEqual(["firma"]);
    expect(keys((await list(admin, "q=muster")).body)).toEqual(["klara", "firma"]);
    expect(keys((await list(admin, "q=000003")).body)).toEqual(["percent"]);
  });

  it("matches short searches at the start of the name or number", async () => {
    expect(keys((await list(admin, "q=mu")).body)).toEqual(["klara", "firma"]);
    expect(keys((await list(admin, "q=k-")).body)).toHaveLength(4);
    expect(keys((await list(admin, "q=z")).body)).toEqual(["team"]);
  });

  it("treats % and _ in a search as letters", async () => {
    expect(keys((await list(admin, "q=100%25")).body)).toEqual(["percent"]);
    expect(keys((await list(admin, "q=%25%25%25")).body)).toEqual([]);
    expect(keys((await list(admin, "q=___")).body)).toEqual([]);
  });

  it("filters by kind and case owner, combined with a search", async () => {
    expect(keys((await list(admin, "kind=business")).body)).toEqual(["percent", "firma"]);
    expect(keys((await list(admin, `caseOwnerId=${advisor.userId}`)).body)).toEqual(["klara", "firma"]);
    expect(keys((await list(admin, `q=muster&kind=private`)).body)).toEqual(["klara"]);
  });

  it("shows an advisor only files they own or are on the team of", async () => {
    expect(keys((await list(advisor, "")).body).sort()).toEqual(["firma", "klara", "team"]);
    const { all } = await walk(otherAdvisor, "limit=5");
    expect(all).toHaveLength(14);
    expect(all).not.toContain("klara");
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["sort=size", "sort"],
    ["kind=family", "kind"],
    ["cursor=garbage", "cursor"],
  ])("refuses %s naming %s", async (query, field) => {
    const res = await list(admin, query);
    expect(res.status).toBe(400);
    expect((res.body as unknown as ErrorBody).error.details?.fields?.map((f) => f.field)).toEqual([field]);
  });

  it("refuses a cursor of another sort, naming cursor", async () => {
    const first = await list(admin, "limit=2&sort=name");
    const res = await list(admin, `limit=2&sort=number&cursor=${first.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect((res.body as unknown as ErrorBody).error.details?.fields?.map((f) => f.field)).toEqual(["cursor"]);
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/client-files" });
    expect(res.statusCode).toBe(401);
  });

  it("POST select returns every matching id the actor may see", async () => {
    const all = await admin.client.post<ClientFileSelection>("/api/client-files/select", {});
    expect(all.status).toBe(200);
    expect(all.body.ids).toHaveLength(16);
    expect(all.body.truncated).toBe(false);
    const some = await advisor.client.post<ClientFileSelection>("/api/client-files/select", { q: "muster" });
    expect(some.body.ids.map((id) => names[id])).toEqual(["klara", "firma"]);
    const business = await otherAdvisor.client.post<ClientFileSelection>("/api/client-files/select", {
      kind: "business",
    });
    expect(business.body.ids.map((id) => names[id])).toEqual(["percent"]);
    const bad = await admin.client.post("/api/client-files/select", { kind: "family" });
    expect(bad.status).toBe(400);
  });

  it("SEC-11 the list and the selection never reach another firm's files", async () => {
    const page = await list(foreign, "q=muster");
    expect(page.body.items.map((i) => i.displayName)).toEqual(["Muster, Fremd"]);
    const selection = await foreign.client.post<ClientFileSelection>("/api/client-files/select", {});
    expect(selection.body.ids).toHaveLength(1);
    expect(selection.body.ids.some((id) => id in names)).toBe(false);
  });
});
