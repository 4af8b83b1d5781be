import type { AddressInfo } from "node:net";
import type { AddressObject } from "mailparser";
import {
  SMTPServer,
  type SMTPServerDataStream,
  type SMTPServerError,
  type SMTPServerSession,
} from "smtp-server";
import type { CaughtMail as CaughtMailRecord } from "../../../contracts/dev-mailbox.js";
import { newCaughtMailId, writeCaughtMail } from "./mailbox.js";

/** A mail the sink received, as stored; `raw` is the whole message as it came over the wire. */
export interface CaughtMail extends CaughtMailRecord {
  messageId?: string;
  /** The X-Atrium-Outbox-Id header: the outbox row this mail was sent from. */
  outboxId?: string;
  raw?: string;
}

/** Settings of an SMTP sink. */
export interface SmtpSinkOptions {
  host?: string;
  /** 0 (the default) picks a free port; a restart keeps the port it got. */
  port?: number;
  /** Persist each mail as `<id>.json` and `<id>.eml` here, for the development mailbox. */
  storeDir?: string;
  /** How many mails `mails` keeps before dropping the oldest (default 1000). */
  maxInMemory?: number;
}

/** Options of `SmtpSink.waitFor`. */
export interface WaitForOptions {
  timeoutMs?: number;
  count?: number;
}

/** The SMTP error the sink answers with while a fault is injected. */
export interface SmtpFault {
  code: number;
  message: string;
}

const maxMessageBytes = 25 * 1024 * 1024;
// Long enough for a delivery already in DATA to finish, short enough that tests do not wait.
const closeTimeoutMs = 100;

/**
 * A real SMTP server that keeps what it receives: the development mailbox and the peer of mail tests.
 * Plain SMTP on 127.0.0.1 without TLS or authentication, as nothing but local code talks to it.
 */
export class SmtpSink {
  readonly mails: CaughtMail[] = [];
  readonly #host: string;
  readonly #storeDir: string | undefined;
  readonly #maxInMemory: number;
  #port: number;
  #server: SMTPServer | null = null;
  #starting: Promise<{ port: number }> | null = null;
  #fault: SmtpFault | null = null;
  readonly #arrivalListeners = new Set<() => void>();

  constructor(opts: SmtpSinkOptions = {}) {
    this.#host = opts.host ?? "127.0.0.1";
    this.#port = opts.port ?? 0;
    this.#storeDir = opts.storeDir;
    this.#maxInMemory = opts.maxInMemory ?? 1000;
  }

  /** The port the sink listens on (0 before the first start with a free port). */
  get port(): number {
    return this.#port;
  }

