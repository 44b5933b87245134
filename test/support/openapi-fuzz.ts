import fc from 'fast-check';
import { Operation, Parameter, resolve, Schema } from './openapi-schema';
import { anyJson, asciiString, FuzzContext, nastyString, validValue } from './openapi-values';

export type { FuzzContext } from './openapi-values';

/**
 * fast-check arbitraries for whole requests to one OpenAPI operation: bodies derived from its
 * request schema and the hostile variants a client can send instead (wrong types, an array for an
 * object, missing and extra fields, huge strings, deep nesting, awkward unicode, nulls), path and
 * query parameters (fixture ids, garbage, injection, forged cursors), and headers.
 */
export const PRINCIPALS = ['admin', 'hero', 'cio', 'advisor', 'manager', 'apiKey', 'anonymous'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

export interface FuzzRequest {
  principal: PrincipalName;
  /** Path with parameters substituted and encoded. */
  url: string;
  headers: Record<string, string>;
  /** Raw JSON text (so that hostile shapes survive), or undefined for no body. */
  body?: string;
  label: string;
}

/** Keys a client might try to smuggle in (mass assignment) or that attack the parser. */
const SMUGGLED_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'state',
  'version',
  'roles',
  'proposerId',
  'riskLevel',
  'isAdmin',
  '',
];

