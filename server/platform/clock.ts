import { readFileSync, statSync } from "node:fs";

/** The source of "now" for everything time-based, so tests can move time instead of waiting. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** How often the offset clock looks at its file: cheap enough for every call, prompt enough for a test. */
const OFFSET_RECHECK_MS = 250;

/** Reads an offset file: whole milliseconds, optionally signed; a missing file means no offset. */
function readOffset(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  if (!/^[+-]?\d{1,15}$/.test(text))
    throw new Error(`The test clock file ${file} must hold a whole number of milliseconds, not "${text}".`);
  return Number(text);
}

/**
 * A clock for browser journeys against a started app (ATRIUM_TEST_CLOCK_FILE, never in production):
 * the real time plus an offset in milliseconds read from `file`, so a test moves the server's time by
 * writing that file. The offset is cached and the file looked at again at most every 250 ms (re-read
 * only when it changed); content that does not parse keeps the last good offset. Throws at once when
 * the file exists but does not parse, so a broken set-up stops the start.
 */
export function createFileOffsetClock(file: string, recheckMs = OFFSET_RECHECK_MS): Clock {
  let offsetMs = readOffset(file);
  let checkedAt = Date.now();
  let seen = fileStamp(file);
  return {
    now: () => {
      const real = Date.now();
      if (real - checkedAt >= recheckMs) {
        checkedAt = real;
        const stamp = fileStamp(file);
        if (stamp !== seen) {
          seen = stamp;
          try {
            offsetMs = readOffset(file);
          } catch {
            // A half-written or wrong file: keep the last offset rather than fail every request.
          }
        }
      }
      return new Date(real + offsetMs);
    },
  };
}

// Identifies one version of the file: a rename over it changes the inode, a write its time or size.
function fileStamp(file: string): string {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
  } catch {
    return "missing";
  }
}
