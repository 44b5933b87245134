import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { SelectQueryBuilder } from 'typeorm';
import { ValidationProblem } from '../problem/problem';

/** `?limit=&cursor=` of every list (API.md "Lists"). */
export class PageQueryDto {
  // integer, not the number TypeScript implies: 1.5 is refused (found by the OpenAPI fuzz test).
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;

/** Opaque keyset cursors: base64url JSON of the sort key of the last row served. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2}):(\d{2})))?$/;
/** A calendar-valid date or instant PostgreSQL accepts (Date.parse takes 2026-02-30 and year 0; PostgreSQL does not). */
function isInstant(v: unknown): boolean {
  const m = typeof v === 'string' ? INSTANT.exec(v) : null;
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours <= 15 &&
    offsetMinutes < 60
  );
}
const isInteger = (v: unknown) =>
  (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && /^\d{1,18}$/.test(v));

/**
 * What each cursor member name holds, by the convention every list follows (`id` the row's uuid,
 * `at`/`createdAt` an instant, `v`/`e` a sort date or instant, '' for a null one, `seq`/`revision` a
 * counter). Checked here because services cast these values in SQL (`:v::timestamptz`, uuid
 * comparisons): a forged cursor must be the 400 API.md promises, not a database error and a 500
 * (found by test/security-injection.e2e-spec.ts). Other names must be strings or numbers.
 */
const CURSOR_MEMBERS: Record<string, (v: unknown) => boolean> = {
  id: (v) => typeof v === 'string' && UUID.test(v),
  at: isInstant,
  createdAt: isInstant,
  v: (v) => v === '' || isInstant(v),
  e: (v) => v === '' || isInstant(v),
  seq: isInteger,
  revision: (v) => isInteger(v) && Number(v) <= 2_147_483_647,
};
const isCursorMember = (name: string, v: unknown) =>
  (CURSOR_MEMBERS[name] ?? ((x: unknown) => typeof x === 'number' || (typeof x === 'string' && x.length <= 512 && !x.includes('\u0000'))))(
    v,
  );

export function decodeCursor<K extends Record<string, string | number>>(cursor: string | undefined, fields: (keyof K)[]): K | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (fields.every((f) => isCursorMember(f as string, parsed[f as string]))) return parsed as K;
  } catch {
    // fall through to the validation problem
  }
  throw new ValidationProblem([{ field: 'cursor', message: 'cursor is not a cursor returned by this list' }]);
}

/** Fetches limit+1 rows and turns the extra one into nextCursor. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, cursorOf: (row: R) => Record<string, string | number>): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}

/** OpenAPI helper: `{ items: T[], nextCursor }` page schemas need a concrete class per item type. */
export function pageDtoOf<T>(item: new () => T): new () => Page<T> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}

/**
 * The keyset page most lists need: rows of `alias` ordered by (`column`, id) — newest first by
 * default — `limit + 1` fetched, the cursor checked (decodeCursor) and compared in SQL as a
 * (timestamptz, uuid) pair. The caller adds its own WHERE clauses first.
 */
export async function pageByTime<E extends { id: string }, T>(
  qb: SelectQueryBuilder<E>,
  query: PageQueryDto,
  map: (row: E) => T,
  options: { alias: string; column?: keyof E & string; order?: 'ASC' | 'DESC' },
): Promise<Page<T>> {
  const { alias, column = 'createdAt' as keyof E & string, order = 'DESC' } = options;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
  qb.orderBy(`${alias}.${column}`, order)
    .addOrderBy(`${alias}.id`, order)
    .limit(limit + 1);
  if (after) {
    qb.andWhere(`(${alias}.${column}, ${alias}.id) ${order === 'DESC' ? '<' : '>'} (:cursorAt::timestamptz, :cursorId::uuid)`, {
      cursorAt: after.at,
      cursorId: after.id,
    });
  }
  return toPage(await qb.getMany(), limit, map, (row) => ({ at: (row[column] as Date).toISOString(), id: row.id }));
}
