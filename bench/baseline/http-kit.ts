import type { IncomingMessage, ServerResponse } from 'node:http';

/** The least a JSON API needs: read a bounded JSON body, answer JSON or problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(detail);
  }
}

export const badRequest = (field: string, message: string): HttpProblem =>
  new HttpProblem(400, 'validation-failed', 'Invalid request', 'The request has invalid fields.', [{ field, message }]);
export const notFound = (what: string): HttpProblem => new HttpProblem(404, 'not-found', 'Not found', `${what} not found.`);

const BODY_LIMIT = 256 * 1024;

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', 'Send application/json.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new HttpProblem(413, 'payload-too-large', 'Payload too large', 'The body is too large.');
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpProblem(400, 'malformed-json', 'Malformed JSON', 'The body is not a JSON object.');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendProblem(res: ServerResponse, req: IncomingMessage, err: unknown): void {
  const p =
    err instanceof HttpProblem ? err : new HttpProblem(500, 'internal', 'Internal error', 'Something went wrong; it has been logged.');
  if (!(err instanceof HttpProblem)) process.stderr.write(`baseline: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  const text = JSON.stringify({
    type: `https://hero-compact.example/problems/${p.code}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: req.url,
    ...(p.errors ? { errors: p.errors } : {}),
  });
  res.writeHead(p.status, { 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
