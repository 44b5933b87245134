import type { CsvCell } from '../common/csv/csv';
import type { ProjectSummaryDto } from './dto/project.dto';

/** Columns of the project list export (`GET /projects` with `Accept: text/csv`). */
export const PROJECT_CSV_COLUMNS = [
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
  'valueScore',
  'effortScore',
  'valueVerdict',
  'supportCount',
  'orgUnitId',
  'proposerId',
  'assignedAdvisorId',
  'submittedAt',
  'createdAt',
  'updatedAt',
  'id',
] as const;

/** Money stays in minor units, as in the JSON API. */
export function projectCsvRow(p: ProjectSummaryDto): CsvCell[] {
  return [
    p.reference,
    p.title,
    p.customerTask,
    p.state,
    p.riskLevel,
    p.fastTrack,
    p.technologies.join(' '),
    p.budget?.amount,
    p.budget?.currency,
    p.targetLaunchDate,
    p.valueScore,
    p.effortScore,
    p.valueVerdict,
    p.supportCount,
    p.orgUnitId,
    p.proposerId,
    p.assignedAdvisorId,
    p.submittedAt,
    p.createdAt,
    p.updatedAt,
    p.id,
  ];
}
