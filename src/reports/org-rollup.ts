import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationProblem } from '../common/problem/problem';

/**
 * Reports roll figures up to the units one level below the filter unit (or below the company):
 * with materialized paths (`/root/division/department/`), a unit's ancestor at depth D is path
 * segment D + 2, and a unit that sits higher than D stands for itself.
 */
@Injectable()
export class OrgRollup {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** SQL for the unit a row of `org_unit` (aliased `alias`) rolls up to, given the depth parameter. */
  expression(alias: string, depthParam: string): string {
    return `coalesce(nullif(split_part(${alias}.path, '/', ${depthParam}::int + 2), ''), ${alias}.id::text)`;
  }

  /** The rollup depth for a filter unit (unknown unit → 400 naming orgUnitId). */
  async depth(orgUnitId: string | undefined): Promise<number> {
    if (!orgUnitId) return 1;
    const rows = await this.dataSource.query<{ depth: number }[]>('SELECT depth FROM org_unit WHERE id = $1', [orgUnitId]);
    if (rows.length === 0) throw new ValidationProblem([{ field: 'orgUnitId', message: 'orgUnitId is not an existing org unit' }]);
    return rows[0].depth + 1;
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(
      'SELECT id::text, name FROM org_unit WHERE id::text = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
