import type { DataSource, EntityMetadata, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Project } from './entities/project.entity';

/** The children a project is loaded with, in the order the API shows them. */
const CHILDREN: { relation: 'vendors' | 'kpis' | 'team'; orderBy?: string }[] = [
  { relation: 'vendors', orderBy: 'position' },
  { relation: 'kpis', orderBy: 'position' },
  { relation: 'team' },
];

/** Column types PostgreSQL's JSON would turn into numbers or lose: read as text, as pg returns them. */
const AS_TEXT = new Set<unknown>(['numeric', 'decimal', 'bigint', 'int8', 'date', 'money']);
const AS_DATE = new Set<unknown>(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone', Date]);

/**
 * Projects read with hand-written statements: the columns of `project`, its virtual columns (the
 * support count) and, for the detail, each child list (vendors, KPIs, team) as a `json_agg`
 * sub-select — one row per project.
 *
 * TypeORM's entity query joined the three child tables (a row per vendor × KPI × team member), built
 * its SQL on every call and grouped the rows back into entities — a third of the app's CPU on
 * `GET /projects/{id}` (docs/performance.md, "The project detail"); lists paid for building the SQL
 * and hydrating likewise. The select list here is built once from
 * the entity metadata, so a new column is read without touching this file; values go through the
 * driver's `prepareHydratedValue` like TypeORM's own reads, and children are entity instances with
 * every column, so a loaded project can be saved (cascades) as before.
 */
/** A statement over `project` aliased `p`: TypeORM's named parameters (`:name`, `:...list`), column names. */
export interface ProjectStatement {
  /** Conditions joined with AND (none: every row). */
  where: string[];
  parameters: ObjectLiteral;
  /** With the vendors, KPIs and team (the detail); without, the columns and the support count (lists). */
  children?: boolean;
  /** What `p` ranges over, when not the whole table (e.g. a bounded sub-select). */
  from?: string;
  orderBy?: string;
  limit?: number;
}

export class ProjectGraph {
  private readonly metadata: EntityMetadata;
  private readonly columnsSql: string;
  private readonly childrenSql: string;

  constructor(private readonly dataSource: DataSource) {
    this.metadata = dataSource.getMetadata(Project);
    const columns = this.metadata.columns
      .filter((c) => c.isSelect && !c.isVirtualProperty)
      .map((c) => `p.${this.quote(c.databaseName)} AS ${this.quote(c.propertyName)}`);
    const virtuals = this.metadata.columns
      .filter((c) => c.isVirtualProperty && c.query)
      .map((c) => `(${c.query!('p')}) AS ${this.quote(c.propertyName)}`);
    this.columnsSql = [...columns, ...virtuals].join(', ');
    this.childrenSql = CHILDREN.map(({ relation, orderBy }) => {
      const child = this.metadata.findRelationWithPropertyPath(relation)!.inverseEntityMetadata;
      const fields = this.childColumns(child)
        .map((c) => `'${c.propertyName}', ${this.childValue(c)}`)
        .join(', ');
      const order = orderBy ? ` ORDER BY c.${this.quote(child.findColumnWithPropertyName(orderBy)!.databaseName)}` : '';
      return `coalesce((SELECT json_agg(json_build_object(${fields})${order}) FROM ${this.quote(child.tableName)} c WHERE c.project_id = p.id), '[]') AS ${this.quote(relation)}`;
    }).join(', ');
  }

  /** The statement's SQL and its positional parameters. */
  query(statement: ProjectStatement): [string, unknown[]] {
    const { where, parameters, children, from, orderBy, limit } = statement;
    const sql = [
      `SELECT ${this.columnsSql}${children ? `, ${this.childrenSql}` : ''}`,
      `FROM ${from ?? this.quote(this.metadata.tableName)} p`,
      where.length ? `WHERE ${where.join(' AND ')}` : '',
      orderBy ? `ORDER BY ${orderBy}` : '',
      limit !== undefined ? `LIMIT ${Math.trunc(limit)}` : '',
    ];
    return this.dataSource.driver.escapeQueryWithParameters(sql.filter(Boolean).join(' '), parameters);
  }

  /** A row of `query` as a Project entity (with its children when they were selected). */
  hydrate(row: Record<string, unknown>): Project {
    const project = this.entity<Project>(this.metadata, row, (c) => this.dataSource.driver.prepareHydratedValue(row[c.propertyName], c));
    for (const { relation } of CHILDREN) {
      if (!(relation in row)) continue;
      const child = this.metadata.findRelationWithPropertyPath(relation)!.inverseEntityMetadata;
      const items = (row[relation] as Record<string, unknown>[]).map((item) =>
        this.entity(child, item, (c) => {
          const value = item[c.propertyName];
          return this.dataSource.driver.prepareHydratedValue(AS_DATE.has(c.type) && typeof value === 'string' ? new Date(value) : value, c);
        }),
      );
      (project as unknown as Record<string, unknown>)[relation] = items;
    }
    return project;
  }

  private entity<T>(metadata: EntityMetadata, row: Record<string, unknown>, read: (c: ColumnMetadata) => unknown): T {
    const entity = metadata.create() as T;
    for (const c of metadata.columns) {
      if (!c.isSelect || !(c.propertyName in row)) continue;
      c.setEntityValue(entity as ObjectLiteral, read(c));
    }
    return entity;
  }

  private childColumns(child: EntityMetadata): ColumnMetadata[] {
    const seen = new Set<string>();
    return child.columns.filter((c) => c.isSelect && !c.isVirtualProperty && !seen.has(c.databaseName) && seen.add(c.databaseName));
  }

  private childValue(c: ColumnMetadata): string {
    const column = `c.${this.quote(c.databaseName)}`;
    return AS_TEXT.has(c.type) ? `${column}::text` : column;
  }

  private quote(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
  }
}
