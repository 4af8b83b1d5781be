import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpSink } from "../../../tests/support/smtp-sink.js";
import { isCaughtMailId, listCaughtMails, newCaughtMailId, readCaughtMail } from "./mailbox.js";
import { SmtpSink } from "./smtp-sink.js";

function transportTo(port: number) {
  return nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
}

const umlautMail = {
  from: "Atrium <no-reply@atrium.localhost>",
  to: "Jürg Müller <juerg@example.ch>",
  subject: "Grüße aus Zürich – Änderung übernommen",
  text: "Sehr geehrter Herr Müller, Ihre Änderung wurde übernommen. Schöne Grüße",
  html: "<p>Sehr geehrter Herr Müller, Ihre <strong>Änderung</strong> wurde übernommen.</p>",
};

describe("SmtpSink", () => {
  let sink: SmtpSink;
  let url: string;

  beforeAll(async () => {
    ({ sink, url } = await startTestSmtpSink());
  });
  afterEach(() => {
    sink.failWith(null);
    sink.clear();
  });
  afterAll(async () => {
    await sink.stop();
  });

  it("catches a real mail with text, HTML and umlauts", async () => {
    expect(url).toBe(`smtp://127.0.0.1:${sink.port}`);
    const info = await nodemailer.createTransport(url).sendMail(umlautMail);
    const [mail] = await sink.waitFor((m) => m.to.includes("juerg@example.ch"));
    expect(mail?.subject).toBe(umlautMail.subject);
    expect(mail?.to).toContain("Jürg Müller");
    expect(mail?.from).toContain("no-reply@atrium.localhost");
    expect(mail?.text.trim()).toBe(umlautMail.text);
    expect(mail?.html).toContain("<strong>Änderung</strong>");
    expect(mail?.messageId).toBe(info.messageId);
    expect(mail?.raw).toContain("Subject:");
    expect(isCaughtMailId(mail?.id ?? "")).toBe(true);
  });

  it("waits for several mails and keeps arrival order", async () => {
    const transport = transportTo(sink.port);
    const waiting = sink.waitFor((m) => m.subject.startsWith("Batch"), { count: 3 });
    for (const n of [1, 2, 3]) await transport.sendMail({ ...umlautMail, subject: `Batch ${n}` });
    const mails = await waiting;
    expect(mails.map((m) => m.subject)).toEqual(["Batch 1", "Batch 2", "Batch 3"]);
  });

  it("rejects a wait on timeout and says what did arrive", async () => {
    await transportTo(sink.port).sendMail({ ...umlautMail, subject: "Something else" });
    await sink.waitFor(() => true);
    await expect(sink.waitFor((m) => m.subject === "Never sent", { timeoutMs: 50 })).rejects.toThrow(
      /timed out after 50 ms.*0 matched.*"Something else"/s,
    );
  });

  it("answers with an injected fault and stores nothing, then recovers", async () => {
    const transport = transportTo(sink.port);
    sink.failWith({ code: 451, message: "Try again later" });
    const failure = await transport.sendMail(umlautMail).then(
      () => null,
      (error: { responseCode?: number; response?: string }) => error,
    );
    expect(failure?.responseCode).toBe(451);
    expect(failure?.response).toContain("Try again later");
    expect(sink.mails).toHaveLength(0);

    sink.failWith(null);
    await transport.sendMail(umlautMail);
    await sink.waitFor(() => true);
    expect(sink.mails).toHaveLength(1);
  });

  it("survives an outage: stop refuses mail, start on the same port accepts it again", async () => {
    const port = sink.port;
    const transport = transportTo(port);
    await sink.stop();
    await expect(transport.sendMail(umlautMail)).rejects.toMatchObject({ code: "ESOCKET" });
    const restarted = await sink.start();
    expect(restarted.port).toBe(port);
    await transport.sendMail({ ...umlautMail, subject: "After the outage" });
    const [mail] = await sink.waitFor((m) => m.subject === "After the outage");
    expect(mail?.to).toContain("juerg@example.ch");
  });

  it("stops quickly even with an idle pooled connection open", async () => {
    const other = new SmtpSink();
    const { port } = await other.start();
    const pooled = nodemailer.createTransport({ host: "127.0.0.1", port, pool: true, ignoreTLS: true });
    await pooled.sendMail(umlautMail);
    const started = Date.now();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    pooled.close();
  });
});

describe("development mailbox on disk", () => {
  let storeDir: string;
  let sink: SmtpSink;

  beforeAll(async () => {
    storeDir = await fs.mkdtemp(path.join(os.tmpdir(), "atrium-mailbox-"));
    sink = new SmtpSink({ storeDir });
    await sink.start();
  });
  afterAll(async () => {
    await sink.stop();
    await fs.rm(storeDir, { recursive: true, force: true });
  });

  it("persists each mail, lists newest first and reads one back", async () => {
    const transport = transportTo(sink.port);
    await transport.sendMail({ ...umlautMail, subject: "Erste Nachricht" });
    await transport.sendMail({ ...umlautMail, subject: "Zweite Nachricht – schön" });
    await sink.waitFor(() => true, { count: 2 });

    const list = await listCaughtMails(storeDir);
    expect(list.map((m) => m.subject)).toEqual(["Zweite Nachricht – schön", "Erste Nachricht"]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(["from", "id", "receivedAt", "subject", "to"]);
    expect(await listCaughtMails(storeDir, 1)).toHaveLength(1);

    const mail = await readCaughtMail(storeDir, list[0]?.id ?? "");
    expect(mail?.subject).toBe("Zweite Nachricht – schön");
    expect(mail?.html).toContain("<strong>Änderung</strong>");
    expect(mail?.text).toContain("Schöne Grüße");
    const eml = await fs.readFile(path.join(storeDir, `${list[0]?.id}.eml`), "utf8");
    expect(eml).toContain("Message-ID:");
  });

  it("does not store a mail refused by an injected fault", async () => {
    const before = (await listCaughtMails(storeDir)).length;
    sink.failWith({ code: 451, message: "Try again later" });
    await expect(transportTo(sink.port).sendMail(umlautMail)).rejects.toMatchObject({ responseCode: 451 });
    sink.failWith(null);
    expect(await listCaughtMails(storeDir)).toHaveLength(before);
  });

  it("refuses ids that are not mail ids, so a URL cannot reach other files", async () => {
    await fs.writeFile(path.join(path.dirname(storeDir), "x.json"), "{}");
    for (const id of ["../x", "..%2Fx", "/etc/passwd", "", "1234", `${newCaughtMailId()}/../x`]) {
      expect(await readCaughtMail(storeDir, id)).toBeNull();
    }
    expect(await readCaughtMail(storeDir, newCaughtMailId())).toBeNull();
  });

  it("treats a missing directory as an empty mailbox", async () => {
    expect(await listCaughtMails(path.join(storeDir, "absent"))).toEqual([]);
  });
});

describe("caught-mail ids", () => {
  it("are unique and sort in creation order, even within one millisecond", () => {
    const now = Date.now();
    const ids = Array.from({ length: 500 }, () => newCaughtMailId(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every(isCaughtMailId)).toBe(true);
  });
});
