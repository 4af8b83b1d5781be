import { createHmac, timingSafeEqual } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isInternalAddress } from "../../platform/net/private-address.js";

/** How long a receiver may take to answer before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer the delivery log keeps. */
const SNIPPET_CHARS = 300;

/** The `Atrium-Signature` header of a body sent at `unixSeconds`: `t=<seconds>,v1=<hex HMAC-SHA256>`. */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a receiver does (documented in ADR 0017 and the README): recompute the HMAC over "<t>.<raw
 * body>", compare in constant time, and refuse a timestamp outside the replay window.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signWebhook(secret, t, body).split("v1=")[1] ?? "";
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** The outcome of one POST: the status (null without an answer) and a short, printable snippet. */
export interface WebhookAnswer {
  ok: boolean;
  statusCode: number | null;
  snippet: string;
}

class InternalAddressError extends Error {
  code = "EINTERNAL";
}

/**
 * A DNS lookup that refuses addresses in the installation's own network: used by the connection itself,
 * so the address checked is the address connected to (a name re-pointed inward after it was
 * registered — DNS rebinding — is caught here, at delivery).
 */
function guardedLookup(refuseInternal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      if (refuseInternal && addresses.some((a) => isInternalAddress(a.address)))
        return callback(new InternalAddressError(`${hostname} resolves into the internal network`), "", 4);
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
      return callback(null, first.address, first.family);
    });
  };
}

function printable(text: string): string {
  // Control characters would garble the log's display; tabs and line breaks become spaces.
  const kept = Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    return code < 32 || code === 127 ? " " : c;
  }).join("");
  return kept.replace(/ {2,}/g, " ").trim().slice(0, SNIPPET_CHARS);
}

/**
 * POSTs `body` to `url` with the given headers. Redirects are not followed (a 3xx is a failed attempt);
 * an address inside the installation's network is refused when `refuseInternal`; the answer is read
 * only as far as the snippet needs.
 */
export function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { refuseInternal: boolean; timeoutMs?: number },
): Promise<WebhookAnswer> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // An IP address in the URL is connected to without a lookup: checked here instead.
  if (options.refuseInternal && isIP(host) !== 0 && isInternalAddress(host))
    return Promise.resolve({ ok: false, statusCode: null, snippet: "refused: internal address" });
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: WebhookAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body).toString() },
        lookup: guardedLookup(options.refuseInternal),
        timeout: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < SNIPPET_CHARS * 2) text += chunk;
          else response.destroy();
        });
        const done = () =>
          finish({ ok: status >= 200 && status < 300, statusCode: status, snippet: printable(text) });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    request.on("timeout", () => {
      request.destroy();
      finish({
        ok: false,
        statusCode: null,
        snippet: `timeout after ${options.timeoutMs ?? WEBHOOK_TIMEOUT_MS} ms`,
      });
    });
    request.on("error", (error: Error & { code?: string }) => {
      const what =
        error instanceof InternalAddressError ? "refused: internal address" : (error.code ?? error.message);
      finish({ ok: false, statusCode: null, snippet: printable(`connection failed: ${what}`) });
    });
    request.end(body);
  });
}
