import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A mail server that takes its time: each message is answered `answerDelayMs` after it was received. */
export interface SlowSmtpSink {
  url: string;
  /** Resolves once the message of this outbox row has been received (its answer still pending). */
  dataReceived(outboxId: string, timeoutMs: number): Promise<void>;
  /** How many times a message of this outbox row was received. */
  started(outboxId: string): number;
  /** How many times a message of this outbox row was accepted (answered 250). */
  accepted(outboxId: string): number;
  stop(): Promise<void>;
}

/** Starts a slow SMTP sink on a free local port, so a delivery can be caught in flight. */
export async function startSlowSmtpSink(opts: { answerDelayMs: number }): Promise<SlowSmtpSink> {
  const started: string[] = [];
  const accepted: string[] = [];
  const listeners = new Set<() => void>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => {
        raw += chunk.toString("utf8");
      });
      stream.on("end", () => {
        const outboxId = raw.match(/^X-Atrium-Outbox-Id:\s*(\S+)/im)?.[1] ?? "";
        started.push(outboxId);
        for (const listener of [...listeners]) listener();
        setTimeout(() => {
          accepted.push(outboxId);
          callback();
        }, opts.answerDelayMs);
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    dataReceived: (outboxId, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!started.includes(outboxId)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no message of outbox row ${outboxId} within ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    started: (outboxId) => started.filter((id) => id === outboxId).length,
    accepted: (outboxId) => accepted.filter((id) => id === outboxId).length,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
