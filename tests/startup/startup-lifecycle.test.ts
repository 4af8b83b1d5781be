import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Cleanup,
  childEnv,
  eventually,
  freePort,
  isAlive,
  postmasterPid,
  processesMentioning,
  type RunningProcess,
  readyLine,
  startServer,
} from "./process.js";

/**
 * One data directory lives through the whole file, as on a developer's machine: created by the first
 * start, reused by the next, left with an orphaned PostgreSQL by a hard kill, recovered by a restart.
 * The tests build on each other and run in order.
 */
describe("startup on the embedded PostgreSQL", { timeout: 60_000 }, () => {
  const cleanup = new Cleanup();
  let dataDir = "";
  let env: Record<string, string> = {};
  let base = "";

  beforeAll(async () => {
    const root = cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-startup-lifecycle-")));
    dataDir = cleanup.dataDir(path.join(root, "data"));
    const port = await freePort();
    env = childEnv({
      ATRIUM_DATA_DIR: dataDir,
      PORT: String(port),
      ATRIUM_PG_PORT: String(await freePort()),
    });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => cleanup.run());

  const startReady = async () => {
    const server = cleanup.process(startServer(env));
    await server.waitForLine(readyLine, 45_000);
    return server;
  };
  const getJson = async (url: string) => {
    const response = await fetch(`${base}${url}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const postmasterGone = async (pid: number) =>
    !isAlive(pid) && (await processesMentioning(dataDir)).length === 0;

  it("a fresh start is ready, healthy and asks for setup; SIGTERM stops it and its PostgreSQL", async () => {
    const server = await startReady();
    expect(server.stdout()).toContain("Creating the embedded PostgreSQL cluster");
    expect(server.stdout()).toMatch(/Atrium is ready at \S+ — role all/);
    expect(await getJson("/api/health")).toEqual({ status: 200, body: { status: "ok" } });
    expect(await getJson("/api/setup")).toEqual({ status: 200, body: { needsSetup: true } });

    const pid = await postmasterPid(dataDir);
    expect(pid).not.toBeNull();
    expect(isAlive(pid ?? 0)).toBe(true);

    expect(await server.stop()).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toContain("Atrium stopped.");
    expect(await eventually(() => postmasterGone(pid ?? 0), 5_000)).toBe(true);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  });

  it("a second start on an existing data dir is ready and healthy without creating the cluster again", async () => {
    expect(existsSync(path.join(dataDir, "pg", "PG_VERSION"))).toBe(true);
    const server = await startReady();
    expect(server.stdout()).not.toContain("Creating the embedded PostgreSQL cluster");
    expect(await getJson("/api/health")).toEqual({ status: 200, body: { status: "ok" } });
    // The app reaches its embedded database over the cluster's Unix socket.
    expect(existsSync(path.join(dataDir, "pg", `.s.PGSQL.${env.ATRIUM_PG_PORT}`))).toBe(true);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });

  it("after a hard kill the orphaned PostgreSQL is stopped by the next start, which says so", async () => {
    const killed = await startReady();
    const orphan = await postmasterPid(dataDir);
    expect(orphan).not.toBeNull();
    await killed.killHard();
    // The orphan keeps serving the data dir: this is what the next start has to deal with.
    expect(isAlive(orphan ?? 0)).toBe(true);
    expect(await postmasterPid(dataDir)).toBe(orphan);

    const restarted: RunningProcess = await startReady();
    expect(restarted.stdout()).toContain(
      `Stopping a PostgreSQL server (pid ${orphan}) left running on ${path.join(dataDir, "pg")} by an earlier Atrium process.`,
    );
    expect(isAlive(orphan ?? 0)).toBe(false);
    expect(await getJson("/api/health")).toEqual({ status: 200, body: { status: "ok" } });

    const current = await postmasterPid(dataDir);
    expect(current).not.toBe(orphan);
    expect(await restarted.stop()).toEqual({ code: 0, signal: null });
    expect(await eventually(() => postmasterGone(current ?? 0), 5_000)).toBe(true);
  });
});
