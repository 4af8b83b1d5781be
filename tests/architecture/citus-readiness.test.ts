import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findShardingProblems } from "../support/sharding-catalog.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

describe("the schema is ready to shard by firm (ARCHITECTURE.md, scaling past one machine)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("every firm table's primary key and every foreign key between firm tables lead with firm_id", async () => {
    expect(await findShardingProblems(t.databaseUrl)).toEqual([]);
  });

  it("the check notices a firm table keyed without firm_id and a foreign key that skips it", async () => {
    const owner = t.deps.database.owner;
    await owner.query("create table shard_probe (id uuid primary key, firm_id uuid not null, file_id uuid)");
    await owner.query(
      "create table shard_probe_child (firm_id uuid not null, id uuid, parent uuid references shard_probe (id), primary key (firm_id, id))",
    );
    try {
      const problems = await findShardingProblems(t.databaseUrl);
      expect(problems).toContain("shard_probe: primary key leads with id");
      expect(problems).toContainEqual(
        expect.stringMatching(/^shard_probe_child\..*does not lead with firm_id$/),
      );
    } finally {
      await owner.query("drop table shard_probe_child; drop table shard_probe");
    }
  });
});
