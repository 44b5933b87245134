import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Reading the served OpenAPI 3.0 document (/docs-json): its operations, $ref resolution, and
 * response validation with ajv. OpenAPI 3.0 schemas are not quite JSON Schema (`nullable`,
 * `example`), so they are converted before ajv sees them.
 */
export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface MediaTypes {
  content?: Record<string, { schema?: Schema }>;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: MediaTypes & { required?: boolean };
  responses?: Record<string, MediaTypes>;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  /** "POST /api/v1/projects/{id}/submit" */
  key: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: Parameter[];
  body?: Schema;
  /** Documented JSON schema per status code (undefined: documented without a JSON body). */
  responses: Map<number, Schema | undefined>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const REF_PREFIX = '#/components/schemas/';

export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const op = item[method];
      const responses = new Map<number, Schema | undefined>();
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        responses.set(Number(status), jsonSchemaOf(r));
      }
      return {
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        params: op.parameters ?? [],
        body: jsonSchemaOf(op.requestBody),
        responses,
      };
    }),
  );
}

function jsonSchemaOf(media: MediaTypes | undefined): Schema | undefined {
  const content = media?.content ?? {};
  const json = Object.keys(content).find((type) => /json/.test(type));
  return json ? content[json]?.schema : undefined;
}

/** Follows $ref (and a single-element allOf wrapper, which is how @nestjs/swagger nests a DTO) to the schema itself. */
export function resolve(doc: OpenApiDoc, schema: Schema | undefined): Schema {
  let s: Schema = schema ?? {};
  for (let hops = 0; hops < 20; hops++) {
    if (typeof s.$ref === 'string') {
      const name = s.$ref.slice(REF_PREFIX.length);
      const target = doc.components?.schemas?.[name];
      if (!target) throw new Error(`unresolvable $ref ${s.$ref}`);
      s = { ...target, ...(s.nullable ? { nullable: true } : {}) };
    } else if (Array.isArray(s.allOf) && s.allOf.length === 1 && !s.properties) {
      const { allOf, ...rest } = s;
      s = { ...rest, ...(allOf[0] as Schema) };
    } else return s;
  }
  throw new Error('$ref chain too long');
}

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` becomes `anyOf [..., null]`; refs point into the
 * registered components. `closed` adds `additionalProperties: false` to every object that lists its
 * properties, so a response carrying an undocumented member (an internal column, a hash) fails.
 */
export function toJsonSchema(node: unknown, closed = false): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, closed));
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node as Schema)) {
    if (k === 'example' || k === 'nullable') continue;
    if (k === '$ref' && typeof v === 'string') out.$ref = `openapi.json${v}`;
    // properties/enum hold names and values, not schemas: convert their members, not the keys.
    else if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(Object.entries(v as Schema).map(([name, p]) => [name, toJsonSchema(p, closed)]));
    } else if (k === 'enum') out.enum = v;
    else out[k] = toJsonSchema(v, closed);
  }
  if (closed && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if ((node as Schema).nullable === true) {
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/**
 * Validates 2xx bodies against the documented response schemas, closed (no undocumented members:
 * OWASP API3 excessive data exposure); one compiled function per schema.
 */
export class ResponseValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<Schema, ValidateFunction>();

  constructor(doc: OpenApiDoc) {
    // strict: false: @nestjs/swagger emits annotation keywords (description, example) ajv does not know.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ components: { schemas: toJsonSchema(doc.components?.schemas ?? {}, true) } }, 'openapi.json');
  }

  /** Error text when `body` breaks `schema`, undefined when it conforms. */
  check(schema: Schema, body: unknown): string | undefined {
    let validate = this.cache.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema, true) as Schema);
      this.cache.set(schema, validate);
    }
    return validate(body) ? undefined : this.ajv.errorsText(validate.errors, { separator: '; ' });
  }
}
