import { ProblemError } from '../common/problem/problem';
import type { Project } from './entities/project.entity';
import { allowedActions, isProjectState, type Actor, type LifecycleAction } from './project-lifecycle';

/** What the caller may do now, straight from the lifecycle table. */
export function allowedActionsFor(project: Project, relations: ReadonlySet<Actor>): LifecycleAction[] {
  return isProjectState(project.state) ? allowedActions(project.state, relations) : [];
}

export function invalidTransition(project: Pick<Project, 'state'>, action: LifecycleAction, allowed: LifecycleAction[]): ProblemError {
  return new ProblemError(
    409,
    'invalid-transition',
    'Invalid transition',
    `You cannot ${action.replace(/_/g, ' ')} a project in state ${project.state}.`,
    { currentState: project.state, action, allowedActions: allowed },
  );
}

/** DOMAIN.md §4 submit guard: what a project must state before IT and management look at it. */
export function missingForSubmission(p: Project): { field: string; message: string }[] {
  const missing: { field: string; message: string }[] = [];
  const text = (field: keyof Project, label: string) => {
    if (typeof p[field] !== 'string' || p[field].trim() === '') missing.push({ field, message: `${label} is required to submit` });
  };
  text('summary', 'a summary');
  text('customerProblem', 'the customer problem');
  text('customerTask', 'the customer task it improves');
  text('solution', 'the solution');
  if (p.technologies.length === 0) missing.push({ field: 'technologies', message: 'at least one technology is required to submit' });
  if (p.dataCategories.length === 0)
    missing.push({ field: 'dataCategories', message: 'data categories are required to submit (use "none" when no data is used)' });
  if (p.budgetAmount === null) missing.push({ field: 'budget', message: 'a budget is required to submit' });
  if ((p.kpis ?? []).length === 0) missing.push({ field: 'kpis', message: 'at least one KPI is required to submit' });
  if (p.selfScreening === null) missing.push({ field: 'selfScreening', message: 'the self-screening must be done before submitting' });
  return missing;
}
