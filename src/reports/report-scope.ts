import { hasRole, type Principal } from '../identity/auth/principal';

/**
 * Which projects a report counts (issue "Portfolio insight" §2): the CIO and admins everything; a
 * manager their unit subtree; anyone else the projects they propose, work on or assess; an API
 * key everything, or its unit's subtree when it is bound to one. Built as a SQL predicate over
 * `project p`, so every figure is computed in the database and never leaks a row.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const subtreeOf = (unitParam: string): string =>
  `p.org_unit_id IN (SELECT su.id FROM org_unit su JOIN org_unit root ON root.id = ${unitParam} WHERE su.path LIKE root.path || '%')`;

export function visibilityPredicate(principal: Principal, params: SqlParams): string {
  if (principal.type === 'api_key') return principal.orgUnitId ? subtreeOf(params.add(principal.orgUnitId)) : 'TRUE';
  if (hasRole(principal, 'cio') || hasRole(principal, 'admin')) return 'TRUE';
  const me = params.add(principal.userId);
  const own = [
    `p.proposer_id = ${me}`,
    `p.assigned_advisor_id = ${me}`,
    `EXISTS (SELECT 1 FROM project_team_member tm WHERE tm.project_id = p.id AND tm.user_id = ${me})`,
  ];
  if (hasRole(principal, 'manager') && principal.orgUnitId) own.push(subtreeOf(params.add(principal.orgUnitId)));
  return `(${own.join(' OR ')})`;
}

export interface ScopeFilters {
  orgUnitId?: string;
  technology?: string;
}

/** Visibility plus the org-unit subtree and technology filters every report accepts. */
export function scopePredicate(principal: Principal, filters: ScopeFilters, params: SqlParams): string {
  const parts = [visibilityPredicate(principal, params)];
  if (filters.orgUnitId) parts.push(subtreeOf(params.add(filters.orgUnitId)));
  if (filters.technology) parts.push(`${params.add(filters.technology)} = ANY (p.technologies)`);
  return parts.join(' AND ');
}

/** `from` (inclusive) and `to` (exclusive) on a timestamp column, as predicates. */
export function dateRange(column: string, q: { from?: string; to?: string }, params: SqlParams): string[] {
  const parts: string[] = [];
  if (q.from) parts.push(`${column} >= ${params.add(q.from)}::timestamptz`);
  if (q.to) parts.push(`${column} < ${params.add(q.to)}::timestamptz`);
  return parts;
}
