import fc from "fast-check";
import {
  type BodyDraft,
  bodyMutations,
  hostileString,
  pathMutations,
  percentEncode,
  queryMutations,
} from "./fuzz-mutations.js";

// SEC-14: requests generated from the OpenAPI document. Valid values come from each JSON schema (types,
// formats, enums, bounds, required keys) with the world's real ids in place of uuids most of the time;
// mutations break them in the ways a hostile or careless client does (see fuzz-mutations.ts).

/** The subset of JSON Schema the zod-generated document uses. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

/** One operation of the document: method, path template, parameters and JSON body schema (if any). */
export interface Operation {
  method: string;
  path: string;
  /** `POST /api/grants/{id}`: how the operation is named in logs and failures. */
  key: string;
  tags: string[];
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body schema; null when the operation documents no JSON body (none, or multipart). */
  body: { schema: JsonSchema; required: boolean } | null;
  /** The operation declares a security scheme (an API key as bearer token) instead of the session. */
  apiKey: boolean;
}

interface OpenApiOperation {
  tags?: string[];
  security?: Array<Record<string, unknown>>;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation of an OpenAPI document, in document order. */
export function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const methods = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.has(method))
      .map(([method, op]) => {
        const parameters = op.parameters ?? [];
        const json = op.requestBody?.content?.["application/json"]?.schema;
        return {
          method: method.toUpperCase(),
          path,
          key: `${method.toUpperCase()} ${path}`,
          tags: op.tags ?? [],
          pathParams: parameters.filter((p) => p.in === "path"),
          queryParams: parameters.filter((p) => p.in === "query"),
          body: json ? { schema: json, required: op.requestBody?.required === true } : null,
          apiKey: (op.security ?? []).length > 0,
        };
      }),
  );
}

const dayMs = 86_400_000;
const dateArb = fc
  .integer({ min: Date.UTC(1900, 0, 1) / dayMs, max: Date.UTC(2099, 11, 31) / dayMs })
  .map((day) => new Date(day * dayMs).toISOString().slice(0, 10));
const dateTimeArb = fc
  .integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms).toISOString());
const emailArb = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.constantFrom("example.test", "fuzz.test"))
  .filter(([local]) => !local.includes(".."))
  .map(([local, domain]) => `${local}@${domain}`);

/**
 * Printable characters from every plane. Not fc.string's `grapheme` unit: that one maps the whole
 * code space for shrinking each time it is built (seconds per operation), and nothing here shrinks.
 */
const codePoint = fc
  .oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0xa0, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xfffd }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .map((code) => String.fromCodePoint(code));

function unicodeText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(codePoint, { minLength, maxLength }).map((chars) => chars.join(""));
}

/** A uuid: one of the world's ids most of the time (so requests reach real rows), else a random one. */
function uuidArb(pool: readonly string[]): fc.Arbitrary<string> {
  if (pool.length === 0) return fc.uuid();
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid() });
}

function stringArb(s: JsonSchema, pool: readonly string[]): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 2_000;
  if (s.format === "uuid") return uuidArb(pool);
  if (s.format === "date") return dateArb;
  if (s.format === "date-time") return dateTimeArb;
  if (s.format === "email") return emailArb.filter((e) => e.length <= max);
  if (s.pattern)
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
  const short = Math.min(max, min + 30);
  // The longest value the schema allows (up to 100,000): a boundary a column or an index must hold too.
  const longest = Math.min(max, 100_000);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: short }) },
    { weight: 2, arbitrary: unicodeText(min, short).filter((v) => v.length <= max) },
    { weight: 1, arbitrary: fc.constantFrom("x", "ü", "😀").map((c) => c.repeat(longest).slice(0, longest)) },
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lowest = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum : s.minimum;
  const highest = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum : s.maximum;
  if (integer) {
    const min = lowest === undefined ? -1e9 : Math.ceil(lowest + (s.exclusiveMinimum !== undefined ? 1 : 0));
    const max =
      highest === undefined ? 1e9 : Math.floor(highest - (s.exclusiveMaximum !== undefined ? 1 : 0));
    return fc.integer({ min, max });
  }
  return fc.double({
    min: lowest ?? -1e9,
    max: highest ?? 1e9,
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** A value the schema accepts (as far as a JSON schema can tell), with uuids drawn from `pool`. */
export function validValue(s: JsonSchema, pool: readonly string[]): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if ("const" in s) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validValue(a, pool)));
  if (s.allOf) return validValue(Object.assign({}, ...s.allOf), pool);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...s, type }, pool)));
  switch (types[0]) {
    case "string":
      return stringArb(s, pool);
    case "integer":
      return numberArb(s, true);
    case "number":
      return numberArb(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? min + 4, min + 4);
      return fc.array(validValue(s.items ?? {}, pool), { minLength: min, maxLength: max });
    }
    case "object":
      return objectArb(s, pool);
    default:
      return s.properties ? objectArb(s, pool) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(s: JsonSchema, pool: readonly string[]): fc.Arbitrary<unknown> {
  const properties = s.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0 && s.additionalProperties !== false) {
    const values = typeof s.additionalProperties === "object" ? s.additionalProperties : {};
    const keys = s.propertyNames ? validValue(s.propertyNames, pool) : fc.string({ maxLength: 20 });
    return fc.dictionary(keys as fc.Arbitrary<string>, validValue(values, pool), { maxKeys: 4 });
  }
  const model = Object.fromEntries(names.map((name) => [name, validValue(properties[name] ?? {}, pool)]));
  const requiredKeys = (s.required ?? []).filter((name) => name in properties);
  return fc.record(model, { requiredKeys });
}

