import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("has working defaults: embedded database in ./data, web and worker in one process, port 3000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      role: "all",
      runsWeb: true,
      runsWorker: true,
      databaseUrl: undefined,
    });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["ATRIUM_ROLE", "both"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["SMTP_URL", "http://mail"],
    ["PUBLIC_URL", "not a url"],
    ["AUTH_SECRET", "short"],
    ["LOG_LEVEL", "loud"],
  ])("a bad %s stops with one line naming the variable", (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message).not.toContain("\n");
  });

  it("never echoes a value that may hold credentials", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://admin:hunter2@db/x" })).toThrow(/DATABASE_URL/);
    try {
      loadConfig({ DATABASE_URL: "mysql://admin:hunter2@db/x" });
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
    }
  });

  it("splits web and worker by ATRIUM_ROLE", () => {
    expect(loadConfig({ ATRIUM_ROLE: "web" })).toMatchObject({ runsWeb: true, runsWorker: false });
    expect(loadConfig({ ATRIUM_ROLE: "worker" })).toMatchObject({ runsWeb: false, runsWorker: true });
  });

  it("requires a real secret and a real SMTP server in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://mail" })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).toThrow(/SMTP_URL/);
  });
});
