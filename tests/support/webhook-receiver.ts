import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a test receiver got. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on 127.0.0.1: records every request and answers with the statuses planned per path. */
export interface WebhookReceiver {
  url(path: string): string;
  received: ReceivedWebhook[];
  /** The next answers for `path`, in order; afterwards 200. */
  plan(path: string, statuses: number[]): void;
  /** Answers `status` for `path` from now on. */
  always(path: string, status: number): void;
  on(path: string): ReceivedWebhook[];
  stop(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const planned = new Map<string, number[]>();
  const fixed = new Map<string, number>();
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, body });
      const status = planned.get(path)?.shift() ?? fixed.get(path) ?? 200;
      response.writeHead(status, { "content-type": "text/plain" });
      response.end(status < 300 ? "ok" : `receiver says no (${status})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    plan: (path, statuses) => void planned.set(path, [...statuses]),
    always: (path, status) => void fixed.set(path, status),
    on: (path) => received.filter((r) => r.path === path),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Polls `check` until it answers a truthy value (or fails after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
