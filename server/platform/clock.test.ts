import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.js";
import { createFileOffsetClock } from "./clock.js";

const dayMs = 24 * 60 * 60 * 1000;

describe("the test clock (ATRIUM_TEST_CLOCK_FILE)", () => {
  let dir = "";
  let file = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "atrium-clock-"));
    file = path.join(dir, "offset");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("runs on the real time while the file is missing, and follows the offset once it is written", async () => {
    const clock = createFileOffsetClock(file, 0);
    const before = Date.now();
    const first = clock.now().getTime();
    expect(first).toBeGreaterThanOrEqual(before);
    expect(first).toBeLessThanOrEqual(Date.now());

    await writeFile(file, String(2 * dayMs));
    const moved = clock.now().getTime() - Date.now();
    expect(Math.round(moved / 60_000)).toBe(2 * 24 * 60);

    await writeFile(file, "-3600000\n");
    expect(Math.round((clock.now().getTime() - Date.now()) / 60_000)).toBe(-60);
  });

  it("keeps the last good offset when the file is half-written, and refuses a bad file at start", async () => {
    await writeFile(file, String(7 * dayMs));
    const clock = createFileOffsetClock(file, 0);
    await writeFile(file, "7 days");
    expect(Math.round((clock.now().getTime() - Date.now()) / dayMs)).toBe(7);
    expect(() => createFileOffsetClock(file)).toThrow(/whole number of milliseconds/);
  });

  it("is refused in production, with a message naming the variable", () => {
    const production = {
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(40),
      SMTP_URL: "smtp://mail.example.com",
      ATRIUM_TEST_CLOCK_FILE: "/tmp/offset",
    };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/ATRIUM_TEST_CLOCK_FILE .*refused in production/);
    expect(loadConfig({ ...production, NODE_ENV: "development" }).testClockFile).toBe("/tmp/offset");
    expect(loadConfig({}).testClockFile).toBeUndefined();
  });
});
