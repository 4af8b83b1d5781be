import type { ScopedTx } from "../../platform/db/scope.js";
import { AppError } from "../../platform/errors.js";

/** The firm the transaction is scoped to; every records query also filters by it. */
export function firmOf(tx: ScopedTx): string {
  const firmId = tx.scope.firmId;
  if (!firmId) throw new Error("records work needs a firm scope");
  return firmId;
}

/** The one answer for a record that is not on the file in the URL (or not of this firm). */
export function recordNotFound(): AppError {
  return new AppError("not_found");
}

/** Whether `error` (raw or wrapped by Drizzle) is a unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === "23505" && pg.constraint === constraint) return true;
  }
  return false;
}
