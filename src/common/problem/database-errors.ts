import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** PostgreSQL SQLSTATEs and socket errors that mean "database unreachable" → 503 (STACK.md). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08000',
  '08001',
  '08003',
  '08006',
  '53300', // too_many_connections
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
];

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  return codeOf(e.driverError) ?? codeOf(e.cause);
}

export function isDatabaseUnavailable(err: unknown): boolean {
  // When a transaction's connection dies (PostgreSQL stopped or crashed), TypeORM releases its query
  // runner at once, and the transaction's next query fails with one of these, without a driver code
  // (test/resilience-postgres-restart.e2e-spec.ts). Still logged with their stack, as every 5xx is.
  if (err instanceof QueryRunnerAlreadyReleasedError || err instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const code = codeOf(err);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const message = err instanceof Error ? err.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}

export function isUniqueViolation(err: unknown): boolean {
  return codeOf(err) === '23505';
}
