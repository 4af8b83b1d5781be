import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirm } from "../../../tests/support/factories.js";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { inScope } from "../db/scope.js";
import { queueEmail, secretPlaceholder } from "./outbox.js";

interface OutboxRow {
  status: string;
  attempts: number;
  last_smtp_response: string | null;
  sent_at: Date | null;
}

describe("the mail outbox", () => {
  let t: TestApp;
  let firmId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ firmId } = await createFirm(t.deps, { name: "Maklerbüro Sonne" }));
  });
  afterAll(() => t?.close());

  async function send(email: string, language: "de" | "fr" | "en" = "de") {
    return inScope(t.deps.database, { firmId }, (tx) =>
      queueEmail(tx, t.deps, {
        template: "welcome-admin",
        recipient: { name: "Jo Beispiel", email, language, salutation: "informal" },
        props: { firmName: "Maklerbüro Sonne", loginUrl: "http://localhost:3000/app" },
        branding: { firmName: "Maklerbüro Sonne" },
      }),
    );
  }

  async function row(id: string): Promise<OutboxRow> {
    const { rows } = await t.deps.database.owner.query<OutboxRow>(
      "select status, attempts, last_smtp_response, sent_at from mail_outbox where firm_id = $1 and id = $2",
      [firmId, id],
    );
    if (!rows[0]) throw new Error(`outbox row ${id} not found`);
    return rows[0];
  }

  it("keeps the rendered mail, sends it, and records the SMTP answer", async () => {
    const id = await send("jo@example.test", "fr");
    const [mail] = await t.sink.waitFor((m) => m.to.includes("jo@example.test"), { timeoutMs: 20_000 });
    expect(mail?.text).toContain("Bonjour Jo Beispiel");
    await expect.poll(async () => (await row(id)).status, { timeout: 10_000 }).toBe("sent");
    const sent = await row(id);
    expect(sent.attempts).toBe(1);
    expect(sent.last_smtp_response).toMatch(/^250/);
    expect(sent.sent_at).not.toBeNull();
  });

  it("records a temporary refusal, retries with backoff, and delivers once the server accepts again", async () => {
    t.sink.failWith({ code: 451, message: "4.3.0 Mailbox temporarily unavailable" });
    const id = await send("retry@example.test");
    await expect.poll(async () => (await row(id)).attempts, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const deferred = await row(id);
    expect(deferred.status).toBe("queued");
    expect(deferred.last_smtp_response).toContain("451");
    expect(t.sink.mails.some((m) => m.to.includes("retry@example.test"))).toBe(false);

    t.sink.failWith(null);
    await t.sink.waitFor((m) => m.to.includes("retry@example.test"), { timeoutMs: 30_000 });
    await expect.poll(async () => (await row(id)).status, { timeout: 10_000 }).toBe("sent");
    expect((await row(id)).attempts).toBeGreaterThanOrEqual(2);
  });

  it("marks a permanent refusal (5xx) as failed with the answer, without retrying", async () => {
    t.sink.failWith({ code: 550, message: "5.1.1 No such user here" });
    const id = await send("nobody@example.test");
    await expect.poll(async () => (await row(id)).status, { timeout: 15_000 }).toBe("failed");
    t.sink.failWith(null);
    await sleep(3_000);
    const failed = await row(id);
    expect(failed.attempts).toBe(1);
    expect(failed.last_smtp_response).toContain("No such user");
    expect(t.sink.mails.some((m) => m.to.includes("nobody@example.test"))).toBe(false);
  });

  it("survives a 60 s SMTP outage: the mail arrives after the server is back", {
    timeout: 300_000,
  }, async () => {
    await t.sink.stop();
    const outageStart = Date.now();
    const id = await send("outage@example.test");
    await expect.poll(async () => (await row(id)).attempts, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect((await row(id)).last_smtp_response).toMatch(/ECONNREFUSED/);
    await sleep(Math.max(0, 60_000 - (Date.now() - outageStart)));
    expect((await row(id)).status).toBe("queued");
    await t.sink.start();

    await t.sink.waitFor((m) => m.to.includes("outage@example.test"), { timeoutMs: 200_000 });
    await expect.poll(async () => (await row(id)).status, { timeout: 10_000 }).toBe("sent");
    expect((await row(id)).attempts).toBeGreaterThanOrEqual(3);
  });
});

describe("secrets in the outbox", () => {
  let t: TestApp;
  let firmId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ({ firmId } = await createFirm(t.deps, { name: "Maklerbüro Mond" }));
  });
  afterAll(() => t?.close());

  it("SEC-5 keeps a link's token sealed at rest, puts it into the delivered mail, then erases it", async () => {
    const token = "tok_3xAmPlE-ToKeN_value_that_must_not_rest_in_the_db";
    const id = await inScope(t.deps.database, { firmId }, (tx) =>
      queueEmail(tx, t.deps, {
        template: "welcome-admin",
        recipient: { name: "Ida Geheim", email: "ida@example.test", language: "en", salutation: "formal" },
        props: {
          firmName: "Maklerbüro Mond",
          loginUrl: `http://localhost:3000/invite#token=${secretPlaceholder("token")}`,
        },
        branding: { firmName: "Maklerbüro Mond" },
        secrets: { token },
      }),
    );
    const stored = await t.deps.database.owner.query("select * from mail_outbox where id = $1", [id]);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    expect(stored.rows[0].sealed_secrets).toBeTruthy();

    const [mail] = await t.sink.waitFor((m) => m.outboxId === id, { timeoutMs: 20_000 });
    expect(mail?.text).toContain(`/invite#token=${token}`);
    expect(mail?.html).toContain(token);
    await expect
      .poll(
        async () =>
          (
            await t.deps.database.owner.query(
              "select status, sealed_secrets from mail_outbox where id = $1",
              [id],
            )
          ).rows[0],
      )
      .toEqual({ status: "sent", sealed_secrets: null });
  });
});