/** What one generated case sends through app.inject, and what kind of case it is (for the log). */
export interface FuzzRequest {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Sent as the other kind of actor (a portal account on a back-office route, or the reverse). */
  otherActor: boolean;
  /** Sent without the session cookie even though the route is not public. */
  anonymous: boolean;
}

/** The parts of a request before it is put together: path values are URL-ready, the body a draft. */
export interface Draft {
  kind: string;
  path: Record<string, string>;
  query: Array<[string, string]>;
  /** Appended to the query string as it is (malformed percent-encoding and the like). */
  rawQuery: string;
  body: BodyDraft;
  headers: Record<string, string>;
  otherActor: boolean;
  anonymous: boolean;
}

/** A valid draft: schema-valid path, query and body; real ids in the path most of the time. */
function validDraft(op: Operation, idFor: (param: string) => string | undefined, pool: readonly string[]) {
  const path = fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => {
        const own = idFor(p.name);
        const choices = own
          ? fc.oneof({ weight: 6, arbitrary: fc.constant(own) }, { weight: 1, arbitrary: uuidArb(pool) })
          : uuidArb(pool);
        return [p.name, choices];
      }),
    ),
  );
  const query = fc
    .record(Object.fromEntries(op.queryParams.map((p) => [p.name, validValue(p.schema ?? {}, pool)])), {
      requiredKeys: op.queryParams.filter((p) => p.required).map((p) => p.name),
    })
    .map((values) =>
      Object.entries(values).map(([k, v]): [string, string] => [
        k,
        typeof v === "string" ? v : JSON.stringify(v),
      ]),
    );
  const body: fc.Arbitrary<BodyDraft> = op.body
    ? validValue(op.body.schema, pool).map((value) => ({ json: value }))
    : fc.constant(op.method === "GET" || op.method === "DELETE" ? { none: true } : { json: {} });
  const language = fc.constantFrom("en", "de", "fr");
  return fc.record({ path, query, body, language }).map(
    ({ path, query, body, language }): Draft => ({
      kind: "valid",
      path,
      query,
      rawQuery: "",
      body,
      headers: { "accept-language": language },
      otherActor: false,
      anonymous: false,
    }),
  );
}

/** Every case of one operation: about a third valid, the rest mutations of a valid draft. */
export function caseArbitrary(
  op: Operation,
  idFor: (param: string) => string | undefined,
  pool: readonly string[],
): fc.Arbitrary<FuzzRequest> {
  const valid = validDraft(op, idFor, pool);
  const mutate = (draft: Draft): fc.Arbitrary<Draft> => {
    const read = op.method === "GET";
    const options: Array<fc.WeightedArbitrary<Draft>> = [
      {
        weight: read ? 3 : 1,
        arbitrary: queryMutations(
          draft,
          op.queryParams.map((p) => p.name),
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({
            otherActor: fc.boolean(),
            anonymous: fc.boolean(),
            language: fc.oneof(hostileString, fc.constant("")),
          })
          .map(({ otherActor, anonymous, language }) => ({
            ...draft,
            kind: anonymous ? "anonymous" : otherActor ? "other-actor" : "accept-language",
            otherActor,
            anonymous,
            headers: {
              ...draft.headers,
              "accept-language": otherActor || anonymous ? "en" : headerSafe(language),
            },
          })),
      },
    ];
    if (!read) options.push({ weight: 4, arbitrary: bodyMutations(draft, op.body?.schema ?? null) });
    if (op.pathParams.length > 0)
      options.push({
        weight: 2,
        arbitrary: pathMutations(
          draft,
          op.pathParams.map((p) => p.name),
        ),
      });
    return fc.oneof(...options);
  };
  return fc
    .oneof({ weight: 1, arbitrary: valid }, { weight: 2, arbitrary: valid.chain(mutate) })
    .map((draft) => toRequest(op, draft));
}

/** Header values may not carry control characters or non-Latin-1: keep what a client could send. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, "?").slice(0, 8_000);
}

/** Puts a draft together into the request app.inject sends. */
export function toRequest(op: Operation, draft: Draft): FuzzRequest {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => draft.path[name] ?? "");
  const query = draft.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`);
  if (draft.rawQuery) query.push(draft.rawQuery);
  const url = query.length > 0 ? `${path}?${query.join("&")}` : path;
  const headers = { ...draft.headers };
  let payload: string | Buffer | undefined;
  const body = draft.body;
  if ("json" in body) {
    payload = JSON.stringify(body.json) ?? "null";
    headers["content-type"] ??= "application/json";
  } else if ("raw" in body) {
    payload = body.raw;
    if (body.contentType !== null) headers["content-type"] = body.contentType;
  }
  return {
    kind: draft.kind,
    method: op.method,
    url,
    headers,
    payload,
    otherActor: draft.otherActor,
    anonymous: draft.anonymous,
  };
}
