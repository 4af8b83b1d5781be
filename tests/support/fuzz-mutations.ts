import fc from "fast-check";
import type { Draft, JsonSchema } from "./openapi-fuzz.js";

// SEC-14: the ways a request goes wrong — wrong types, missing or null fields, huge and strange strings,
// extreme numbers, deep nesting, arrays for objects, malformed path segments and query strings, wrong
// content types, empty and malformed JSON. Each takes a valid draft and breaks one thing in it.

/** A request body before it is sent: none, a JSON value, or raw bytes under a content type (null: none). */
export type BodyDraft =
  | { none: true }
  | { json: unknown }
  | { raw: string | Buffer; contentType: string | null };

type Path = Array<string | number>;

const huge = ["x".repeat(100_000), "ü".repeat(100_000), "😀".repeat(50_000), "\u0000".repeat(100_000)];

/** Strings that break naive code: NUL and control characters, bidi, lone surrogates, injections, huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\u0001\u0002\u0003\u001f\u007f",
      "\r\n\t\v\f\b",
      "\u202e\u200b\u2028\u2029\ufeff",
      "\ud800",
      "x\udfffy",
      "😀🏳️‍🌈",
      "Ω≈ç√∫ ſ ß ǅ",
      "<script>alert(1)</script>",
      "' or 1=1 --",
      "'; drop table users; --",
      "../../etc/passwd",
      "%00",
      // A log4j lookup, as attackers send it (a plain string here, not a template).
      "$" + "{jndi:ldap://x}",
      "{{field}}",
      "null",
      "NaN",
      "-1",
      "1e309",
      "0x10",
      "true",
      "[]",
      "{}",
      "\\",
      '"',
      "00000000-0000-0000-0000-000000000000",
    ),
  },
  // Any code point, control characters and lone surrogate halves included (fc.string's `binary` unit
  // does the same but spends seconds preparing its shrinker, which nothing here uses).
  {
    weight: 2,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 40 })
      .map((codes) => codes.map((code) => String.fromCodePoint(code)).join("")),
  },
  { weight: 1, arbitrary: fc.constantFrom(...huge) },
);

const hostileNumber = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  -0.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  -(2 ** 63),
  2 ** 31,
  1e-320,
);

/** Nested `depth` levels deep: objects in objects or arrays in arrays. */
function nested(depth: number, array: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
  return value;
}

/** Any JSON value a schema does not expect: hostile strings and numbers, empty or deep or wide containers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  {
    weight: 2,
    arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], { "": "" }, ["a"], [null], { a: null }),
  },
  { weight: 1, arbitrary: fc.boolean().map((array) => nested(100, array)) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, (_, i) => `item ${i}`)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Every path to a value inside `value` (not the root), down to depth 4. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (prefix.length >= 4 || value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** The paths of required keys the schema has and the value holds. */
function requiredPaths(schema: JsonSchema | null, value: unknown, prefix: Path = []): Path[] {
  if (!schema || value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const own = (schema.required ?? []).filter((k) => k in record).map((k) => [...prefix, k]);
  const nested = Object.entries(schema.properties ?? {}).flatMap(([k, s]) =>
    k in record ? requiredPaths(s, record[k], [...prefix, k]) : [],
  );
  return [...own, ...nested];
}

/** A copy of `value` with the thing at `path` replaced (or removed when `replacement` is `remove`). */
function changedAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = changedAt(copy[head], rest, replacement, remove);
  return copy;
}

/** Percent-encodes a string byte by byte (lone surrogates become U+FFFD, as a browser would send them). */
export function percentEncode(text: string): string {
  // A lone surrogate half cannot be encoded: replace it first (what TextEncoder does too).
  return encodeURIComponent(
    text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"),
  );
}

const malformedJson = [
  "",
  " ",
  "{",
  "}",
  "[",
  '{"a":}',
  '{"a" 1}',
  "{'a': 1}",
  "nul",
  "undefined",
  "NaN",
  '{"a":NaN}',
  '{"a":Infinity}',
  "{} trailing",
  "\ufeff{}",
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
  "\u0000",
  `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`,
];

/** JSON text no JSON.stringify makes: numbers beyond doubles, NaN, and nesting deeper than a stack. */
const rawValues = [
  "NaN",
  "Infinity",
  "-Infinity",
  "1e999",
  "-1e999",
  "123456789012345678901234567890",
  "-0",
  "1E400",
  "0.1e-400",
  `${'{"a":'.repeat(3_000)}1${"}".repeat(3_000)}`,
  `${"[".repeat(20_000)}1${"]".repeat(20_000)}`,
];

const contentTypes = [
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=zzz",
  "application/json; charset=utf-16",
  "application/jsonx",
  "application/octet-stream",
  "*/*",
  "a/b/c",
  "json",
  "application/json, text/plain",
];

