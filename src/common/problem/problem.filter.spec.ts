import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemError } from './problem';
import { problemBody, toProblem } from './problem.filter';

describe('toProblem', () => {
  it('keeps domain problems as they are', () => {
    const p = new ProblemError(409, 'invalid-transition', 'Invalid transition', 'nope', { allowedActions: ['submit'] });
    expect(toProblem(p)).toBe(p);
    expect(problemBody(p, '/x', 'r1')).toMatchObject({
      type: expect.stringMatching(/invalid-transition$/),
      status: 409,
      allowedActions: ['submit'],
      requestId: 'r1',
      instance: '/x',
    });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, code: 'not-found', detail: 'Cannot GET /x' });
    expect(toProblem(new BadRequestException(['a', 'b']))).toMatchObject({ status: 400, detail: 'a; b' });
    expect(toProblem(new ServiceUnavailableException({ status: 'error', details: { database: { status: 'down' } } }))).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '5' },
      extensions: { checks: { database: { status: 'down' } } },
    });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03'])('maps database outage %s to 503 with Retry-After', (code) => {
    const err = Object.assign(new Error('connect failed'), { code });
    expect(toProblem(err)).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
  });

  it('maps a unique violation to 409 without SQL', () => {
    const err = new QueryFailedError('INSERT INTO users ...', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    const p = toProblem(err);
    expect(p.status).toBe(409);
    expect(JSON.stringify(problemBody(p, '/x'))).not.toMatch(/INSERT|duplicate key/);
  });

  it('maps a body that fails to decompress (zlib Z_DATA_ERROR, no body-parser type) to 400, not 500', () => {
    const err = Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', status: 400, expose: true });
    expect(toProblem(err)).toMatchObject({ status: 400, code: 'malformed-json' });
  });

  it('turns anything else into a 500 that leaks neither stack nor SQL', () => {
    const err = new QueryFailedError('SELECT secret FROM t', [], new Error('relation "t" does not exist'));
    const body = problemBody(toProblem(err), '/x');
    expect(body.status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/SELECT|relation|at .*\.ts/);
  });
});
