import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { moneyOrNull } from '../common/money/money.dto';
import { ProblemError } from '../common/problem/problem';
import type { Principal } from '../identity/auth/principal';
import type { Role } from '../identity/auth/roles';
import type { Project } from '../projects/entities/project.entity';
import { isAuthorityRefusal, nearestDecidingLevel, refusalText, type UnitLevel } from './decision-authority';
import { assertCanDecide, type DecideRefusal, type Decider, type ProjectUnderDecision } from './separation-of-duties';

interface ManagerRow {
  id: string;
  roles: Role[];
  limit: string | null;
  currency: string | null;
  path: string;
  unitId: string;
}

const MANAGER_COLUMNS = `u.id, u.roles, u.approval_limit_amount AS "limit", u.approval_limit_currency AS currency, ou.path, ou.id AS "unitId"`;

const toDecider = (r: ManagerRow): Decider => ({
  userId: r.id,
  roles: ['hero', ...r.roles],
  approvalLimitMinor: r.limit === null ? null : Number(r.limit),
  approvalCurrency: r.currency?.trim() ?? null,
  unitPath: r.path,
});

/**
 * Loads what `assertCanDecide` needs (DOMAIN.md §6) and turns a refusal into the problem the API
 * answers: 403 `insufficient-authority` naming the nearest unit whose manager can decide, or 403
 * `separation-of-duties` for a conflict of interest.
 */
@Injectable()
export class DeciderAuthority {
  /**
   * Refuses unless `principal` may decide `project`. Both the assessor of the revision being decided
   * and the assigned advisor are barred (they differ when the CIO submitted the assessment).
   */
  async assertCanDecide(em: EntityManager, principal: Principal, project: Project, assessorIds: readonly (string | null)[]): Promise<void> {
    const rows = await em.query<ManagerRow[]>(
      `SELECT ${MANAGER_COLUMNS} FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id WHERE u.id = $1`,
      [principal.userId],
    );
    const unitPath = await this.unitPath(em, project.orgUnitId);
    const decider = rows[0] ? toDecider(rows[0]) : null;
    for (const assessorId of new Set(assessorIds)) {
      const under = this.underDecision(project, unitPath, assessorId);
      const check = decider ? assertCanDecide({ decider, project: under }) : ({ ok: false, reason: 'not_manager' } as const);
      if (!check.ok) throw await this.refusal(em, check.reason, decider, project, under);
    }
  }

  underDecision(project: Project, unitPath: string, assessorId: string | null): ProjectUnderDecision {
    return {
      proposerId: project.proposerId,
      teamMemberIds: (project.team ?? []).map((m) => m.userId),
      assessorId,
      budgetMinor: project.budgetAmount === null ? null : Number(project.budgetAmount),
      currency: project.budgetCurrency?.trim() ?? null,
      unitPath,
    };
  }

  private async unitPath(em: EntityManager, unitId: string): Promise<string> {
    const rows = await em.query<{ path: string }[]>('SELECT path FROM org_unit WHERE id = $1', [unitId]);
    return rows[0]?.path ?? '';
  }

  /** The project's unit and its ancestors, each with the active managers placed in it. */
  private async chain(em: EntityManager, unitId: string): Promise<UnitLevel[]> {
    const units = await em.query<{ id: string; name: string; kind: string; depth: number }[]>(
      `SELECT a.id, a.name, a.kind, a.depth FROM org_unit a JOIN org_unit pu ON pu.id = $1 WHERE pu.path LIKE a.path || '%'`,
      [unitId],
    );
    const managers = await em.query<ManagerRow[]>(
      `SELECT ${MANAGER_COLUMNS} FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id
       WHERE u.org_unit_id = ANY($1::uuid[]) AND 'manager' = ANY(u.roles) AND u.status = 'active'`,
      [units.map((u) => u.id)],
    );
    return units.map((u) => ({
      unitId: u.id,
      unitName: u.name,
      unitKind: u.kind,
      depth: u.depth,
      managers: managers.filter((m) => m.unitId === u.id).map(toDecider),
    }));
  }

  private async refusal(
    em: EntityManager,
    reason: DecideRefusal,
    decider: Decider | null,
    project: Project,
    under: ProjectUnderDecision,
  ): Promise<ProblemError> {
    const level = nearestDecidingLevel(await this.chain(em, project.orgUnitId), under);
    const decidingUnit = level ? { id: level.unitId, name: level.unitName, kind: level.unitKind } : null;
    const where = decidingUnit
      ? ` A manager of ${decidingUnit.name} (${decidingUnit.kind}) can decide; the project waits for them.`
      : ' No manager above the project’s unit can decide it yet: an admin must raise an approval limit.';
    const extensions = {
      reason,
      decidingUnit,
      budget: moneyOrNull(project.budgetAmount, project.budgetCurrency),
      approvalLimit: decider ? moneyOrNull(decider.approvalLimitMinor, decider.approvalCurrency) : null,
    };
    if (isAuthorityRefusal(reason)) {
      return new ProblemError(403, 'insufficient-authority', 'Insufficient authority', `${refusalText(reason)}${where}`, extensions);
    }
    return new ProblemError(403, 'separation-of-duties', 'Separation of duties', `${refusalText(reason)}${where}`, extensions);
  }
}
