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

/** A statement over `project` aliased `p`: TypeORM's named parameters (`:name`, `:...list`), column names. */
export interface ProjectStatement {
  /** Conditions joined with AND (none: every row). */
  where: string[];
  parameters: ObjectLiteral;
  /** Only these properties (a list's summary); all columns and the support count by default. */
  fields?: readonly (keyof Project)[];
  /** With the vendors, KPIs and team (the detail). */
  children?: boolean;
  /** What `p` ranges over, when not the whole table (e.g. a bounded sub-select). */
  from?: string;
  orderBy?: string;
  limit?: number;
}

/** Column types whose value pg already gives as TypeORM would; others go through the driver (e.g. `date`). */
const AS_IS = new Set<unknown>([
  'text',
  'varchar',
  'character varying',
  'char',
  'character',
  'uuid',
  'int',
  'integer',
  'int4',
  'smallint',
  'int2',
  'bigint',
  'int8',
  'numeric',
  'decimal',
  'boolean',
  'bool',
  'jsonb',
  'timestamptz',
  'timestamp with time zone',
]);

/** How one column of a row becomes a property: pg's value as it is, or through the driver. */
interface ColumnRead {
  column: ColumnMetadata;
  property: string;
  asIs: boolean;
}

/**
 * Projects read with hand-written statements: the columns of `project`, its virtual columns (the
 * support count) and, for the detail, each child list (vendors, KPIs, team) as a `json_agg`
 * sub-select — one row per project.
 *
 * TypeORM's entity query joined the three child tables (a row per vendor × KPI × team member), built
 * its SQL on every call and grouped the rows back into entities — a third of the app's CPU on
 * `GET /projects/{id}` (docs/performance.md §5, "Projects read without TypeORM's query builder");
 * lists paid for building the SQL and hydrating likewise. The select lists here are built once from
 * the entity metadata, so a new column is read without touching this file; values pg cannot give as
 * TypeORM does (dates, transformers) go through the driver's `prepareHydratedValue`, and children
 * are entity instances with every column, so a loaded project can be saved (cascades) as before.
 * test/projects-graph.e2e-spec.ts holds the read to TypeORM's own, value types included.
 */
export class ProjectGraph {
  private readonly metadata: EntityMetadata;
  private readonly reads: ColumnRead[];
  /** Each child list: its entity's metadata and its sub-select, made once. */
  private readonly children: { relation: string; metadata: EntityMetadata; sql: string }[];
  private readonly childrenSql: string;
  private readonly selects = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {
    this.metadata = dataSource.getMetadata(Project);
    this.reads = this.metadata.columns
      .filter((c) => c.isSelect && (!c.isVirtualProperty || c.query))
      .map((c) => ({
        column: c,
        property: c.propertyName,
        asIs: !c.transformer && !c.embeddedMetadata && (c.isVirtualProperty || AS_IS.has(c.type) || (c.isArray && c.type === 'text')),
      }));
    this.children = CHILDREN.map(({ relation, orderBy }) => {
      const child = this.metadata.findRelationWithPropertyPath(relation)!.inverseEntityMetadata;
      const fields = this.childColumns(child)
        .map((c) => `'${c.propertyName}', ${this.childValue(c)}`)
        .join(', ');
      const order = orderBy ? ` ORDER BY c.${this.quote(child.findColumnWithPropertyName(orderBy)!.databaseName)}` : '';
      const sql = `coalesce((SELECT json_agg(json_build_object(${fields})${order}) FROM ${this.quote(child.tableName)} c WHERE c.project_id = p.id), '[]') AS ${this.quote(relation)}`;
      return { relation, metadata: child, sql };
    });
    this.childrenSql = this.children.map((c) => c.sql).join(', ');
  }

  /** The statement's SQL and its positional parameters. */
  query(statement: ProjectStatement): [string, unknown[]] {
    const { where, parameters, fields, children, from, orderBy, limit } = statement;
    const sql = [
      `SELECT ${this.selectList(fields)}${children ? `, ${this.childrenSql}` : ''}`,
      `FROM ${from ?? this.quote(this.metadata.tableName)} p`,
      where.length ? `WHERE ${where.join(' AND ')}` : '',
      orderBy ? `ORDER BY ${orderBy}` : '',
      limit !== undefined ? `LIMIT ${Math.trunc(limit)}` : '',
    ];
    return this.dataSource.driver.escapeQueryWithParameters(sql.filter(Boolean).join(' '), parameters);
  }

  /** A row of `query` as a Project entity (only the fields selected; the children when selected). */
  hydrate(row: Record<string, unknown>): Project {
    const project = this.metadata.create() as Project;
    const props = project as unknown as Record<string, unknown>;
    for (const { column, property, asIs } of this.reads) {
      if (!(property in row)) continue;
      if (asIs) props[property] = row[property];
      else column.setEntityValue(props, this.dataSource.driver.prepareHydratedValue(row[property], column));
    }
    for (const { relation, metadata } of this.children) {
      if (relation in row) props[relation] = (row[relation] as Record<string, unknown>[]).map((item) => this.child(metadata, item));
    }
    return project;
  }

  /** The select list for these fields (all by default), built once per set of fields. */
  private selectList(fields?: readonly string[]): string {
    const key = fields?.join(',') ?? '*';
    let sql = this.selects.get(key);
    if (sql === undefined) {
      const unknown = fields?.find((f) => !this.reads.some((r) => r.property === f));
      if (unknown) throw new Error(`Project has no selectable field ${unknown}`);
      sql = this.reads
        .filter((r) => !fields || fields.includes(r.property))
        .map(
          ({ column: c }) =>
            `${c.isVirtualProperty ? `(${c.query!('p')})` : `p.${this.quote(c.databaseName)}`} AS ${this.quote(c.propertyName)}`,
        )
        .join(', ');
      this.selects.set(key, sql);
    }
    return sql;
  }

  private child(metadata: EntityMetadata, item: Record<string, unknown>): unknown {
    const entity = metadata.create() as ObjectLiteral;
    for (const c of metadata.columns) {
      if (!c.isSelect || !(c.propertyName in item)) continue;
      const value = item[c.propertyName];
      // JSON has no timestamps: they arrive as strings.
      c.setEntityValue(
        entity,
        this.dataSource.driver.prepareHydratedValue(AS_DATE.has(c.type) && typeof value === 'string' ? new Date(value) : value, c),
      );
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