/** Bodies for an operation: mostly valid-looking, the rest hostile. Returned as raw JSON text. */
export function bodyArbitrary(ctx: FuzzContext, schema: Schema | undefined): fc.Arbitrary<{ label: string; body?: string }> {
  // Mutations start from plain bodies half of the time: one wrong part in an otherwise valid body reaches the service.
  const valid = fc.oneof(validValue(ctx, schema ?? { type: 'object' }), validValue({ ...ctx, plain: true }, schema ?? { type: 'object' }));
  const s = resolve(ctx.doc, schema ?? { type: 'object' });
  const keys = Object.keys(s.properties ?? {});
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const obj = valid.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}));
  const tagged = (label: string, a: fc.Arbitrary<string | undefined>) => a.map((body) => ({ label, body }));
  const patched = (label: string, key: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>) =>
    tagged(
      label,
      fc.tuple(obj, key, value).map(([o, k, v]) => withKey(o, k, v)),
    );
  const someKey = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  // Properties whose schema is an object (a nested DTO): class-validator's @ValidateNested lets arrays through.
  const objectKeys = keys.filter((k) => {
    const p = resolve(ctx.doc, (s.properties as Record<string, Schema>)[k]);
    return p.type === 'object' || p.properties !== undefined || Array.isArray(p.allOf);
  });
  const arrayForObject = fc
    .tuple(obj, fc.constantFrom(...(objectKeys.length > 0 ? objectKeys : ['x'])), fc.constantFrom('[]', '[{}]', '[[]]'))
    .map(([o, k, raw]) => withRaw(o, k, raw === '[{}]' && o[k] !== undefined ? `[${JSON.stringify(o[k])}]` : raw));
  return fc.oneof(
    {
      weight: 2,
      arbitrary: tagged(
        'valid-looking',
        valid.map((v) => JSON.stringify(v)),
      ),
    },
    { weight: 2, arbitrary: patched('wrong type', someKey, anyJson) },
    {
      weight: 1,
      arbitrary: tagged(
        'missing required',
        fc.tuple(obj, required.length > 0 ? fc.constantFrom(...required) : fc.constant('')).map(([o, k]) => {
          const { [k]: _dropped, ...rest } = o;
          return JSON.stringify(rest);
        }),
      ),
    },
    { weight: objectKeys.length > 0 ? 1 : 0, arbitrary: tagged('array for object', arrayForObject) },
    { weight: 1, arbitrary: patched('extra field', fc.oneof(fc.constantFrom(...SMUGGLED_KEYS), asciiString(20)), anyJson) },
    { weight: 1, arbitrary: patched('unicode', someKey, fc.oneof(nastyString, fc.string({ unit: 'binary', maxLength: 50 }))) },
    { weight: 1, arbitrary: patched('null', someKey, fc.constant(null)) },
    {
      weight: 1,
      arbitrary: patched(
        'huge string',
        someKey,
        fc.constantFrom(20_000, 200_000).map((n) => 'x'.repeat(n)),
      ),
    },
    {
      weight: 1,
      arbitrary: tagged(
        'deep nesting',
        fc.tuple(obj, someKey, fc.integer({ min: 20, max: 3000 })).map(([o, k, n]) => withRaw(o, k, nested(n))),
      ),
    },
    {
      weight: 1,
      arbitrary: tagged(
        'not an object',
        fc.oneof(
          fc.constantFrom('null', '[]', '"text"', '42', 'true', '[{}]', '{"a":1,"a":2}', '', '{'),
          obj.map((o) => `[${JSON.stringify(o)}]`),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.constant({ label: 'no body', body: undefined }) },
  );
}

/** JSON text of `o` with `key` set to `value`, written as an own key even for "__proto__". */
function withKey(o: Record<string, unknown>, key: string, value: unknown): string {
  return withRaw(o, key, JSON.stringify(value) ?? 'null');
}

function withRaw(o: Record<string, unknown>, key: string, rawValue: string): string {
  const { [key]: _replaced, ...rest } = o;
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head}${head.length > 1 ? ',' : ''}${JSON.stringify(key)}:${rawValue}}`;
}

/** `{"a":{"a":…1…}}` n levels deep, built as text so no recursion is needed on this side. */
export function nested(levels: number, kind: 'object' | 'array' = 'object'): string {
  return kind === 'object' ? '{"a":'.repeat(levels) + '1' + '}'.repeat(levels) : '['.repeat(levels) + '1' + ']'.repeat(levels);
}

const INVALID_IDS = [
  '0',
  '-1',
  'null',
  "' OR 1=1--",
  '..%2f..%2fetc%2fpasswd',
  'x'.repeat(300),
  '😀',
  '00000000-0000-0000-0000-000000000000',
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
];

/** Path parameter values: known fixture ids (so that handlers get past the 404), random uuids, garbage. */
export function pathParamArbitrary(known: string[], hostile: boolean): fc.Arbitrary<string> {
  const knownOrRandom = known.length > 0 ? fc.constantFrom(...known) : fc.uuid({ version: 4 });
  if (!hostile) return knownOrRandom;
  const garbage = fc.oneof(fc.constantFrom(...INVALID_IDS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }));
  return fc.oneof(
    { weight: 2, arbitrary: knownOrRandom },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    { weight: 2, arbitrary: garbage },
  );
}

/** Cursors are opaque base64url JSON: forge plausible ones and ones whose members carry SQL or the wrong types. */
const forgedCursor = fc
  .record({
    v: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom("' OR 1=1--", '2026-13-45', '', 'infinity', '99999-01-01T00:00:00Z', '1'),
      fc.integer(),
    ),
    id: fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom("x' OR '1'='1", '', '1')),
  })
  .map((c) => Buffer.from(JSON.stringify(c)).toString('base64url'));

/** A query parameter: absent, valid-looking, or (when hostile) garbage, injection and repeated keys (Express makes those arrays). */
export function queryValueArbitrary(ctx: FuzzContext, p: Parameter, hostile: boolean): fc.Arbitrary<string[] | undefined> {
  const valid =
    p.name === 'cursor'
      ? fc.constant(undefined)
      : validValue(ctx, p.schema, 0, p.name).map((v) => [typeof v === 'string' ? v : JSON.stringify(v)]);
  if (!hostile) return fc.option(valid, { nil: undefined, freq: 2 });
  const bad = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }).map((v) => [v]),
    nastyString.filter((v) => !/[\ud800-\udfff]/.test(v)).map((v) => [v]),
    fc.constantFrom<string[]>(['1', '2'], ['', ''], ['x'.repeat(5000)], ['-1'], ['1e999'], ['true'], ['[object Object]']),
    forgedCursor.map((c) => [c]),
  );
  return fc
    .option(fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: bad }), { nil: undefined, freq: 2 })
    .map((v) => v ?? undefined);
}

/** Marks an If-Match that the sender replaces with the resource's current ETag. */
export const CURRENT_ETAG = '<current>';

/** Headers a client controls that the API reads: If-Match, Idempotency-Key, Accept, X-Request-Id. */
export function headersArbitrary(hostile: boolean): fc.Arbitrary<Record<string, string>> {
  const ifMatch = hostile
    ? fc.oneof(
        fc.constantFrom(
          '"1"',
          '"2"',
          '1',
          'W/"1"',
          '*',
          '""',
          '"-1"',
          '"1.5"',
          '"99999999999999999999"',
          '"2147483648"',
          'garbage',
          CURRENT_ETAG,
        ),
        asciiString(200),
      )
    : fc.constant(CURRENT_ETAG);
  const accept = hostile
    ? fc.constantFrom('application/json', 'text/csv', '*/*', 'application/xml', 'text/html', 'application/problem+json', 'x/y;q=z', '')
    : fc.constantFrom('application/json', '*/*');
  const idempotencyKey = hostile ? fc.oneof(fc.uuid({ version: 4 }), asciiString(300)) : fc.uuid({ version: 4 });
  return fc
    .record(
      { 'If-Match': ifMatch, 'Idempotency-Key': idempotencyKey, Accept: accept, 'X-Request-Id': asciiString(hostile ? 200 : 40) },
      { requiredKeys: hostile ? [] : ['If-Match'] },
    )
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);
}

/**
 * One request for `op`: half of them well-formed throughout (to reach the handlers' own logic),
 * half with hostile parameters, headers and bodies. `knownIds` gives fixture ids for a path parameter.
 */
export function requestArbitrary(ctx: FuzzContext, op: Operation, knownIds: (param: string) => string[]): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(requestOfKind(ctx, op, knownIds, false), requestOfKind(ctx, op, knownIds, true));
}

function requestOfKind(
  ctx: FuzzContext,
  op: Operation,
  knownIds: (param: string) => string[],
  hostile: boolean,
): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const hasBody = ['post', 'put', 'patch'].includes(op.method);
  const validBody = fc
    .oneof(validValue(ctx, op.body ?? { type: 'object' }), validValue({ ...ctx, plain: true }, op.body ?? { type: 'object' }))
    .map((v) => ({
      label: 'valid-looking',
      body: JSON.stringify(v),
    }));
  return fc
    .record({
      principal: fc.constantFrom(...PRINCIPALS),
      path: fc.tuple(...pathParams.map((p) => pathParamArbitrary(knownIds(p.name), hostile))),
      query: fc.tuple(...queryParams.map((p) => queryValueArbitrary(ctx, p, hostile))),
      headers: headersArbitrary(hostile),
      body: !hasBody ? fc.constant({ label: 'no body', body: undefined }) : hostile ? bodyArbitrary(ctx, op.body) : validBody,
    })
    .map(({ principal, path, query, headers, body }) => {
      let url = op.path;
      pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(path[i]))));
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => query[i]?.forEach((v) => search.append(p.name, v)));
      const qs = search.toString();
      return {
        principal,
        url: qs ? `${url}?${qs}` : url,
        headers,
        body: body.body,
        label: `${hostile ? 'hostile' : 'well-formed'}: ${body.label}`,
      };
    });
}
