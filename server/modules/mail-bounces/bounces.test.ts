import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantDetail, Grantee } from "../../../contracts/grants.js";
import type { FirmInvitationList, Invitation } from "../../../contracts/invitations.js";
import { createGrantsWorld, type GrantsWorld } from "../../../tests/support/factories-grants.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";

const TOKEN = "bounce-token-bounce-token-0123456789";

/** A delivery status notification (RFC 3464) as a receiving mail system sends it back. */
function dsn(messageId: string, status: string, diagnostic: string, action = "failed"): string {
  return [
    "From: MAILER-DAEMON@mx.example.test",
    "To: no-reply@atrium.localhost",
    "Subject: Undelivered Mail Returned to Sender",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"',
    "",
    "--REPORT",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "This is the mail system. Your message could not be delivered.",
    "",
    "--REPORT",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.test",
    "",
    "Final-Recipient: rfc822; klara@example.test",
    `Action: ${action}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diagnostic.slice(0, 40)}`,
    ` ${diagnostic.slice(40)}`,
    "",
    "--REPORT",
    "Content-Type: text/rfc822-headers",
    "",
    `Message-ID: ${messageId}`,
    "Subject: Ihre Einladung",
    "",
    "--REPORT--",
    "",
  ].join("\r\n");
}

describe("the bounce intake (INV-6)", () => {
  let t: TestApp;
  let w: GrantsWorld;
  beforeAll(async () => {
    t = await startTestApp({ env: { MAIL_BOUNCE_TOKEN: TOKEN } });
    w = await createGrantsWorld(t);
  });
  afterAll(() => t?.close());

  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/mail/bounces",
      payload,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "content-type": typeof payload === "string" ? "message/rfc822" : "application/json",
        ...headers,
      },
    });

  /** An invitation mailed to Klara, delivered; answers it with its mail's stored Message-ID. */
  async function deliveredInvitation() {
    const grant = await w.owner.client.post<GrantDetail>("/api/grants", {
      name: "Familie Muster",
      fileIds: [w.klaraFile],
    });
    const grantee = await w.owner.client.post<Grantee>(`/api/grants/${grant.body.id}/grantees`, {
      personId: w.people.klara.id,
    });
    const invited = await w.owner.client.post<Invitation>(
      `/api/grants/${grant.body.id}/grantees/${grantee.body.id}/invitation`,
      {},
    );
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const outboxId = invited.body.lastMail?.id ?? "";
    const [mail] = await t.sink.waitFor((m) => m.outboxId === outboxId, { timeoutMs: 20_000 });
    const row = async () =>
      (
        await t.deps.database.owner.query<{ status: string; message_id: string; bounce_diagnostic: string }>(
          "select status, message_id, bounce_diagnostic from mail_outbox where id = $1",
          [outboxId],
        )
      ).rows[0];
    await expect.poll(async () => (await row())?.status, { timeout: 10_000 }).toBe("sent");
    const messageId = (await row())?.message_id ?? "";
    // The mail carried the Message-ID the outbox stored.
    expect(mail?.messageId).toBe(messageId);
    return { invitation: invited.body, outboxId, messageId, row };
  }

  it("refuses without the installation's token", async () => {
    expect((await post({ messageId: "<x@y>" }, { authorization: "" })).statusCode).toBe(401);
    expect((await post({ messageId: "<x@y>" }, { authorization: "Bearer wrong-token" })).statusCode).toBe(
      401,
    );
  });

  it("takes a raw DSN, marks the mail bounced, and the invitation shows it in plain words", async () => {
    const { invitation, messageId, row } = await deliveredInvitation();
    const res = await post(
      dsn(messageId, "5.1.1", "550 5.1.1 <klara@example.test>: Recipient address rejected: User unknown"),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ matched: true, status: "bounced" });
    const bounced = await row();
    expect(bounced?.status).toBe("bounced");
    expect(bounced?.bounce_diagnostic).toContain("5.1.1");
    expect(bounced?.bounce_diagnostic).toContain("User unknown");

    const list = await w.owner.client.get<FirmInvitationList>("/api/invitations?delivery=bounced");
    const shown = list.body.invitations.find((i) => i.id === invitation.id);
    expect(shown?.lastMail).toMatchObject({ status: "bounced", problem: "mailbox_unknown" });
    expect(shown?.lastMail?.smtpResponse).toContain("User unknown");
    expect(shown?.lastMail?.bouncedAt).not.toBeNull();
  });

  it("takes the simple JSON form; a delay notice or an unknown Message-ID changes nothing", async () => {
    const { messageId, row } = await deliveredInvitation();
    const delayed = await post({
      messageId,
      status: "4.2.2",
      diagnostic: "452 4.2.2 Mailbox full, will retry",
    });
    expect(delayed.json()).toEqual({ matched: true, status: "ignored" });
    expect((await row())?.status).toBe("sent");

    const unknown = await post({ messageId: "<not-ours@example.test>", status: "5.1.1" });
    expect(unknown.json()).toEqual({ matched: false, status: "ignored" });

    const full = await post({
      messageId: messageId.slice(1, -1),
      status: "5.2.2",
      diagnostic: "552 5.2.2 Mailbox full",
    });
    expect(full.json()).toEqual({ matched: true, status: "bounced" });
    expect((await row())?.status).toBe("bounced");
  });

  it("names what is wrong with a bad bounce", async () => {
    const notDsn = await post("Subject: hello\r\n\r\njust a mail\r\n");
    expect(notDsn.statusCode).toBe(400);
    expect(notDsn.json().error.details.fields[0].field).toBe("body");
    const noId = await post({ status: "5.1.1" });
    expect(noId.statusCode).toBe(400);
    expect(noId.json().error.details.fields[0].field).toBe("messageId");
  });
});

describe("the bounce intake without MAIL_BOUNCE_TOKEN", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("refuses every report", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/mail/bounces",
      payload: { messageId: "<x@y>" },
      headers: { authorization: "Bearer anything-at-all-anything-at-all" },
    });
    expect(res.statusCode).toBe(503);
  });
});