  /** Starts listening; after a stop it comes back on the same port, like a mail server after an outage. */
  start(): Promise<{ port: number }> {
    if (this.#server) return Promise.resolve({ port: this.#port });
    this.#starting ??= this.#listen().finally(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  /** Stops listening and drops open connections (after a short grace period). */
  async stop(): Promise<void> {
    await this.#starting?.catch(() => undefined);
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Inject faults: while set, every RCPT/DATA is answered with this SMTP error (e.g. 451 temporary). */
  failWith(error: SmtpFault | null): void {
    this.#fault = error ? { ...error } : null;
  }

  /**
   * Resolves with the first `count` (default 1) mails matching `predicate`, counting mails already
   * caught; rejects after `timeoutMs` (default 5000) with a list of what did arrive.
   */
  waitFor(
    predicate: (m: CaughtMail) => boolean,
    { timeoutMs = 5000, count = 1 }: WaitForOptions = {},
  ): Promise<CaughtMail[]> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.#arrivalListeners.delete(check);
        outcome();
      };
      const check = () => {
        try {
          const matches = this.mails.filter(predicate);
          if (matches.length >= count) settle(() => resolve(matches.slice(0, count)));
        } catch (error) {
          settle(() => reject(error));
        }
      };
      this.#arrivalListeners.add(check);
      timer = setTimeout(
        () => settle(() => reject(this.#timeoutError(predicate, timeoutMs, count))),
        timeoutMs,
      );
      check();
    });
  }

  /** Forgets the mails held in memory (stored files stay). */
  clear(): void {
    this.mails.length = 0;
  }

  async #listen(): Promise<{ port: number }> {
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      banner: "Atrium mail sink",
      size: maxMessageBytes,
      closeTimeout: closeTimeoutMs,
      logger: false,
      // Every client is local; a reverse DNS lookup per connection only adds latency to each mail.
      disableReverseLookup: true,
      onRcptTo: (_address, _session, callback) => callback(this.#faultError()),
      onData: (stream, session, callback) => {
        this.#receive(stream, session).then(
          () => callback(),
          (error: SMTPServerError) => callback(error),
        );
      },
    });
    // Client resets and broken connections surface here; they concern only that client, not the sink.
    server.on("error", () => undefined);
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        const reason = error.code === "EADDRINUSE" ? "the port is in use" : error.message;
        reject(new Error(`SMTP sink cannot listen on ${this.#host}:${this.#port}: ${reason}`));
      };
      server.server.once("error", onError);
      server.listen(this.#port, this.#host, () => {
        server.server.off("error", onError);
        resolve();
      });
    });
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
    return { port: this.#port };
  }

  async #receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    // Checked after reading: the client only listens for the answer once it has sent all its data.
    const fault = this.#faultError();
    if (fault) throw fault;
    if (stream.sizeExceeded) throw smtpError(552, `Message exceeds ${maxMessageBytes} bytes`);
    const raw = Buffer.concat(chunks);
    // Loaded on the first mail, not at start: only the development sink parses mail (PERF-6).
    const { simpleParser } = await import("mailparser");
    const parsed = await simpleParser(raw);
    const envelopeTo = session.envelope.rcptTo.map((r) => r.address).join(", ");
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
    // Atrium marks each mail with its outbox row, so tests and the mailbox can tie them together.
    const outboxHeader = parsed.headers.get("x-atrium-outbox-id");
    const mail: CaughtMail = {
      id: newCaughtMailId(),
      receivedAt: new Date().toISOString(),
      from: parsed.from?.text ?? envelopeFrom,
      to: addressText(parsed.to) || envelopeTo,
      subject: parsed.subject ?? "",
      html: parsed.html || "",
      text: parsed.text ?? "",
      ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
      ...(outboxHeader ? { outboxId: String(outboxHeader) } : {}),
    };
    if (this.#storeDir) {
      try {
        await writeCaughtMail(this.#storeDir, { ...mail, raw });
      } catch (error) {
        // Accepting a mail that cannot be shown would lose it silently; a 451 makes the sender retry.
        throw smtpError(451, `Mail could not be stored: ${(error as Error).message}`);
      }
    }
    mail.raw = raw.toString("utf8");
    this.mails.push(mail);
    if (this.mails.length > this.#maxInMemory) this.mails.splice(0, this.mails.length - this.#maxInMemory);
    for (const listener of [...this.#arrivalListeners]) listener();
  }

  #faultError(): SMTPServerError | null {
    return this.#fault ? smtpError(this.#fault.code, this.#fault.message) : null;
  }

  #timeoutError(predicate: (m: CaughtMail) => boolean, timeoutMs: number, count: number): Error {
    const matching = this.mails.filter((m) => safeMatch(predicate, m)).length;
    const arrived = this.mails.slice(-20).map((m) => `  - to ${m.to}: "${m.subject}"`);
    const listing = arrived.length ? `\n${arrived.join("\n")}` : " none";
    return new Error(
      `SmtpSink.waitFor timed out after ${timeoutMs} ms: expected ${count} matching mail(s), ` +
        `${matching} matched. Mails caught (${this.mails.length}, last 20 shown):${listing}`,
    );
  }
}

function smtpError(code: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode: code });
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(", ");
}

function safeMatch(predicate: (m: CaughtMail) => boolean, mail: CaughtMail): boolean {
  try {
    return predicate(mail);
  } catch {
    return false;
  }
}
