import type { FuzzRequest, Operation } from "./openapi-fuzz.js";

// SEC-14: what counts as a right answer to a fuzzed request. No 5xx ever. A 400 must be a clear
// `invalid`: a translated message, and a non-empty list of fields, each naming something the client
// can find in its request (a path or query parameter, a documented body property, a key it sent, or
// the body as a whole) with a translated message of its own. Other refusals: 401, 403, 404, 409, 413,
// 415 and 429. Any other status is a finding.

/** The statuses besides 2xx, 3xx and 400 an API may refuse hostile input with. */
export const acceptableRefusals = new Set([401, 403, 404, 409, 413, 415, 429]);

/** A message key that reached the client untranslated: `field.too_long`, `errors.invalid`. */
const rawKey = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/i;

/** What a translated message must not be or contain. */
function messageProblem(message: unknown): string | null {
  if (typeof message !== "string" || message.trim() === "") return "an empty message";
  if (rawKey.test(message.trim())) return `an untranslated message ${JSON.stringify(message)}`;
  if (/\{\{|\[object Object\]|\bundefined\b|\bNaN\b/.test(message))
    return `a message with an unfilled or broken placeholder ${JSON.stringify(message)}`;
  return null;
}

/** The top-level keys a JSON payload had (none if it was not a JSON object). */
function sentBodyKeys(request: FuzzRequest): string[] {
  const payload = request.payload;
  if (typeof payload !== "string" || payload.length > 2_000_000) return [];
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
  } catch {
    return [];
  }
}

/** The query parameter names the URL carried, decoded where the encoding is valid. */
function sentQueryKeys(url: string): string[] {
  const query = url.split("?")[1] ?? "";
  return query.split("&").map((pair) => {
    const key = pair.split("=")[0] ?? "";
    try {
      return decodeURIComponent(key);
    } catch {
      return key;
    }
  });
}

/** Every name a field of a 400 may start with for this operation and request. */
function nameableFields(op: Operation, request: FuzzRequest): string[] {
  return [
    // The parts of a request as a whole, for a problem with no one key (an empty key, say).
    "body",
    "query",
    "path",
    ...op.pathParams.map((p) => p.name),
    ...op.queryParams.map((p) => p.name),
    ...Object.keys(op.body?.schema.properties ?? {}),
    ...sentBodyKeys(request),
    ...sentQueryKeys(request.url),
  ].filter((name) => name !== "");
}

/** Whether `field` names something of the request: a known name, or a dotted path below one. */
function namesSomething(field: string, names: string[], undocumentedBody: boolean): boolean {
  if (names.some((name) => field === name || field.startsWith(`${name}.`))) return true;
  // A multipart form's fields are not in the document: accept a plain form-field name there.
  return undocumentedBody && /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/.test(field);
}

/** Why the answer breaks SEC-14, or null when it is a right answer. */
export function problemOf(
  op: Operation,
  request: FuzzRequest,
  answer: { status: number; body: string },
): string | null {
  const { status } = answer;
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return null;
  if (status !== 400) return acceptableRefusals.has(status) ? null : `unexpected status ${status}`;
  let body: { error?: { code?: unknown; message?: unknown; details?: { fields?: unknown } } };
  try {
    body = JSON.parse(answer.body);
  } catch {
    return "400 without a JSON error body";
  }
  const error = body.error;
  if (error?.code !== "invalid") return `400 with code ${JSON.stringify(error?.code)}, not "invalid"`;
  const topMessage = messageProblem(error.message);
  if (topMessage) return `400 with ${topMessage}`;
  const fields = error.details?.fields;
  if (!Array.isArray(fields) || fields.length === 0) return "400 naming no field";
  const names = nameableFields(op, request);
  const undocumentedBody = op.body === null && op.method !== "GET";
  for (const entry of fields as Array<{ field?: unknown; message?: unknown }>) {
    if (typeof entry.field !== "string" || entry.field.trim() === "")
      return `400 with an empty field name (${JSON.stringify(entry)})`;
    if (!namesSomething(entry.field, names, undocumentedBody))
      return `400 naming field ${JSON.stringify(entry.field)}, which is nothing of the request`;
    const problem = messageProblem(entry.message);
    if (problem) return `400 field ${JSON.stringify(entry.field)} with ${problem}`;
  }
  return null;
}
