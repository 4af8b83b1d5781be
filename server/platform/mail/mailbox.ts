import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  type CaughtMail,
  type CaughtMailSummary,
  caughtMailSchema,
  caughtMailSummarySchema,
} from "../../../contracts/dev-mailbox.js";

/**
 * The on-disk development mailbox: one `<id>.json` per caught mail (what the API shows) and one
 * `<id>.eml` with the raw message. Ids start with the arrival time, so sorting names sorts by time.
 */

/** A caught-mail id: 13-digit epoch milliseconds, a per-process sequence and random hex. */
export const caughtMailIdPattern = /^\d{13}-[0-9a-f]{12}$/;

let lastMillis = 0;
let sequence = 0;

/** A new time-ordered, unique caught-mail id (strictly increasing within this process). */
export function newCaughtMailId(now: number = Date.now()): string {
  // The clock may step back or several mails may land in one millisecond; never reuse or reorder.
  if (now > lastMillis) {
    lastMillis = now;
    sequence = 0;
  } else if (++sequence > 0xffff) {
    lastMillis += 1;
    sequence = 0;
  }
  const seq = sequence.toString(16).padStart(4, "0");
  return `${String(lastMillis).padStart(13, "0")}-${seq}${randomBytes(4).toString("hex")}`;
}

/** Whether a string is a well-formed caught-mail id (ids come from URLs, so this guards file paths). */
export function isCaughtMailId(id: string): boolean {
  return caughtMailIdPattern.test(id);
}

/** Stores one caught mail; the JSON appears atomically, so a reader never sees half a file. */
export async function writeCaughtMail(
  storeDir: string,
  mail: CaughtMail & { raw?: Buffer | string },
): Promise<void> {
  if (!isCaughtMailId(mail.id)) throw new Error(`Invalid caught-mail id "${mail.id}"`);
  await fs.mkdir(storeDir, { recursive: true });
  const { raw, ...record } = mail;
  if (raw !== undefined) await fs.writeFile(path.join(storeDir, `${mail.id}.eml`), raw);
  const temporary = path.join(storeDir, `.${mail.id}.json.tmp`);
  await fs.writeFile(temporary, JSON.stringify(record));
  await fs.rename(temporary, path.join(storeDir, `${mail.id}.json`));
}

/** The newest caught mails first, at most `limit`; an absent directory is an empty mailbox. */
export async function listCaughtMails(storeDir: string, limit = 200): Promise<CaughtMailSummary[]> {
  let names: string[];
  try {
    names = await fs.readdir(storeDir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter(isCaughtMailId)
    .sort()
    .reverse()
    .slice(0, Math.max(0, Math.floor(limit)));
  const summaries = await Promise.all(
    ids.map(async (id) => {
      const parsed = caughtMailSummarySchema.safeParse(await readJson(storeDir, id));
      return parsed.success ? { ...parsed.data, id } : null;
    }),
  );
  return summaries.filter((summary): summary is CaughtMailSummary => summary !== null);
}

/** One caught mail by id, or null if the id is malformed, unknown or its file unreadable. */
export async function readCaughtMail(storeDir: string, id: string): Promise<CaughtMail | null> {
  if (!isCaughtMailId(id)) return null;
  const parsed = caughtMailSchema.safeParse(await readJson(storeDir, id));
  return parsed.success ? { ...parsed.data, id } : null;
}

async function readJson(storeDir: string, id: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(path.join(storeDir, `${id}.json`), "utf8"));
  } catch (error) {
    // A missing file or one cut short by a crash is simply not shown; other I/O errors are real.
    if (isNotFound(error) || error instanceof SyntaxError) return null;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}
