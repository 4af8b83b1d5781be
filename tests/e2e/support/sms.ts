import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import type { Journey } from "./journey";

/** One text message the development provider kept (server/platform/sms/sms.ts). */
export interface KeptSms {
  to: string;
  text: string;
  at: string;
}

/** Every message the app's development SMS provider wrote to `<dataDir>/sms`, oldest first. */
export async function readSms(journey: Pick<Journey, "dataDir">): Promise<KeptSms[]> {
  const dir = path.join(journey.dataDir, "sms");
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  const messages = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as KeptSms),
  );
  return messages.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Polls the development SMS provider until a message to `to` (E.164) sent after `since` arrives, and
 * returns the six-digit code in its text (the newest such message).
 */
export async function waitForSmsCode(
  journey: Pick<Journey, "dataDir">,
  to: string,
  since: Date,
  timeoutMs = 15_000,
): Promise<{ code: string; message: KeptSms }> {
  let found: KeptSms | undefined;
  await expect
    .poll(
      async () => {
        const messages = await readSms(journey);
        found = messages.filter((m) => m.to === to && Date.parse(m.at) >= since.getTime()).at(-1);
        return found !== undefined;
      },
      { timeout: timeoutMs, message: `a text message to ${to} in ${journey.dataDir}/sms` },
    )
    .toBe(true);
  const message = found as KeptSms;
  const code = message.text.match(/\b(\d{6})\b/)?.[1];
  expect(code, `a six-digit code in "${message.text}"`).toBeDefined();
  return { code: code ?? "", message };
}

/** A six-digit code that is certainly not `code`. */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}
