import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createFirm } from "../../../tests/support/factories.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inScope } from "../db/scope.js";
import { defineJob, JobQueue } from "./queue.js";

describe("jobs enqueued in the transaction of their cause", () => {
  let t: TestApp;
  const ran: string[] = [];
  const probe = defineJob({
    name: "test.probe",
    payload: z.object({ label: z.string() }),
    retryLimit: 0,
    retryDelay: 1,
    retryBackoff: false,
    handler: async ({ label }) => {
      ran.push(label);
    },
  });
  beforeAll(async () => {
    t = await startTestApp();
    await t.deps.queue.register([probe]);
  });
  afterAll(() => t?.close());

  it("runs a job whose transaction committed, and never one whose transaction rolled back", async () => {
    const { firmId } = await createFirm(t.deps);
    await inScope(t.deps.database, { firmId }, (tx) =>
      t.deps.queue.enqueue(tx, probe, { label: "committed" }),
    );
    await expect(
      inScope(t.deps.database, { firmId }, async (tx) => {
        await t.deps.queue.enqueue(tx, probe, { label: "rolled-back" });
        throw new Error("the change failed after enqueueing");
      }),
    ).rejects.toThrow("the change failed");

    await expect.poll(() => ran.includes("committed"), { timeout: 15_000 }).toBe(true);
    // Give the rolled-back job several polling rounds to (wrongly) show up.
    await sleep(2_000);
    expect(ran).toEqual(["committed"]);
    const { rows } = await t.deps.database.owner.query(
      "select data->>'label' as label from pgboss.job where name = 'test.probe' order by created_on",
    );
    expect(rows.map((r) => r.label)).toEqual(["committed"]);
  });

  it("rejects a payload that does not match the job's schema where it is made", async () => {
    const { firmId } = await createFirm(t.deps);
    await expect(
      inScope(t.deps.database, { firmId }, (tx) => t.deps.queue.enqueue(tx, probe, { label: 42 } as never)),
    ).rejects.toThrow();
  });

  it("a web-only process enqueues but does not work; a worker picks the job up", async () => {
    const webOnly = new JobQueue(t.databaseUrl, { work: false });
    await webOnly.start();
    const seen: string[] = [];
    const job = defineJob({
      ...probe,
      name: "test.split",
      handler: async ({ label }) => void seen.push(label),
    });
    await webOnly.register([job]);
    const { firmId } = await createFirm(t.deps);
    await inScope(t.deps.database, { firmId }, (tx) => webOnly.enqueue(tx, job, { label: "split" }));
    await sleep(1_500);
    expect(seen).toEqual([]);

    const worker = new JobQueue(t.databaseUrl, { work: true, pollingIntervalSeconds: 0.5 });
    await worker.start();
    await worker.register([job]);
    await expect.poll(() => seen, { timeout: 15_000 }).toEqual(["split"]);
    await worker.stop();
    await webOnly.stop();
  });
});
