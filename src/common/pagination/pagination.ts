import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationProblem } from '../problem/problem';

/** `?limit=&cursor=` of every list (API.md "Lists"). */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
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

export function decodeCursor<K extends Record<string, string | number>>(cursor: string | undefined, fields: (keyof K)[]): K | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (fields.every((f) => ['string', 'number'].includes(typeof parsed[f as string]))) return parsed as K;
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
