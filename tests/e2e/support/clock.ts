import { rename, writeFile } from "node:fs/promises";

/** A day in milliseconds, for moving the app's clock by whole days. */
export const dayMs = 24 * 60 * 60 * 1000;

/**
 * Writes the offset the app's test clock reads (server/platform/clock.ts): to a temporary file first,
 * then renamed over the old one, so the app never reads half a number.
 */
export async function writeClockOffset(file: string, offsetMs: number): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${Math.round(offsetMs)}\n`);
  await rename(temporary, file);
}
