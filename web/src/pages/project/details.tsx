import type { ProjectDto } from '../../api/generated/api';
import { useI18n } from '../../i18n/use-i18n';

/** What the HERO proposed. */
export function ProjectDetails({ project: p }: { project: ProjectDto }) {
  const { t, term, fmt } = useI18n();
  const people = [
    t('details.proposedBy', { name: p.proposer.displayName, unit: p.orgUnit.name }),
    ...(p.team.length ? [t('details.team', { names: p.team.map((m) => m.displayName).join(', ') })] : []),
    ...(p.assignedAdvisor ? [t('details.advisor', { name: p.assignedAdvisor.displayName })] : []),
  ];
  return (
    <dl className="details">
      <div>
        <dt>{t('projectField.customerProblem')}</dt>
        <dd>{p.customerProblem || '—'}</dd>
      </div>
      <div>
        <dt>{t('projectField.customerTask')}</dt>
        <dd>{p.customerTask || '—'}</dd>
      </div>
      <div>
        <dt>{t('projectField.targetCustomers')}</dt>
        <dd>{p.targetCustomers || '—'}</dd>
      </div>
      <div>
        <dt>{t('projectField.solution')}</dt>
        <dd>{p.solution || '—'}</dd>
      </div>
      <div>
        <dt>{t('projectField.technologies')}</dt>
        <dd>{p.technologies.map((x) => term('tech', x)).join(', ') || '—'}</dd>
      </div>
      <div>
        <dt>{t('projectField.dataCategories')}</dt>
        <dd>{p.dataCategories.map((d) => term('data', d)).join(', ') || '—'}</dd>
      </div>
      <div>
        <dt>{t('projectField.vendors')}</dt>
        <dd>
          {p.vendors.length === 0
            ? t('common.none')
            : p.vendors.map((v) => (
                <span key={v.id} className="block">
                  {v.name}: {v.service}
                  {v.dataShared ? ` (${t('details.shares', { data: v.dataShared })})` : ''}
                </span>
              ))}
        </dd>
      </div>
      <div>
        <dt>{t('projectField.budget')}</dt>
        <dd>{fmt.money(p.budget)}</dd>
      </div>
      <div>
        <dt>{t('projectField.targetLaunchDate')}</dt>
        <dd>{fmt.date(p.targetLaunchDate)}</dd>
      </div>
      <div>
        <dt>{t('projectField.effortValue')}</dt>
        <dd>
          {p.effortValue
            ? t('details.valueEffort', {
                value: p.effortValue.valueScore,
                effort: p.effortValue.effortScore,
                verdict: term('verdict', p.effortValue.verdict),
              })
            : '—'}
        </dd>
      </div>
      <div>
        <dt>{t('details.people')}</dt>
        <dd>{people.join(t('details.peopleJoin'))}</dd>
      </div>
    </dl>
  );
}
