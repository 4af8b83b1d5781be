import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FirmMailServer, MailServerTestResult } from "../../../contracts/mail.js";
import { createGrantsWorld, type GrantsWorld } from "../../../tests/support/factories-grants.js";
import { signedInClient } from "../../../tests/support/factories-staff.js";
import { startTestSmtpSink } from "../../../tests/support/smtp-sink.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inFirm } from "../../platform/db/scope.js";
import { queueEmail } from "../../platform/mail/outbox.js";
import type { SmtpSink } from "../../platform/mail/smtp-sink.js";

interface ErrorBody {
  error: { code: string; details?: { fields?: Array<{ field: string; message: string }> } };
}

const PASSWORD = "firm-smtp-Secret-4711";

describe("the firm's own SMTP server (FIRM-3, INV-6)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  let firmSink: SmtpSink;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createGrantsWorld(t);
    ({ sink: firmSink } = await startTestSmtpSink());
  });
  afterAll(async () => {
    await firmSink?.stop();
    await t?.close();
  });

  const server = (body: Record<string, unknown>) =>
    w.admin.client.put<FirmMailServer & ErrorBody>("/api/firm/mail-server", {
      host: "127.0.0.1",
      port: firmSink.port,
      security: "none",
      fromAddress: "Post@Kanzlei-Eigen.test",
      ...body,
    });
  const fieldOf = (body: ErrorBody) => body.error.details?.fields?.[0]?.field;
  async function sendFirmMail(email: string) {
    return inFirm(t.deps.database, w.firmId, (tx) =>
      queueEmail(tx, t.deps, {
        template: "welcome-admin",
        recipient: { name: "Jo Beispiel", email, language: "de", salutation: "formal" },
        props: { firmName: "Kanzlei Eigen", loginUrl: "http://localhost:3000/app" },
        branding: { firmName: "Kanzlei Eigen" },
        sender: { name: "Kanzlei Eigen", replyTo: null },
      }),
    );
  }
  const outboxRow = async (id: string) =>
    (
      await t.deps.database.owner.query<{ status: string; message_id: string | null }>(
        "select status, message_id from mail_outbox where id = $1",
        [id],
      )
    ).rows[0];

  it("names the wrong field of each bad setting", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ host: "not a host!" }, "host"],
      [{ port: 0 }, "port"],
      [{ port: 70_000 }, "port"],
      [{ fromAddress: "no-address" }, "fromAddress"],
      [{ password: "secret-without-user" }, "user"],
      [{ security: "ssl3" }, "security"],
    ];
    for (const [body, field] of cases) {
      const res = await server(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldOf(res.body), JSON.stringify(res.body)).toBe(field);
    }
  });

  it("refuses a server inside the installation's network where the installation says so", async () => {
    const strict = await startTestApp({
      databaseUrl: t.databaseUrl,
      env: { FIRM_SMTP_INTERNAL_HOSTS: "refuse" },
    });
    try {
      const admin = await signedInClient(strict, w.admin.email, w.admin.password);
      for (const host of ["127.0.0.1", "localhost", "10.0.0.25", "169.254.169.254"]) {
        const res = await admin.put<ErrorBody>("/api/firm/mail-server", {
          host,
          port: 587,
          security: "starttls",
          fromAddress: "post@kanzlei-eigen.test",
        });
        expect(res.status, host).toBe(400);
        expect(fieldOf(res.body)).toBe("host");
        expect(res.body.error.details?.fields?.[0]?.message).toContain("public host name");
      }
      expect((await admin.get<FirmMailServer>("/api/firm/mail-server")).body.configured).toBe(false);
    } finally {
      await strict.close();
    }
  });

  it("only admins see or change it", async () => {
    expect((await w.owner.client.get("/api/firm/mail-server")).status).toBe(403);
    const put = await w.owner.client.put("/api/firm/mail-server", {
      host: "smtp.example.test",
      port: 587,
      security: "starttls",
      fromAddress: "a@example.test",
    });
    expect(put.status).toBe(403);
    expect((await w.owner.client.post("/api/firm/mail-server/test", {})).status).toBe(403);
  });

  it("stores the password sealed, never returns it, and audits the change without it", async () => {
    const res = await server({ user: "mailer", password: PASSWORD, security: "starttls", port: 587 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      configured: true,
      host: "127.0.0.1",
      port: 587,
      security: "starttls",
      user: "mailer",
      passwordSet: true,
      fromAddress: "post@kanzlei-eigen.test",
    });
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
    const read = await w.admin.client.get<FirmMailServer>("/api/firm/mail-server");
    expect(read.body.passwordSet).toBe(true);
    expect(JSON.stringify(read.body)).not.toContain(PASSWORD);

    const stored = await t.deps.database.owner.query<{ sealed: string }>(
      "select smtp_password_sealed as sealed from firms where firm_id = $1",
      [w.firmId],
    );
    expect(stored.rows[0]?.sealed).toBeTruthy();
    expect(stored.rows[0]?.sealed).not.toContain(PASSWORD);

    // Saving without a password keeps the stored one.
    const kept = await server({ user: "mailer", port: 588, security: "starttls" });
    expect(kept.body).toMatchObject({ port: 588, passwordSet: true });

    const audit = await t.deps.database.owner.query<{ entry: unknown }>(
      "select to_jsonb(a) as entry from audit_events a where firm_id = $1 and action = 'firm.mail_server_update'",
      [w.firmId],
    );
    expect(audit.rows).toHaveLength(2);
    expect(JSON.stringify(audit.rows)).not.toContain(PASSWORD);
  });

  it("sends the firm's mails through its own server with a stored Message-ID, and back through the installation's once removed", async () => {
    const set = await server({ user: null, password: null });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.passwordSet).toBe(false);

    const viaFirm = await sendFirmMail("eigen@example.test");
    const [mail] = await firmSink.waitFor((m) => m.outboxId === viaFirm, { timeoutMs: 20_000 });
    expect(mail?.from).toContain("post@kanzlei-eigen.test");
    expect(mail?.from).toContain("Kanzlei Eigen");
    expect(t.sink.mails.some((m) => m.outboxId === viaFirm)).toBe(false);
    await expect.poll(async () => (await outboxRow(viaFirm))?.status, { timeout: 10_000 }).toBe("sent");
    expect((await outboxRow(viaFirm))?.message_id).toBe(`<${viaFirm}@kanzlei-eigen.test>`);
    expect(mail?.messageId).toBe(`<${viaFirm}@kanzlei-eigen.test>`);

    // One pooled transport per firm, kept for later mails of the firm.
    expect(t.deps.mailTransports.firmTransportCount).toBe(1);

    expect((await w.admin.client.delete<FirmMailServer>("/api/firm/mail-server")).body).toMatchObject({
      configured: false,
      passwordSet: false,
    });
    const viaInstallation = await sendFirmMail("zurueck@example.test");
    await t.sink.waitFor((m) => m.outboxId === viaInstallation, { timeoutMs: 20_000 });
    expect(firmSink.mails.some((m) => m.outboxId === viaInstallation)).toBe(false);
    expect(t.deps.mailTransports.firmTransportCount).toBe(0);
  });

  it("sends a test mail and reports the server's answer in plain words", async () => {
    await server({ user: null, password: null });
    const ok = await w.admin.client.post<MailServerTestResult>("/api/firm/mail-server/test", {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, viaFirmServer: true, to: w.admin.email, problem: null });
    expect(ok.body.smtpResponse).toMatch(/^250/);
    await firmSink.waitFor((m) => m.to.includes(w.admin.email));

    firmSink.failWith({ code: 550, message: "5.1.1 No such user here" });
    try {
      const refused = await w.admin.client.post<MailServerTestResult>("/api/firm/mail-server/test", {
        to: "niemand@example.test",
      });
      expect(refused.body).toMatchObject({ ok: false, problem: "mailbox_unknown" });
      expect(refused.body.smtpResponse).toContain("No such user");
    } finally {
      firmSink.failWith(null);
    }

    // A server nobody listens on: no connection, said as such.
    await server({ port: 1 });
    const down = await w.admin.client.post<MailServerTestResult>("/api/firm/mail-server/test", {});
    expect(down.body).toMatchObject({ ok: false, problem: "connection_failed" });

    const badTo = await w.admin.client.post<ErrorBody>("/api/firm/mail-server/test", { to: "nope" });
    expect(badTo.status).toBe(400);
    expect(fieldOf(badTo.body)).toBe("to");
    await w.admin.client.delete("/api/firm/mail-server");
  });
});
