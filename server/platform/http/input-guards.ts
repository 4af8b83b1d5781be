import type { FastifyInstance } from "fastify";
import { AppError, type FieldProblem } from "../errors.js";

// Input that passes a route's schema can still break what comes after it: a multipart body without
// a boundary breaks the multipart parser; a NUL character in text, a number beyond a column's type or
// a reference to a row that is not there breaks the database. The guards stop the first two before
// any handler, naming the field; the mapping turns what still reaches the database into the client's
// error (invalid or conflict) instead of a 500, naming the column when the database says it.

/** The driver's error inside `error` (Drizzle wraps it in `cause`), when it has a SQLSTATE. */
function driverError(error: unknown): { code: string; detail?: string; column?: string } | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e as { code: string };
  }
  return null;
}

/** SQLSTATEs that mean the value sent was wrong (data exceptions, a too large index entry). */
const wrongValueStates = new Set([
  "22001", // string_data_right_truncation: longer than the column allows
  "22003", // numeric_value_out_of_range
  "22007", // invalid_datetime_format
  "22008", // datetime_field_overflow
  "22021", // character_not_in_repertoire: a NUL or invalid UTF-8
  "22023", // invalid_parameter_value
  "22P02", // invalid_text_representation: e.g. not a uuid
  "22P05", // untranslatable_character
  "54000", // program_limit_exceeded: e.g. a value too large for its index
]);

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The column a constraint error names in its detail (`Key (firm_id, email)=(…)` → `email`). */
function columnOf(pg: { detail?: string; column?: string }): string | null {
  if (pg.column) return camel(pg.column);
  const columns = /^Key \(([^)]+)\)=/.exec(pg.detail ?? "")?.[1]?.split(", ");
  const named = columns?.filter((c) => c !== "firm_id").pop();
  return named ? camel(named) : null;
}

/**
 * The client's error for a database error caused by its input, or null for any other error. The
 * field is named when the database tells the column; `request` otherwise.
 */
export function databaseInputError(error: unknown): AppError | null {
  const pg = driverError(error);
  if (!pg) return null;
  const field = columnOf(pg);
  if (pg.code === "23505")
    return new AppError(
      "conflict",
      "errors.conflict",
      {},
      field ? { fields: [{ field, message: "field.taken" }] } : {},
    );
  if (pg.code === "23503" || pg.code === "23502" || pg.code === "23514" || wrongValueStates.has(pg.code)) {
    const problem: FieldProblem = { field: field ?? "request", message: "field.type" };
    return new AppError("invalid", "errors.invalid", {}, { fields: [problem] });
  }
  return null;
}

/** Where text holds a NUL character (which PostgreSQL cannot store): dotted paths below `prefix`. */
function nulPaths(value: unknown, prefix: string): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string, number]> = [[value, prefix, 0]];
  while (stack.length > 0 && found.length < 10) {
    const [item, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof item === "string") {
      if (item.includes("\u0000")) found.push(path);
    } else if (item && typeof item === "object" && depth < 32 && !Buffer.isBuffer(item)) {
      for (const [key, child] of Object.entries(item))
        stack.push([child, path ? `${path}.${key}` : key, depth + 1]);
    }
  }
  return found;
}

/** A multipart content type must say where its parts end (RFC 2046: a boundary of 1 to 70 characters). */
const multipartWithoutBoundary = (contentType: string) =>
  /^\s*multipart\//i.test(contentType) && !/;\s*boundary=(?:"[^"]{1,70}"|[^";\s]{1,70})/i.test(contentType);

/**
 * Refuses, naming the field, before any handler: a multipart body without a boundary (the parser
 * would throw where a route reads its parts), and path, query and JSON-body text with a NUL character.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    const contentType = request.headers["content-type"];
    if (contentType && multipartWithoutBoundary(contentType))
      throw new AppError(
        "invalid",
        "errors.invalid",
        {},
        { fields: [{ field: "body", message: "field.type" }] },
      );
  });
  app.addHook("preHandler", async (request) => {
    const paths = [
      ...nulPaths(request.params, ""),
      ...nulPaths(request.query, ""),
      ...nulPaths(request.body, ""),
    ];
    if (paths.length === 0) return;
    // `*` is the catch-all route's parameter: the whole path.
    const fields = paths.map((field) => ({
      field: field === "*" ? "path" : field || "body",
      message: "field.nul_character",
    }));
    throw new AppError("invalid", "errors.invalid", {}, { fields });
  });
}
