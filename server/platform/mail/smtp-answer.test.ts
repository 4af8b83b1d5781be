import { describe, expect, it } from "vitest";
import { isDatabaseOutage } from "../jobs/queue.js";
import { explainSmtpAnswer } from "./smtp-answer.js";
import type { MailTransport } from "./transport.js";
import { MailTransports } from "./transports.js";

describe("SMTP answers in plain words (INV-6)", () => {
  it.each([
    ["550 5.1.1 <x@example.test>: Recipient address rejected: User unknown", "mailbox_unknown"],
    ["552 5.2.2 Mailbox full", "mailbox_full"],
    ["452 4.2.2 Over quota", "mailbox_full"],
    ["554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org", "blocked"],
    ["550 5.1.2 Host or domain name not found", "domain_unknown"],
    ["535 5.7.8 Authentication credentials invalid", "auth_failed"],
    ["ESOCKET: connect ECONNREFUSED 127.0.0.1:25", "connection_failed"],
    ["ETLS: wrong version number", "tls_failed"],
    ["451 4.7.1 Greylisted, please try again later", "temporary"],
    ["550 Rejected", "refused"],
    ["something odd", "unknown"],
  ])("%s → %s", (answer, problem) => {
    expect(explainSmtpAnswer(answer)).toBe(problem);
  });

  it("has nothing to explain for an acceptance", () => {
    expect(explainSmtpAnswer("250 2.0.0 Ok: queued as 12345")).toBeNull();
    expect(explainSmtpAnswer(null)).toBeNull();
  });
});

describe("the process's mail transports", () => {
  const fake = (): MailTransport & { closed: boolean } => ({
    closed: false,
    async send() {
      return { ok: true, response: "250 OK", messageId: "<x@y>" };
    },
    close() {
      this.closed = true;
    },
  });
  const own = (version: string) => ({
    server: {
      host: "smtp.example.test",
      port: 587,
      security: "starttls" as const,
      user: null,
      password: null,
    },
    fromAddress: "post@example.test",
    version,
  });

  it("keeps one pooled transport per firm, rebuilds it when the settings change, closes all at the end", () => {
    const made: Array<ReturnType<typeof fake>> = [];
    const installation = fake();
    const transports = new MailTransports(installation, () => {
      const t = fake();
      made.push(t);
      return t;
    });
    expect(transports.forFirm("a", null)).toBe(installation);
    const first = transports.forFirm("a", own("v1"));
    expect(transports.forFirm("a", own("v1"))).toBe(first);
    const second = transports.forFirm("a", own("v2"));
    expect(second).not.toBe(first);
    expect(made[0]?.closed).toBe(true);
    expect(transports.forFirm("a", null)).toBe(installation);
    expect(made[1]?.closed).toBe(true);
    transports.forFirm("b", own("v1"));
    transports.close();
    expect(made[2]?.closed).toBe(true);
    expect(installation.closed).toBe(true);
  });
});

describe("database outages a worker survives (REL-2)", () => {
  it("tells a restarting database from other failures", () => {
    expect(isDatabaseOutage({ code: "57P03", message: "the database system is shutting down" })).toBe(true);
    expect(isDatabaseOutage({ code: "57P01", message: "terminating connection" })).toBe(true);
    expect(isDatabaseOutage({ code: "ECONNREFUSED" })).toBe(true);
    expect(isDatabaseOutage(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseOutage({ code: "ENOENT", syscall: "connect" })).toBe(true);
    expect(isDatabaseOutage({ code: "ENOENT", syscall: "open" })).toBe(false);
    expect(isDatabaseOutage({ code: "23505", message: "duplicate key" })).toBe(false);
    expect(isDatabaseOutage(new TypeError("x is undefined"))).toBe(false);
  });
});