/** A multipart body (well-formed or truncated) with random fields and a file of random bytes. */
const multipartBody = fc
  .record({
    fields: fc.array(fc.tuple(fc.stringMatching(/^[a-zA-Z]{1,12}$/), hostileString), { maxLength: 4 }),
    file: fc.uint8Array({ maxLength: 2_000 }),
    fileName: hostileString,
    truncated: fc.boolean(),
  })
  .map(({ fields, file, fileName, truncated }) => {
    const b = "fuzzboundary";
    const parts = fields.map(
      ([name, value]) => `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    const head = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.slice(0, 200)}"\r\nContent-Type: application/pdf\r\n\r\n`;
    const all = Buffer.concat([
      Buffer.from(parts.join("") + head),
      Buffer.from(file),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    return {
      raw: truncated ? all.subarray(0, Math.floor(all.length / 2)) : all,
      contentType: `multipart/form-data; boundary=${b}`,
    };
  });

/** One broken thing in the body: a field's type or value, a missing or unknown key, the JSON, the type. */
export function bodyMutations(draft: Draft, schema: JsonSchema | null): fc.Arbitrary<Draft> {
  const json = "json" in draft.body ? draft.body.json : undefined;
  const paths = pathsOf(json);
  const required = requiredPaths(schema, json);
  const text = json === undefined ? "{}" : JSON.stringify(json);
  const withBody = (kind: string) => (body: BodyDraft) => ({ ...draft, kind: `body:${kind}`, body });
  const options: Array<fc.WeightedArbitrary<Draft>> = [
    { weight: 2, arbitrary: hostileValue.map((v) => withBody("root")({ json: v })) },
    { weight: 1, arbitrary: fc.constant(withBody("array-for-object")({ json: [json ?? {}] })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom("zz", "__proto__", "constructor", "prototype", "", "a.b", "😀", "toString"),
          hostileValue,
        )
        .map(([key, v]) =>
          withBody("unknown-key")({
            raw: `{${JSON.stringify(key)}:${JSON.stringify(v) ?? "null"}${text.length > 2 ? `,${text.slice(1)}` : "}"}`,
            contentType: "application/json",
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...malformedJson)
        .map((raw) => withBody("malformed-json")({ raw, contentType: "application/json" })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...contentTypes, null)
        .map((contentType) => withBody("content-type")({ raw: text, contentType })),
    },
    { weight: 1, arbitrary: multipartBody.map(withBody("multipart")) },
  ];
  if (paths.length > 0) {
    const at = fc.constantFrom(...paths);
    options.push(
      {
        weight: 5,
        arbitrary: fc
          .tuple(at, hostileValue)
          .map(([p, v]) => withBody("field")({ json: changedAt(json, p, v) })),
      },
      { weight: 1, arbitrary: at.map((p) => withBody("null")({ json: changedAt(json, p, null) })) },
      {
        weight: 1,
        arbitrary: fc.tuple(at, fc.constantFrom(...rawValues)).map(([p, number]) => {
          const marked = JSON.stringify(changedAt(json, p, "__NUMBER__"));
          return withBody("raw-value")({
            raw: marked.replace('"__NUMBER__"', number),
            contentType: "application/json",
          });
        }),
      },
    );
  }
  if (required.length > 0)
    options.push({
      weight: 3,
      arbitrary: fc
        .constantFrom(...required)
        .map((p) => withBody("missing-required")({ json: changedAt(json, p, undefined, true) })),
    });
  return fc.oneof(...options);
}

/** One broken path parameter: not a uuid, far too long, traversal, NUL, bad percent-encoding, another kind's id. */
export function pathMutations(draft: Draft, names: string[]): fc.Arbitrary<Draft> {
  const values = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "abc",
        "1",
        "-1",
        "0",
        "null",
        "undefined",
        "x".repeat(1_000),
        "..",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e",
        "%00",
        "%ZZ",
        "%",
        "%F0%9F%98%80",
        "%20",
        "%u0000",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "00000000-0000-0000-0000-00000000000g",
        "{id}",
      ),
    },
    { weight: 2, arbitrary: hostileString.map((s) => percentEncode(s.slice(0, 2_000)) || "%20") },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...Object.values(draft.path))
        .chain((id) =>
          fc.constantFrom(id.toUpperCase(), `${id}x`, id.slice(0, -1), `${id}%00`, `%20${id}`, `${id}.json`),
        ),
    },
  );
  return fc.tuple(fc.constantFrom(...names), values).map(([name, value]) => ({
    ...draft,
    kind: "path",
    path: { ...draft.path, [name]: value },
  }));
}

/** One broken query: an unknown or repeated parameter, a hostile value, malformed percent-encoding. */
export function queryMutations(draft: Draft, names: string[]): fc.Arbitrary<Draft> {
  const name = names.length > 0 ? fc.constantFrom(...names) : fc.constant("q");
  const unknown = fc.constantFrom("zz", "__proto__", "constructor", "hasOwnProperty", "", "a[b]", "😀");
  return fc.oneof(
    fc.tuple(unknown, hostileString).map(
      ([k, v]): Draft => ({
        ...draft,
        kind: "query:unknown",
        query: [...draft.query, [k, v.slice(0, 2_000)]],
      }),
    ),
    fc.tuple(name, hostileString).map(
      ([k, v]): Draft => ({
        ...draft,
        kind: "query:value",
        query: [...draft.query.filter(([q]) => q !== k), [k, v]],
      }),
    ),
    name.map(
      (k): Draft => ({ ...draft, kind: "query:repeated", query: [...draft.query, [k, "1"], [k, "2"]] }),
    ),
    fc
      .tuple(
        name,
        fc.constantFrom(
          "%",
          "%ZZ",
          "%E0%A4%A",
          "%00",
          "NaN",
          "Infinity",
          "-1",
          "1e309",
          "0x10",
          "",
          "=",
          "1=2",
          "%C0%AE",
        ),
      )
      .map(([k, v]): Draft => ({ ...draft, kind: "query:raw", rawQuery: `${percentEncode(k)}=${v}` })),
  );
}
