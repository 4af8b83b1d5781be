import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Cleanup, childEnv, freePort, occupyPort, processesMentioning, runUntilExit } from "./process.js";

/** Lines a person reads: Node's own warnings and blank lines aside. */
function meaningfulLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "" && !line.startsWith("(node:") && !line.includes("--trace-warnings"));
}

/** The refusal every bad start must give: exit 1, one line naming `variable`, no stack trace. */
function expectOneLineNaming(result: { code: number | null; stderr: string }, variable: string) {
  const lines = meaningfulLines(result.stderr);
  expect(result.code, result.stderr).toBe(1);
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toContain(variable);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe("startup refuses a bad environment", { timeout: 60_000 }, () => {
  const cleanup = new Cleanup();
  let root = "";
  // Each start gets its own data dir and ports, so nothing a refused start left behind changes the next.
  const baseEnv = async (name: string) =>
    childEnv({
      ATRIUM_DATA_DIR: cleanup.dataDir(path.join(root, name)),
      PORT: String(await freePort()),
      ATRIUM_PG_PORT: String(await freePort()),
    });

  beforeAll(async () => {
    root = cleanup.path(await mkdtemp(path.join(os.tmpdir(), "atrium-startup-refusals-")));
  });
  afterAll(() => cleanup.run());

  it.each([
    ["PORT", "abc"],
    ["ATRIUM_ROLE", "both"],
    ["DATABASE_URL", "mysql://x"],
    ["SMTP_URL", "http://x"],
  ])("a bad %s=%s stops the start with one clear line naming the variable", async (variable, value) => {
    const env = { ...(await baseEnv(`bad-${variable}`)), [variable]: value };
    expectOneLineNaming(await runUntilExit(env), variable);
  });

  it("an occupied PORT stops the start with one line naming PORT", async () => {
    const env = await baseEnv("busy-port");
    const release = await occupyPort(Number(env.PORT));
    try {
      expectOneLineNaming(await runUntilExit(env), "PORT");
    } finally {
      await release();
    }
  });

  it("an occupied ATRIUM_PG_PORT stops the start with one line naming ATRIUM_PG_PORT", async () => {
    const env = await baseEnv("busy-pg-port");
    const release = await occupyPort(Number(env.ATRIUM_PG_PORT));
    try {
      const result = await runUntilExit(env);
      expectOneLineNaming(result, "ATRIUM_PG_PORT");
      // The refusal comes before any PostgreSQL was started on the data dir.
      expect(await processesMentioning(env.ATRIUM_DATA_DIR ?? "")).toEqual([]);
    } finally {
      await release();
    }
  });

  it("an unwritable data dir stops the start with one line naming ATRIUM_DATA_DIR", async () => {
    // Root ignores permission bits, but nobody can create a directory below a regular file.
    const file = cleanup.path(path.join(root, "a-file"));
    await writeFile(file, "not a directory");
    const env = { ...(await baseEnv("unused")), ATRIUM_DATA_DIR: path.join(file, "data") };
    expectOneLineNaming(await runUntilExit(env), "ATRIUM_DATA_DIR");
  });
});
