import { moneyOrNull } from '../common/money/money.dto';
import { ProjectDto, ProjectSummaryDto } from './dto/project.dto';
import { Project } from './entities/project.entity';

/** The fields a project summary is made of: lists read only these (ProjectViews.list). */
export const PROJECT_SUMMARY_FIELDS = [
  'id',
  'reference',
  'title',
  'customerTask',
  'state',
  'riskLevel',
  'fastTrack',
  'technologies',
  'budgetAmount',
  'budgetCurrency',
  'targetLaunchDate',
  'proposerId',
  'orgUnitId',
  'assignedAdvisorId',
  'valueScore',
  'effortScore',
  'valueVerdict',
  'submittedAt',
  'createdAt',
  'updatedAt',
  'version',
  'supportCount',
] as const satisfies readonly (keyof Project)[];
export type ProjectSummaryRow = Pick<Project, (typeof PROJECT_SUMMARY_FIELDS)[number]>;

export function toProjectSummaryDto(p: ProjectSummaryRow): ProjectSummaryDto {
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    customerTask: p.customerTask,
    state: p.state,
    riskLevel: p.riskLevel,
    fastTrack: p.fastTrack,
    technologies: p.technologies,
    budget: moneyOrNull(p.budgetAmount, p.budgetCurrency),
    targetLaunchDate: p.targetLaunchDate,
    proposerId: p.proposerId,
    orgUnitId: p.orgUnitId,
    assignedAdvisorId: p.assignedAdvisorId,
    valueScore: p.valueScore,
    effortScore: p.effortScore,
    valueVerdict: p.valueVerdict,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
    supportCount: p.supportCount ?? 0,
  };
}

/** Display names the detail shows: the unit's, and each person's by id. */
export interface DetailNames {
  unit: string;
  people: Record<string, string>;
}

/** The full project as the API shows it (names read by ProjectViews.render). */
export function toProjectDto(p: Project, allowedActions: string[], names: DetailNames): ProjectDto {
  const team = p.team ?? [];
  const person = (id: string) => ({ id, displayName: names.people[id] ?? 'Unknown' });
  return {
    ...toProjectSummaryDto(p),
    summary: p.summary,
    customerProblem: p.customerProblem,
    targetCustomers: p.targetCustomers,
    solution: p.solution,
    dataCategories: p.dataCategories,
    vendors: (p.vendors ?? []).map((v) => ({ id: v.id, name: v.name, service: v.service, dataShared: v.dataShared })),
    kpis: (p.kpis ?? []).map((k) => ({
      id: k.id,
      name: k.name,
      unit: k.unit,
      baseline: Number(k.baseline),
      target: Number(k.target),
      direction: k.direction,
    })),
    tags: p.tags,
    proposer: person(p.proposerId),
    orgUnit: { id: p.orgUnitId, name: names.unit },
    assignedAdvisor: p.assignedAdvisorId ? person(p.assignedAdvisorId) : null,
    team: team.map((m) => person(m.userId)),
    selfScreening:
      p.selfScreening && p.indicativeTier
        ? {
            answers: p.selfScreening,
            indicativeTier: p.indicativeTier,
            fastTrack: p.fastTrack,
            fastTrackRemovedReason: p.fastTrackRemovedReason,
          }
        : null,
    effortValue:
      p.effortValue && p.valueScore !== null && p.effortScore !== null && p.valueVerdict
        ? { answers: p.effortValue, valueScore: p.valueScore, effortScore: p.effortScore, verdict: p.valueVerdict }
        : null,
    launchedAt: p.launchedAt?.toISOString() ?? null,
    retiredAt: p.retiredAt?.toISOString() ?? null,
    retirementReason: p.retirementReason,
    // Filled by the decisions module (ProjectViews.addDetailPart).
    decision: null,
    allowedActions,
  };
}

/** Fields recorded in audit events for a project change (children flattened to comparable values). */
export function projectAuditView(p: Project): Record<string, unknown> {
  return {
    title: p.title,
    summary: p.summary,
    customerProblem: p.customerProblem,
    customerTask: p.customerTask,
    targetCustomers: p.targetCustomers,
    solution: p.solution,
    technologies: p.technologies,
    dataCategories: p.dataCategories,
    budget: moneyOrNull(p.budgetAmount, p.budgetCurrency),
    targetLaunchDate: p.targetLaunchDate,
    tags: p.tags,
    orgUnitId: p.orgUnitId,
    state: p.state,
    riskLevel: p.riskLevel,
    fastTrack: p.fastTrack,
    assignedAdvisorId: p.assignedAdvisorId,
    selfScreening: p.selfScreening,
    effortValue: p.effortValue,
    launchedAt: p.launchedAt?.toISOString() ?? null,
    retiredAt: p.retiredAt?.toISOString() ?? null,
    retirementReason: p.retirementReason,
    vendors: (p.vendors ?? []).map((v) => ({ name: v.name, service: v.service, dataShared: v.dataShared })),
    kpis: (p.kpis ?? []).map((k) => ({
      name: k.name,
      unit: k.unit,
      baseline: Number(k.baseline),
      target: Number(k.target),
      direction: k.direction,
    })),
    team: (p.team ?? []).map((m) => m.userId).sort(),
  };
}
