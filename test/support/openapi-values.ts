import fc from 'fast-check';
import { OpenApiDoc, resolve, Schema } from './openapi-schema';

/**
 * fast-check arbitraries for the values an OpenAPI schema describes: valid-looking ones (formats,
 * enums, bounds, examples and existing ids honoured), and the odd strings and JSON values that
 * hostile requests are made of (test/support/openapi-fuzz.ts).
 */
/** The document, and ids of existing records to draw uuid-formatted values from. */
export interface FuzzContext {
  doc: OpenApiDoc;
  knownUuids: string[];
  /** Existing ids for a property or parameter name (orgUnitId → org units), when the name says what it refers to. */
  idsFor?: (name: string) => string[] | undefined;
  /** Plain values (examples, short alphanumerics, small numbers, unique items) that pass undocumented validators more often. */
  plain?: boolean;
}

const alphanumeric = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
export const asciiString = (maxLength: number) => fc.string({ unit: printable, maxLength });

/** Strings that have broken parsers, databases and loggers before. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  'zero\u200bwidth',
  'e\u0301\u0301\u0301',
  '😀🏳️‍🌈👨‍👩‍👧',
  '\\',
  '"',
  "'",
  '%00',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  "' OR 1=1--",
  '1e309',
  '-0',
  'NaN',
  'null',
  '__proto__',
];
export const nastyString = fc.constantFrom(...NASTY_STRINGS);
const anyString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), nastyString);
export const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 0.5),
  anyString,
  fc.constant([]),
  fc.constant({}),
);

/** A valid-looking value for `schema` (formats, enums, bounds and examples honoured; patterns only via examples). */
export function validValue(ctx: FuzzContext, raw: Schema | undefined, depth = 0, name = ''): fc.Arbitrary<unknown> {
  const s = resolve(ctx.doc, raw);
  if (ctx.plain && s.example !== undefined) return fc.constant(s.example);
  const base = valueOfType(ctx, s, depth, name);
  const withExample = s.example !== undefined ? fc.oneof(fc.constant(s.example), base) : base;
  return s.nullable && !ctx.plain
    ? fc.oneof({ weight: 4, arbitrary: withExample }, { weight: 1, arbitrary: fc.constant(null) })
    : withExample;
}

function valueOfType(ctx: FuzzContext, s: Schema, depth: number, name: string): fc.Arbitrary<unknown> {
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...(s.enum as unknown[]));
  for (const k of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[k])) return fc.oneof(...(s[k] as Schema[]).map((x) => validValue(ctx, x, depth + 1)));
  }
  if (Array.isArray(s.allOf)) return validValue(ctx, mergeAllOf(ctx, s), depth);
  const min = typeof s.minimum === 'number' ? s.minimum : ctx.plain ? 1 : -1_000_000;
  const max = typeof s.maximum === 'number' ? s.maximum : ctx.plain ? min + 1000 : 1_000_000;
  if (ctx.plain && (s.type === 'integer' || s.type === 'number')) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  switch (s.type) {
    case 'integer':
      return fc.integer({ min, max });
    case 'number':
      return fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
      const maxLength = Math.max(minLength, Math.min(typeof s.maxItems === 'number' ? s.maxItems : 3, 3));
      if (depth > 4) return fc.constant([]);
      const item = validValue(ctx, s.items as Schema, depth + 1, name);
      if (!ctx.plain) return fc.array(item, { minLength, maxLength });
      return fc.uniqueArray(item, {
        minLength: Math.max(minLength, 1),
        maxLength: Math.max(minLength, 2),
        selector: (v) => JSON.stringify(v),
      });
    }
    case 'string':
      return stringOfFormat(ctx, s, name);
    default:
      return objectValue(ctx, s, depth);
  }
}

function stringOfFormat(ctx: FuzzContext, s: Schema, name: string): fc.Arbitrary<string> {
  const maxLength = typeof s.maxLength === 'number' ? Math.min(s.maxLength, 60) : 60;
  const minLength = typeof s.minLength === 'number' ? Math.min(s.minLength, maxLength) : 0;
  const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
  switch (s.format) {
    // Mostly ids that exist, so that references (orgUnitId, advisorId, versionId…) get past the 404.
    case 'uuid': {
      const named = ctx.idsFor?.(name);
      const known = named && named.length > 0 ? named : ctx.knownUuids;
      if (known.length === 0) return fc.uuid({ version: 4 });
      if (ctx.plain) return fc.constantFrom(...known);
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, fc.uuid({ version: 4 }));
    }
    case 'date-time':
      return date.map((d) => d.toISOString());
    case 'date':
      return date.map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return ctx.plain ? fc.integer({ min: 1, max: 1e9 }).map((n) => `fuzz${n}@demo.local`) : fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      // Undeclared formats that the description names (e.g. "Created at or after (ISO 8601)").
      if (typeof s.description === 'string' && /ISO 8601|ISO date|instant/i.test(s.description)) {
        return fc.oneof(
          date.map((d) => d.toISOString()),
          date.map((d) => d.toISOString().slice(0, 10)),
        );
      }
      if (ctx.plain)
        return fc.string({
          unit: alphanumeric,
          minLength: Math.max(minLength, 3),
          maxLength: Math.max(minLength, Math.min(maxLength, 20)),
        });
      return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, 20) }));
  }
}

function objectValue(ctx: FuzzContext, s: Schema, depth: number): fc.Arbitrary<unknown> {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  if (depth > 4 || Object.keys(props).length === 0) return fc.constant({});
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validValue(ctx, v, depth + 1, k)]));
  return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
}

function mergeAllOf(ctx: FuzzContext, s: Schema): Schema {
  const parts = (s.allOf as Schema[]).map((p) => resolve(ctx.doc, p));
  return {
    type: 'object',
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), s.properties ?? {}),
    required: parts.flatMap((p) => (Array.isArray(p.required) ? (p.required as string[]) : [])),
  };
}
