import { gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { Actors, seedActors } from './support/actors';
import { nested } from './support/openapi-fuzz';
import { completeProject } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Hostile request bodies (issue 11 item 4; OWASP API4 resource consumption, API8 misconfiguration):
 * each is refused with the right problem+json status and problem type (naming the field for
 * validation errors), nothing is stored, the process survives, and no prototype is polluted.
 */
const PROBLEM_JSON = /^application\/problem\+json/;
const LIMIT = 256 * 1024; // BODY_LIMIT default (API.md "Operations")

type Target = 'createProject' | 'login' | 'patchUser';
interface Case {
  name: string;
  target: Target;
  body: string | Buffer;
  /** Expected status(es) and problem type (last segment of `type`). */
  status: number | number[];
  type: string | RegExp;
  /** A field the validation-error must name. */
  field?: string | RegExp;
  contentType?: string;
  headers?: Record<string, string>;
}
type Extra = Partial<Pick<Case, 'field' | 'contentType' | 'headers'>>;
const c = (name: string, target: Target, body: string | Buffer, status: Case['status'], type: Case['type'], extra: Extra = {}): Case => ({
  name,
  target,
  body,
  status,
  type,
  ...extra,
});

const json = (o: unknown) => JSON.stringify(o);
const project = completeProject();
const tagsNested = (levels: number, kind: 'object' | 'array' = 'object') => `{"title":"Deep","tags":${nested(levels, kind)}}`;
/** The field of a too-deep body: its path down to the level where the limit was hit. */
const DEEP = /^(tags|x|budget|vendors|a|\[0\])(\.a|\[0\])*$/;
const TOO_DEEP = { field: DEEP };
const GZIP = { 'Content-Encoding': 'gzip' };
const BAD_TYPE = 'unsupported-media-type';
const PATCH_ARRAY = '[{"op":"replace","path":"/roles","value":["admin"]}]';

const CASES: Case[] = [
  // Size
  c('a body over BODY_LIMIT', 'createProject', json({ ...project, summary: 'x'.repeat(LIMIT + 1) }), 413, 'payload-too-large'),
  c('a body of 5 MB', 'login', json({ email: 'a@b.c', password: 'y'.repeat(5 * 1024 * 1024) }), 413, 'payload-too-large'),
  c(
    'a gzip body inflating past BODY_LIMIT (zip bomb)',
    'createProject',
    gzipSync(json({ ...project, summary: ' '.repeat(4 << 20) })),
    413,
    'payload-too-large',
    { headers: GZIP },
  ),
  c('a gzip header over bytes that are not gzip', 'login', '{"email":"a"}', 400, 'malformed-json', { headers: GZIP }),
  c('an unknown Content-Encoding', 'login', '{}', 415, BAD_TYPE, { headers: { 'Content-Encoding': 'br-x' } }),
  c(
    'a 10,000-element array',
    'createProject',
    json({ ...project, tags: Array.from({ length: 10_000 }, (_, i) => `t${i}`) }),
    400,
    'validation-error',
  ),
  // Depth: class-transformer recursed until the stack overflowed (RangeError → 500) before safe-input.ts
  c('JSON nested 10,000 objects deep in an array field', 'createProject', tagsNested(10_000), 400, 'validation-error', TOO_DEEP),
  c('JSON nested 10,000 arrays deep in an array field', 'createProject', tagsNested(10_000, 'array'), 400, 'validation-error', TOO_DEEP),
  c('JSON nested 10,000 objects deep at the top level', 'login', nested(10_000), 400, 'validation-error', TOO_DEEP),
  c(
    'JSON nested 10,000 levels in an unknown field',
    'createProject',
    `{"title":"Deep","x":${nested(10_000)}}`,
    400,
    'validation-error',
    TOO_DEEP,
  ),
  c(
    'JSON nested 10,000 levels in a nested DTO',
    'createProject',
    `{"title":"Deep","budget":${nested(10_000)}}`,
    400,
    'validation-error',
    TOO_DEEP,
  ),
  c(
    'JSON nested 10,000 levels in a DTO array',
    'createProject',
    `{"title":"Deep","vendors":[${nested(10_000)}]}`,
    400,
    'validation-error',
    TOO_DEEP,
  ),
  c('JSON nested 100,000 arrays deep', 'login', nested(100_000, 'array'), 400, 'validation-error', TOO_DEEP),
  c(
    'JSON nested 10,000 deep with an Idempotency-Key (fingerprinted before validation)',
    'createProject',
    tagsNested(10_000),
    400,
    'validation-error',
    {
      headers: { 'Idempotency-Key': 'deep-body-1' },
    },
  ),
  // Shape and type
  c('an array where an object is expected', 'createProject', json([project]), 400, /validation-error|bad-request/),
  c('an empty array where an object is expected', 'login', '[]', 400, /validation-error|bad-request/),
  c('a JSON string at the top level', 'createProject', '"title"', 400, /malformed-json|validation-error/),
  c('a JSON number at the top level', 'login', '42', 400, /malformed-json|validation-error/),
  c('JSON null at the top level', 'createProject', 'null', 400, /malformed-json|validation-error/),
  c('a number where a string is expected', 'createProject', json({ ...project, title: 42 }), 400, 'validation-error', { field: 'title' }),
  c('operator objects where strings are expected', 'login', json({ email: { $gt: '' }, password: { $ne: null } }), 400, 'validation-error'),
  c('a string where an array is expected', 'createProject', json({ ...project, technologies: 'web' }), 400, 'validation-error', {
    field: 'technologies',
  }),
  c('an object where an array is expected', 'createProject', json({ ...project, kpis: { 0: project.kpis } }), 400, 'validation-error'),
  c('a string where a nested object is expected', 'createProject', json({ ...project, budget: '1200000 EUR' }), 400, 'validation-error'),
  // @ValidateNested() alone lets an array through where one object is expected (it validates each element)
  c('an empty array where a nested object is expected', 'createProject', json({ ...project, budget: [] }), 400, 'validation-error', {
    field: /^budget/,
  }),
  c(
    'an array of the right object where one is expected',
    'createProject',
    json({ ...project, budget: [project.budget] }),
    400,
    'validation-error',
    {
      field: /^budget/,
    },
  ),
  c('an array where a nested DTO is expected', 'createProject', json({ ...project, effortValue: [] }), 400, 'validation-error', {
    field: /^effortValue/,
  }),
  c(
    'a fraction for minor units',
    'createProject',
    json({ ...project, budget: { amount: 10.5, currency: 'EUR' } }),
    400,
    'validation-error',
  ),
  c(
    '1e400 (Infinity) for minor units',
    'createProject',
    '{"title":"x","budget":{"amount":1e400,"currency":"EUR"}}',
    400,
    'validation-error',
  ),
  c(
    'a number past 2^53 for minor units',
    'createProject',
    '{"title":"x","budget":{"amount":90071992547409930,"currency":"EUR"}}',
    400,
    'validation-error',
  ),
  c('null for required strings', 'login', json({ email: null, password: null }), 400, 'validation-error'),
  // Text PostgreSQL cannot store, and text that is not Unicode
  c('U+0000 inside a string', 'createProject', json({ ...project, title: 'nul\u0000byte' }), 400, 'validation-error', { field: 'title' }),
  c(
    'U+0000 inside a nested string',
    'createProject',
    json({ ...project, vendors: [{ name: 'A\u0000', service: 's', dataShared: 'd' }] }),
    400,
    'validation-error',
    {
      field: 'vendors[0].name',
    },
  ),
  c('a lone surrogate escape (I-JSON)', 'login', '{"email":"\\ud800@x.y","password":"x"}', 400, 'validation-error', { field: 'email' }),
  c(
    'bytes that are not UTF-8',
    'login',
    Buffer.from([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    400,
    /malformed-json|validation-error/,
  ),
  // Prototype keys
  c('a __proto__ key', 'createProject', '{"title":"x","__proto__":{"polluted":true}}', 400, 'validation-error', { field: '__proto__' }),
  c(
    'a constructor.prototype key',
    'createProject',
    '{"title":"x","constructor":{"prototype":{"polluted":true}}}',
    400,
    'validation-error',
    {
      field: 'constructor',
    },
  ),
  c(
    'a nested __proto__ key',
    'createProject',
    '{"title":"x","budget":{"__proto__":{"polluted":true},"amount":1,"currency":"EUR"}}',
    400,
    'validation-error',
    {
      field: 'budget.__proto__',
    },
  ),
  // Media type
  c('text/plain', 'createProject', json(project), 415, BAD_TYPE, { contentType: 'text/plain' }),
  c('form-urlencoded', 'login', 'email=a%40b.c&password=x', 415, BAD_TYPE, { contentType: 'application/x-www-form-urlencoded' }),
  c('multipart/form-data', 'createProject', '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--b--', 415, BAD_TYPE, {
    contentType: 'multipart/form-data; boundary=b',
  }),
  c('application/xml', 'login', '<login><email>a@b.c</email></login>', 415, BAD_TYPE, { contentType: 'application/xml' }),
  c('no Content-Type on a body', 'createProject', json(project), 415, BAD_TYPE, { contentType: '' }),
  c('a JSON look-alike media type', 'createProject', json(project), 415, BAD_TYPE, { contentType: 'application/jsonx' }),
  c('a charset other than UTF-8', 'login', json({ email: 'a@b.c', password: 'x' }), 415, BAD_TYPE, {
    contentType: 'application/json; charset=iso-8859-1',
  }),
  c('PATCH with an array body', 'patchUser', PATCH_ARRAY, [400, 428], /validation-error|bad-request|precondition-required/),
  c(
    'PATCH with a JSON Patch media type',
    'patchUser',
    PATCH_ARRAY,
    [400, 415, 428],
    /validation-error|bad-request|unsupported-media-type|precondition-required/,
    {
      contentType: 'application/json-patch+json',
    },
  ),
  // Syntax
  c('truncated JSON', 'createProject', '{"title": "x"', 400, 'malformed-json'),
  c('single quotes', 'login', "{'email':'a@b.c'}", 400, 'malformed-json'),
  c('a trailing comma', 'createProject', '{"title":"x",}', 400, 'malformed-json'),
  c('NaN', 'createProject', '{"title":"x","budget":{"amount":NaN,"currency":"EUR"}}', 400, 'malformed-json'),
  c('a comment', 'login', '{"email":"a@b.c" /* hi */}', 400, 'malformed-json'),
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('hostile request bodies', () => {
  let t: TestApp;
  let actors: Actors;
  let heroAuth: Record<string, string>;
  let adminAuth: Record<string, string>;
  let userPath: string;
  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    heroAuth = await actors.auth('hero');
    adminAuth = await actors.auth('admin');
    userPath = `/api/v1/users/${await actors.userId('salesHero')}`;
  }, 60_000);
  afterAll(() => t.close());

  function send(k: Case): Promise<Response> {
    const req =
      k.target === 'createProject'
        ? t.http.post('/api/v1/projects').set(heroAuth)
        : k.target === 'login'
          ? t.http.post('/api/v1/auth/login')
          : t.http.patch(userPath).set(adminAuth).set('If-Match', '"1"');
    const contentType = k.contentType ?? 'application/json';
    if (contentType) req.set('Content-Type', contentType);
    else req.unset('Content-Type');
    for (const [name, value] of Object.entries(k.headers ?? {})) req.set(name, value);
    // Identity serializer: superagent would otherwise JSON-encode a Buffer sent as application/json.
    return req.serialize((body: unknown) => body as string).send(k.body);
  }

  async function count(table: string): Promise<number> {
    const [row] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  }

  it.each(CASES.map((k) => [k.name, k] as const))('%s', async (_name, k) => {
    const projectsBefore = await count('project');
    const res = await send(k);
    const statuses = Array.isArray(k.status) ? k.status : [k.status];
    if (!statuses.includes(res.status)) throw new Error(`expected ${statuses.join(' or ')}, got ${res.status}: ${res.text.slice(0, 500)}`);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body).toMatchObject({ status: res.status, title: expect.any(String), type: expect.stringMatching(/\/problems\//) });
    const code = String(res.body.type).split('/').pop();
    if (typeof k.type === 'string') expect(code).toBe(k.type);
    else expect(code).toMatch(k.type);
    if (k.field) {
      const pattern = typeof k.field === 'string' ? new RegExp(`^${escape(k.field)}$`) : k.field;
      expect(res.body.errors?.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
    }
    expect(res.text).not.toMatch(/\n\s+at |SyntaxError|RangeError|QueryFailedError/);
    expect(await count('project')).toBe(projectsBefore);
    // The process survives, and no prototype was polluted by __proto__ / constructor keys.
    await t.http.get('/health/live').expect(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stores what it accepts exactly (no NUL bytes, no mangled text)', async () => {
    const title = 'Ünïcødé 😀 \u202e right-to-left';
    const res = await t.http
      .post('/api/v1/projects')
      .set(heroAuth)
      .send({ ...project, title })
      .expect(201);
    const got = await t.http.get(`/api/v1/projects/${res.body.id}`).set(heroAuth).expect(200);
    expect(got.body.title).toBe(title);
  });
});
