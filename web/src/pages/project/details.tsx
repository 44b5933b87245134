import type { ProjectDto } from '../../api/generated/api';
import { DATA_LABELS, formatDate, formatMoney, TECHNOLOGY_LABELS } from '../../lib/format';

const VERDICT: Record<string, string> = {
  no_brainer: 'No-brainer: value well above effort',
  effort_exceeds_value: 'Effort well above value',
  balanced: 'Balanced',
};

/** What the HERO proposed. */
export function ProjectDetails({ project: p }: { project: ProjectDto }) {
  return (
    <dl className="details">
      <div>
        <dt>Customer problem</dt>
        <dd>{p.customerProblem || '—'}</dd>
      </div>
      <div>
        <dt>Customer task</dt>
        <dd>{p.customerTask || '—'}</dd>
      </div>
      <div>
        <dt>Target customers</dt>
        <dd>{p.targetCustomers || '—'}</dd>
      </div>
      <div>
        <dt>Solution</dt>
        <dd>{p.solution || '—'}</dd>
      </div>
      <div>
        <dt>Technologies</dt>
        <dd>{p.technologies.map((t) => TECHNOLOGY_LABELS[t] ?? t).join(', ') || '—'}</dd>
      </div>
      <div>
        <dt>Customer data</dt>
        <dd>{p.dataCategories.map((d) => DATA_LABELS[d] ?? d).join(', ') || '—'}</dd>
      </div>
      <div>
        <dt>Vendors</dt>
        <dd>
          {p.vendors.length === 0
            ? 'None'
            : p.vendors.map((v) => (
                <span key={v.id} className="block">
                  {v.name}: {v.service}
                  {v.dataShared ? ` (shares ${v.dataShared})` : ''}
                </span>
              ))}
        </dd>
      </div>
      <div>
        <dt>Budget</dt>
        <dd>{formatMoney(p.budget)}</dd>
      </div>
      <div>
        <dt>Target launch</dt>
        <dd>{formatDate(p.targetLaunchDate)}</dd>
      </div>
      <div>
        <dt>Value and effort</dt>
        <dd>
          {p.effortValue
            ? `Value ${p.effortValue.valueScore}, effort ${p.effortValue.effortScore} — ${VERDICT[p.effortValue.verdict] ?? p.effortValue.verdict}`
            : '—'}
        </dd>
      </div>
      <div>
        <dt>People</dt>
        <dd>
          Proposed by {p.proposer.displayName} ({p.orgUnit.name})
          {p.team.length ? `; team: ${p.team.map((t) => t.displayName).join(', ')}` : ''}
          {p.assignedAdvisor ? `; advisor: ${p.assignedAdvisor.displayName}` : ''}
        </dd>
      </div>
    </dl>
  );
}
