import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** One text message as it was handed to the provider. */
export interface SentSms {
  to: string;
  text: string;
  at: string;
}

/** Sends text messages (SMS codes, seed 003); a small interface so no vendor is tied in. */
export interface SmsSender {
  /** Sends `text` to an E.164 number; throws when the provider refuses. */
  send(to: string, text: string): Promise<void>;
}

/**
 * Development and tests: keeps every message in memory (newest last) and writes it as a JSON file to
 * `dir`, where a developer can read it — no message leaves the machine.
 */
export class DevSms implements SmsSender {
  readonly messages: SentSms[] = [];

  constructor(private readonly dir: string | null) {}

  async send(to: string, text: string): Promise<void> {
    const message = { to, text, at: new Date().toISOString() };
    this.messages.push(message);
    if (this.messages.length > 1000) this.messages.shift();
    if (!this.dir) return;
    await mkdir(this.dir, { recursive: true });
    const name = `${message.at.replace(/[:.]/g, "-")}-${to.replace(/\D/g, "")}.json`;
    await writeFile(path.join(this.dir, name), JSON.stringify(message, null, 2), { mode: 0o600 });
  }
}

/**
 * Production: an HTTP gateway. POSTs `{ to, text }` as JSON with the bearer token; any 2xx counts as
 * accepted. Most SMS vendors offer such an endpoint, or a small relay gives one.
 */
export function createHttpSms(url: string, token: string | undefined): SmsSender {
  return {
    async send(to, text) {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

/** +49 151 2345678 → +49 •••• ••78: enough to recognise one's own number, not to learn it. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 3)} •••• ••${e164.slice(-2)}`;
}
